// The documented stop-and-resume of long runs, with real signals to real processes: `dcgan train` stopped by SIGTERM
// or SIGINT (Ctrl+C) writes a checkpoint, prints the command that resumes it, and that command, pasted into a shell,
// finishes the run; the Worker sample stops cleanly on SIGTERM with a checkpoint of the step it stopped at, and
// running it again resumes there and finishes.
using Dcgan.Persistence;

namespace Dcgan.Docs.Tests;

// Its own TinyModel (not the shell blocks' collection), so these minutes run in parallel with the shell blocks.
public class SignalTests(TinyModel tiny) : IClassFixture<TinyModel>
{
    // Hang guards, not speed checks: a loaded 2-core CI machine can take minutes for what takes seconds when idle.
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(8);
    private static readonly string Dcgan = Path.Combine(AppContext.BaseDirectory, "dcgan.dll");
    private static readonly IReadOnlyDictionary<string, string> NoVariables = new Dictionary<string, string>();

    [Theory]
    [InlineData(ChildProcess.SigTerm)]
    [InlineData(ChildProcess.SigInt)]
    public void Dcgan_train_stopped_by_a_signal_checkpoints_and_its_printed_resume_command_finishes_the_run(int signal)
    {
        string folder = Directory.CreateDirectory(Path.Combine(tiny.Folder, $"signal-train-{signal}")).FullName;
        string run = Path.Combine(folder, "run");
        // 64 images in batches of 4: 16 steps an epoch, 128 in all; the signal comes after the first epoch's grid.
        using var train = ChildProcess.Dotnet(folder, NoVariables, Dcgan, "train", "--data", tiny.Data, "--epochs", "8",
            "--batch-size", "4", "--generator-width", "8", "--discriminator-width", "8", "--output", run);
        train.WaitUntil(() => File.Exists(Path.Combine(run, "samples-e0001.png")), Limit, "first epoch's sample grid");

        train.Signal(signal);

        train.WaitForExit(Limit).Should().Be(0, train.Output);
        string[] lines = train.Output.Split('\n', StringSplitOptions.TrimEntries);
        string stopped = lines.Should().ContainSingle(l => l.StartsWith("Stopped (")).Subject;
        long steps = long.Parse(stopped.Split(" after ")[1].Split(' ')[0]);
        string newest = Directory.GetFiles(run, "checkpoint-*.dcgan").Order(StringComparer.Ordinal).Last();
        Checkpoints.Read(newest).GlobalStep.Should().Be(steps, $"the checkpoint written at the stop ({newest})");
        steps.Should().BeInRange(16, 127);
        string resume = lines[Array.FindIndex(lines, l => l.EndsWith("resume with:")) + 1];
        resume.Should().StartWith("dcgan train ").And.Contain($"--resume {run}");

        using var resumed = ChildProcess.Bash(folder, $"dcgan() {{ dotnet '{Dcgan}' \"$@\"; }}\n{resume}");

        resumed.WaitForExit(Limit).Should().Be(0, resumed.Output);
        resumed.Output.Should().Contain($", step {steps}.").And.Contain($"Done: {128 - steps} steps");
        File.Exists(Path.Combine(run, "checkpoint-e0008-s00000128.dcgan")).Should().BeTrue(resumed.Output);
    }

    [Fact]
    public void The_worker_sample_stops_on_SIGTERM_with_a_checkpoint_and_running_it_again_resumes_and_finishes()
    {
        string folder = Directory.CreateDirectory(Path.Combine(tiny.Folder, "signal-worker")).FullName;
        File.Copy(Path.Combine(Repository.Root, "samples", "Dcgan.Worker", "appsettings.json"), Path.Combine(folder, "appsettings.json"));
        string worker = Path.Combine(Repository.Root, "samples", "Dcgan.Worker", "bin", Repository.Configuration, "net10.0", "Dcgan.Worker.dll");
        var settings = new Dictionary<string, string>
        {
            ["Dcgan__Training__Data"] = tiny.Data,
            ["Dcgan__Training__GeneratorWidth"] = "8",
            ["Dcgan__Training__DiscriminatorWidth"] = "8",
            ["Dcgan__Training__CheckpointEveryEpochs"] = "100", // no epoch checkpoint: the one there is comes from the stop
            ["Dcgan__Training__Trainer__BatchSize"] = "4",        // 16 steps an epoch, 128 in all
            ["Dcgan__Training__Trainer__Epochs"] = "8",
        };
        string run = Path.Combine(folder, "runs", "worker");
        using var first = ChildProcess.Dotnet(folder, settings, worker);
        first.WaitUntil(() => first.Output.Contains("Epoch 1/8:"), Limit, "first epoch's log line");

        first.Signal(ChildProcess.SigTerm);

        first.WaitForExit(Limit).Should().Be(0, first.Output);
        string stopped = first.Output.Split('\n').Should().ContainSingle(l => l.Contains("Training stopped (")).Subject;
        stopped.Should().NotContain("(Completed)");
        long step = long.Parse(stopped.Split(", at step ")[1].Split(';')[0]);
        string checkpoint = stopped.Split("last checkpoint: ")[1].Trim();
        File.Exists(checkpoint).Should().BeTrue(first.Output);
        Checkpoints.Read(checkpoint).GlobalStep.Should().Be(step, first.Output);
        step.Should().BeInRange(16, 127);

        using var second = ChildProcess.Dotnet(folder, settings, worker);

        second.WaitForExit(Limit).Should().Be(0, second.Output);
        second.Output.Should().Contain($"Resuming from {checkpoint} at epoch").And.Contain($"Training stopped (Completed) after {128 - step} step(s)");
        File.Exists(Path.Combine(run, "checkpoint-e0008-s00000128.dcgan")).Should().BeTrue(second.Output);
    }
}
