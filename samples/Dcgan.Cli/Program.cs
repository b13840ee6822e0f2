// dcgan: the command-line front end of the Dcgan library. Each command lives in its own file.
using System.CommandLine;
using Dcgan.Cli;

var root = new RootCommand("Deep Convolutional GANs (Radford, Metz, Chintala 2016) on TorchSharp: train and sample.")
{
    TrainCommand.Create(),
    SampleCommand.Create(),
    TrainClassifierCommand.Create(),
    ReferenceStatisticsCommand.Create(),
};
return CommandLineErrors.Run(() => root.Parse(args).Invoke());
