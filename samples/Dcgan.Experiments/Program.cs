// dcgan-experiments: the DCGAN paper's experiments on Fashion-MNIST, as in docs/evaluation.md. Each command lives in
// its own file; training, sampling and latent-space exploration are the separate tool dcgan (samples/Dcgan.Cli).
using Dcgan.CommandLine;
using Dcgan.Experiments;

return CommandLineTool.Run("dcgan-experiments", ExperimentCommands.Create(), args);
