// dcgan: the command-line front end of the Dcgan library. Each command lives in its own file.
using System.CommandLine;
using Dcgan.Cli;

var root = new RootCommand("Deep Convolutional GANs (Radford, Metz, Chintala 2016) on TorchSharp: train, sample and explore the latent space.")
{
    TrainCommand.Create(),
    SampleCommand.Create(),
    GridCommand.Create(),
    InterpolateCommand.Create(),
    ArithmeticCommand.Create(),
    ForgetCommand.Create(),
    TrainClassifierCommand.Create(),
    ReferenceStatisticsCommand.Create(),
    ProbeCommand.Create(),
    EvaluateCommand.Create(),
    LatentMetricsCommand.Create(),
    AblateCommand.Create(),
};
// The default exception handler would print a stack trace; CommandLineErrors turns user errors into one line.
// Ctrl+C and SIGTERM are handled by the train command itself (it saves a checkpoint), so no termination timeout.
return CommandLineErrors.Run(() => root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }));
