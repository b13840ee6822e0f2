// The root command of `dcgan`: the user's commands, in the order `dcgan --help` lists them.
using System.CommandLine;

namespace Dcgan.Cli;

internal static class DcganCommands
{
    public static RootCommand Create() =>
        new("Deep Convolutional GANs (Radford, Metz, Chintala 2016) on TorchSharp: train, sample and explore the latent space.")
        {
            TrainCommand.Create(),
            SampleCommand.Create(),
            InterpolateCommand.Create(),
            ArithmeticCommand.Create(),
            ForgetCommand.Create(),
            DedupCommand.Create(),
            ConvertCommand.Create(),
            ExportCommand.Create(),
            PlotCommand.Create(),
        };
}
