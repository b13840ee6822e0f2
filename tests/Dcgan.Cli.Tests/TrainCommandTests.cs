// `dcgan train` end to end on 64 random images: two steps write a checkpoint, a grid and the loss log; a cancellation
// (what Ctrl+C does) mid-run saves a checkpoint and prints the full command that resumes the same run; that command
// continues the run to its end in the same folder; `--preset paper` without width flags keeps train's own widths.
using System.CommandLine;
using Dcgan.Models;
using Dcgan.Persistence;
using Dcgan.Training;

namespace Dcgan.Cli.Tests;

[Collection(TinyRunCollection.Name)]
public sealed class TrainCommandTests(TinyRun run)
{
    [Fact]
    public void Two_steps_write_a_checkpoint_a_sample_grid_and_the_loss_log()
    {
        string output = Path.Combine(run.NewFolder(), "run");

        ToolResult result = ToolRunner.Dcgan("train", "--data", run.Data, "--epochs", "1", "--batch-size", "32",
            "--generator-width", "8", "--discriminator-width", "8", "--output", output);

        result.ExitCode.Should().Be(0, result.Errors);
        result.Output.Should().Contain("Done: 2 steps");
        Checkpoints.Read(CheckpointLocator.Resolve(output)).GlobalStep.Should().Be(2);
        File.ReadAllLines(Path.Combine(output, "losses.csv")).Should().HaveCount(3, "a header and one line per step");
        Directory.GetFiles(output, "samples-e*.png").Should().ContainSingle("one grid per finished epoch");
    }

    [Fact]
    public void Preset_paper_without_width_flags_takes_the_widths_of_the_profile_not_the_presets()
    {
        string output = Path.Combine(run.NewFolder(), "run");

        ToolResult result = ToolRunner.Dcgan("train", "--data", run.Data, "--epochs", "1", "--batch-size", "32",
            "--preset", "paper", "--output", output);

        result.ExitCode.Should().Be(0, result.Errors);
        CheckpointInfo manifest = Checkpoints.Read(CheckpointLocator.Resolve(output));
        DcganModelOptions architecture = manifest.DcganOptions!;
        (architecture.GeneratorWidth, architecture.DiscriminatorWidth).Should().Be((TrainingProfile.QuickStart.Width!.Value, TrainingProfile.QuickStart.Width!.Value),
            "`--preset paper` sets projection, kernels and prior; the widths are the quick-start profile's, " +
            "whatever DcganModelOptions.Paper's own (128) are");
        (architecture.KernelSize, architecture.Projection).Should().Be((5, LatentProjection.Dense));
        manifest.Trainer.GeneratorLearningRate.Should().Be(TrainingProfile.QuickStart.LearningRate);
        manifest.Trainer.BatchSize.Should().Be(32, "an explicit flag overrides the profile");
    }

    [Fact]
    public void Profile_paper_takes_the_papers_learning_rate_and_the_presets_widths()
    {
        string output = Path.Combine(run.NewFolder(), "run");

        ToolResult result = ToolRunner.Dcgan("train", "--data", run.Data, "--epochs", "1", "--profile", "paper", "--batch-size", "64", "--discriminator-width", "8", "--output", output);

        result.ExitCode.Should().Be(0, result.Errors);
        CheckpointInfo manifest = Checkpoints.Read(CheckpointLocator.Resolve(output));
        (manifest.Trainer.GeneratorLearningRate, manifest.Trainer.DiscriminatorLearningRate).Should().Be((2e-4, 2e-4));
        TrainingProfile.Paper.BatchSize.Should().Be(128); // the 64 test images need the explicit --batch-size 64
        (manifest.DcganOptions!.GeneratorWidth, manifest.DcganOptions.DiscriminatorWidth).Should().Be((128, 8), "Paper's own generator width, the explicit discriminator width");
    }

    [Fact]
    public void An_unknown_profile_is_named()
    {
        ToolResult result = ToolRunner.Dcgan("train", "--data", run.Data, "--profile", "fast", "--output", run.NewFolder());

        result.ExitCode.Should().Be(2);
        result.Errors.Should().Contain("--profile 'fast': expected one of quick-start, paper");
    }

    [Fact]
    public void Cancelling_mid_run_saves_a_checkpoint_and_the_printed_command_resumes_the_same_run()
    {
        string output = Path.Combine(run.NewFolder(), "run");
        // 50 epochs of 4 steps: long enough that the cancellation lands mid-run even on an idle machine (5 epochs could
        // finish before the watcher saw the loss log).
        string[] train = ["train", "--data", run.Data, "--epochs", "50", "--batch-size", "16", "--generator-width", "8", "--discriminator-width", "8", "--output", output];
        const long total = 50 * 4;

        ToolResult stopped = CancelAfterFirstSteps(train, Path.Combine(output, "losses.csv"));

        stopped.ExitCode.Should().Be(0, stopped.Errors);
        CheckpointInfo saved = Checkpoints.Read(CheckpointLocator.Resolve(output));
        saved.GlobalStep.Should().BeInRange(1, total - 1, "the run stopped part-way and saved where it was");
        string hint = stopped.Output.Split('\n').SkipWhile(l => !l.Contains("resume with:")).Skip(1).First().Trim();
        hint.Should().Be($"dcgan train {string.Join(' ', train[1..])} --resume {output}", "the hint repeats the run's flags and names its folder");

        ToolResult resumed = ToolRunner.Dcgan(hint.Split(' ')[1..]);

        resumed.ExitCode.Should().Be(0, resumed.Errors);
        resumed.Output.Should().Contain("Resuming from ").And.Contain($"step {saved.GlobalStep}.");
        Checkpoints.Read(CheckpointLocator.Resolve(output)).GlobalStep.Should().Be(total, "the resumed run finished in the same folder");
        File.ReadAllLines(Path.Combine(output, "losses.csv")).Skip(1).Select(l => long.Parse(l.Split(',')[2])).Should()
            .Equal(Enumerable.Range(1, (int)total).Select(s => (long)s), "one loss line per step, none lost or repeated");
    }

    [Fact]
    public void The_resume_hint_spells_out_the_default_data_and_output()
    {
        string folder = run.NewFolder();
        string previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = folder; // the default --output runs/train is relative to it
        try
        {
            ToolResult stopped = CancelAfterFirstSteps(["train", "--data", run.Data, "--epochs", "50", "--batch-size", "16", "--generator-width", "8", "--discriminator-width", "8"],
                Path.Combine(folder, "runs", "train", "losses.csv"));

            string output = Path.Combine(folder, "runs", "train");
            stopped.Output.Should().Contain($" --output {output} --resume {output}");
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    // Runs train and cancels once the loss log has a step line (the trainer is then mid-run).
    private static ToolResult CancelAfterFirstSteps(string[] args, string losses)
    {
        using var cancel = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            while (!cancel.IsCancellationRequested)
            {
                if (File.Exists(losses) && ReadShared(losses).Count(c => c == '\n') >= 2)
                {
                    cancel.Cancel();
                }

                await Task.Delay(5);
            }
        });
        ToolResult result = ToolRunner.Dcgan(cancel.Token, args);
        cancel.Cancel();
        watcher.Wait();
        return result;
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(stream).ReadToEnd();
    }
}
