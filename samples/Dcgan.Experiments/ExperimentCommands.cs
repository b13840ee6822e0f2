// The root command of `dcgan-experiments`: the evaluation protocol's commands, in the order `--help` lists them.
using System.CommandLine;

namespace Dcgan.Experiments;

internal static class ExperimentCommands
{
    public static RootCommand Create() =>
        new("The DCGAN paper's experiments on Fashion-MNIST: the evaluation classifier, real-data references, linear probes on discriminator features, sample quality, latent-space metrics and the stability ablation.")
        {
            TrainClassifierCommand.Create(),
            ReferenceStatisticsCommand.Create(),
            ProbeCommand.Create(),
            EvaluateCommand.Create(),
            LatentMetricsCommand.Create(),
            AblateCommand.Create(),
            TimeToQualityCommand.Create(),
            EqualStepsCommand.Create(),
            FidReferenceCommand.Create(),
            FidCommand.Create(),
        };
}
