// `dcgan train --resume RUN_FOLDER` falls back to the newest checkpoint that verifies, naming each newer one it
// skipped and why (here: a truncated newest checkpoint, as a crash or a full disk mid-copy would leave).
namespace Dcgan.Cli.Tests;

[Collection(TinyRunCollection.Name)]
public sealed class TrainResumeTests(TinyRun run)
{
    [Fact]
    public void Resume_skips_a_truncated_newest_checkpoint_names_it_and_continues_from_the_previous_one()
    {
        string folder = run.NewFolder();
        string good = Directory.GetFiles(run.RunFolder, "checkpoint-*.dcgan").Single();
        string copied = Path.Combine(folder, Path.GetFileName(good));
        File.Copy(good, copied);
        string truncated = Path.Combine(folder, "checkpoint-e0001-s00000099.dcgan");
        File.WriteAllBytes(truncated, File.ReadAllBytes(good)[..2000]);

        ToolResult result = ToolRunner.Dcgan(
            "train", "--data", run.Data, "--resume", folder, "--output", folder, "--epochs", "2");

        result.ExitCode.Should().Be(0, result.Errors);
        result.Output.Should().Contain($"skipped {truncated}: Checkpoint '{truncated}' is truncated or corrupt");
        result.Output.Should().Contain($"Resuming from {copied} at epoch 2, step 2.");
        Directory.GetFiles(folder, "checkpoint-e0002-*.dcgan").Should().ContainSingle("the resumed run trained its second epoch");
    }

    [Theory]
    [InlineData("--batch-size", "8", "32")]
    [InlineData("--seed", "5", "1")]
    [InlineData("--generator-width", "16", "8")]
    public void Resume_refuses_a_flag_that_changes_a_kept_setting_naming_both_values(string flag, string value, string kept)
    {
        string folder = run.NewFolder();
        File.Copy(Directory.GetFiles(run.RunFolder, "checkpoint-*.dcgan").Single(), Path.Combine(folder, "checkpoint-e0001-s00000002.dcgan"));

        ToolRunner.Dcgan("train", "--data", run.Data, "--resume", folder, "--output", folder, "--epochs", "2", flag, value)
            .ShouldBeOneLineUserError($"{flag} {value} differs from the resumed run's {kept}: a resumed run keeps the settings stored in its checkpoint");
        Directory.GetFiles(folder, "checkpoint-e0002-*.dcgan").Should().BeEmpty();
    }

    [Fact]
    public void Resume_keeps_the_checkpoints_settings_and_runs_on_the_device_asked_for()
    {
        string folder = run.NewFolder();
        File.Copy(Directory.GetFiles(run.RunFolder, "checkpoint-*.dcgan").Single(), Path.Combine(folder, "checkpoint-e0001-s00000002.dcgan"));

        ToolResult result = ToolRunner.Dcgan("train", "--data", run.Data, "--resume", folder, "--output", folder, "--epochs", "2", "--device", "cpu",
            "--batch-size", "32", "--generator-width", "8"); // the checkpoint's own values: accepted, as in the printed resume command

        result.ExitCode.Should().Be(0, result.Errors);
        result.Output.Should().Contain("(from the checkpoint), device cpu");
        Directory.GetFiles(folder, "checkpoint-e0002-*.dcgan").Should().ContainSingle();
    }
}
