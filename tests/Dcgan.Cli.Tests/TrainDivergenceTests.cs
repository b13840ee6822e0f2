// `dcgan train --learning-rate --beta1 --on-divergence`: validated in the user's words; a learning rate high enough to
// make the losses NaN ends the run with one clear line and a non-zero exit code, and leaves no NaN checkpoint.
using System.CommandLine;
using Dcgan.CommandLine;
using Dcgan.Models;
using Dcgan.Persistence;
using Dcgan.Training;

namespace Dcgan.Cli.Tests;

[Collection(TinyRunCollection.Name)]
public sealed class TrainDivergenceTests(TinyRun run)
{
    private string TinyData => Path.Combine(run.Folder, "tiny-images-idx3-ubyte");

    [Theory]
    [InlineData("--learning-rate", "0", "--learning-rate 0 is out of range: expected a number from 1E-12 to 1E+12.")]
    [InlineData("--learning-rate", "1e13", "--learning-rate 1E+13 is out of range: expected a number from 1E-12 to 1E+12.")]
    [InlineData("--beta1", "0.9995", "--beta1 0.9995 is out of range: expected a number from 0 to below 0.999.")]
    [InlineData("--beta1", "-0.1", "--beta1 -0.1 is out of range: expected a number from 0 to below 0.999.")]
    [InlineData("--on-divergence", "sometimes", "--on-divergence 'sometimes' is not a policy; expected stop, skip or rollback.")]
    public void Bad_values_are_refused_in_the_users_words(string option, string value, string message)
    {
        Train(option, value).Errors.Select(e => e.Message).Should().ContainSingle().Which.Should().Be(message);
    }

    [Theory]
    [InlineData("--learning-rate", "0.001")]
    [InlineData("--beta1", "0.9")]
    [InlineData("--on-divergence", "Rollback")]
    [InlineData("--on-divergence", "skip")]
    public void Good_values_parse(string option, string value)
    {
        Train(option, value).Errors.Should().BeEmpty();
    }

    [Theory]
    [InlineData("stop", "Or set OnDivergence to SkipBatch or RollBack.", "(dcgan train: lower --learning-rate, or pass --on-divergence skip or rollback.)")]
    [InlineData("skip", "Gave up: 11 batches in a row diverged (MaxConsecutiveSkippedBatches = 10)", "(dcgan train: lower --learning-rate.)")]
    [InlineData("rollback", "Gave up after 3 roll-back(s) (MaxRollBacks = 3)", "(dcgan train: lower --learning-rate.)")]
    public void A_run_that_diverges_ends_with_one_clear_line_a_non_zero_exit_code_and_no_NaN_checkpoint(string policy, string outcome, string hint)
    {
        string output = Path.Combine(run.NewFolder(), "diverged");

        (int exit, string errors) = ToolRunner.Dcgan("train", "--data", TinyData, "--epochs", "10", "--batch-size", "32",
            "--generator-width", "8", "--discriminator-width", "8", "--learning-rate", "1e12", "--on-divergence", policy, "--output", output);

        exit.Should().Be(CommandLineTool.UserErrorExitCode);
        errors.TrimEnd().Should().NotContain("\n", "one line").And.NotContain(" at Dcgan.", "no stack trace")
            .And.StartWith("error: Training diverged at step ")
            .And.Contain(outcome)
            .And.EndWith(hint);
        foreach (string checkpoint in Directory.Exists(output) ? Directory.GetFiles(output, "*.dcgan") : [])
        {
            (DcganGenerator g, _) = CheckpointModels.LoadGenerator<DcganGenerator>(checkpoint);
            using (g)
            {
                g.parameters().SelectMany(p => p.data<float>().ToArray()).Should().OnlyContain(v => float.IsFinite(v), checkpoint);
            }
        }
    }

    [Fact]
    public void A_resumed_run_refuses_a_new_learning_rate_and_names_the_one_it_keeps()
    {
        (int exit, string errors) = ToolRunner.Dcgan("train", "--data", TinyData, "--batch-size", "32", "--resume", run.RunFolder,
            "--output", run.NewFolder(), "--learning-rate", "0.001");

        exit.Should().Be(CommandLineTool.UserErrorExitCode);
        double kept = Checkpoints.Read(CheckpointLocator.Resolve(run.RunFolder)).Trainer.GeneratorLearningRate; // the profile's, as trained
        kept.Should().Be(TrainingProfile.QuickStart.LearningRate);
        errors.Should().Be("error: --learning-rate and --beta1 set up a new run; a resumed run keeps its checkpoint's (learning rate 0.0005, beta1 0.5). Start a new run in another --output, or resume with --on-divergence rollback." + Environment.NewLine);
    }

    private static ParseResult Train(params string[] args) => DcganCommands.Create().Parse(["train", .. args]);
}
