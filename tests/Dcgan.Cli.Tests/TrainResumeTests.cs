// `dcgan train --resume RUN_FOLDER` falls back to the newest checkpoint that verifies, naming each newer one it
// skipped and why (here: a truncated newest checkpoint, as a crash or a full disk mid-copy would leave).
using Spectre.Console;

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

        (int exit, string errors, string output) = WithCapturedConsole(() => ToolRunner.Dcgan(
            "train", "--data", Path.Combine(run.Folder, "tiny-images-idx3-ubyte"), "--resume", folder, "--output", folder, "--epochs", "2"));

        exit.Should().Be(0, errors);
        output.Should().Contain($"skipped {truncated}: Checkpoint '{truncated}' is truncated or corrupt");
        output.Should().Contain($"Resuming from {copied} at epoch 2, step 2.");
        Directory.GetFiles(folder, "checkpoint-e0002-*.dcgan").Should().ContainSingle("the resumed run trained its second epoch");
    }

    private static (int Exit, string Errors, string Output) WithCapturedConsole(Func<(int, string)> run)
    {
        IAnsiConsole original = AnsiConsole.Console;
        using var output = new StringWriter();
        IAnsiConsole captured = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        captured.Profile.Width = 100_000; // no wrapping inside long paths
        AnsiConsole.Console = captured;
        try
        {
            (int exit, string errors) = run();
            return (exit, errors, output.ToString());
        }
        finally
        {
            AnsiConsole.Console = original;
        }
    }
}
