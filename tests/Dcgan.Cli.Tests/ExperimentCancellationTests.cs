// Ctrl+C in dcgan-experiments: the token that plays Ctrl+C, cancelled once the first epoch is printed, stops
// train-classifier at the next batch with one line on stderr and exit code 130, and no weights are written.
using System.Text;
using Dcgan.Experiments;

namespace Dcgan.Cli.Tests;

[Collection(TinyRunCollection.Name)]
public sealed class ExperimentCancellationTests(TinyRun run)
{
    [Fact]
    public void Ctrl_c_stops_train_classifier_after_the_epoch_it_arrived_in_with_one_line_and_exit_code_130()
    {
        string output = Path.Combine(run.NewFolder(), "c.bin");
        using var ctrlC = new CancellationTokenSource();
        using var watcher = new CancelOnText("epoch 1/3", ctrlC);

        ToolResult result = ToolRunner.Run("dcgan-experiments", ExperimentCommands.Create(),
            ["train-classifier", "--data", FashionMnistFolder.Write(run.NewFolder(), 64, 32), "--epochs", "3", "--output", output],
            ctrlC.Token, watcher);

        result.ExitCode.Should().Be(Interruptible.CancelledExitCode, result.Errors);
        result.Errors.Trim().Should().Be(
            "cancelled: dcgan-experiments train-classifier was interrupted (Ctrl+C or SIGTERM) and stopped at its next step; its report was not written.");
        result.Output.Should().Contain("epoch 1/3").And.NotContain("epoch 2/3", "the second epoch's first batch saw the cancellation");
        File.Exists(output).Should().BeFalse();
    }

    /// <summary>Captures stdout and cancels <paramref name="source"/> once <paramref name="text"/> has been written.</summary>
    private sealed class CancelOnText(string text, CancellationTokenSource source) : StringWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            base.Write(value);
            CancelIfSeen();
        }

        public override void Write(string? value)
        {
            base.Write(value);
            CancelIfSeen();
        }

        public override void Write(char[] buffer, int index, int count)
        {
            base.Write(buffer, index, count);
            CancelIfSeen();
        }

        private void CancelIfSeen()
        {
            if (!source.IsCancellationRequested && ToString().Contains(text, StringComparison.Ordinal))
            {
                source.Cancel();
            }
        }
    }
}
