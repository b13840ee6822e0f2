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
}
