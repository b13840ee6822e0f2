// dcgan: the command-line front end of the Dcgan library (train, sample, explore the latent space). Each command
// lives in its own file; the paper's experiments are the separate tool dcgan-experiments (samples/Dcgan.Experiments).
using Dcgan.Cli;
using Dcgan.CommandLine;

return CommandLineTool.Run("dcgan", DcganCommands.Create(), args);
