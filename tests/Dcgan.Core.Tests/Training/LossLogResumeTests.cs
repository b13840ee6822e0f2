// losses.csv after a resume: one row per step, no repeats, equal (but for the speed column) to an uninterrupted run's.
using Dcgan.Models;
using Dcgan.Training;
using Dcgan.Training.Callbacks;

namespace Dcgan.Core.Tests.Training;

public sealed class LossLogResumeTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Resuming_from_an_older_checkpoint_drops_the_logged_steps_after_it()
    {
        string straight = Path.Combine(_temp.Path, "straight");
        Train(straight, epochs: 3, resumeFrom: null);
        string run = Path.Combine(_temp.Path, "run");
        Train(run, epochs: 3, resumeFrom: null);
        string epochOne = Directory.GetFiles(run, "checkpoint-e0001-*").Single();   // after step 4 of 12

        Train(run, epochs: 3, resumeFrom: epochOne);

        string[] lines = File.ReadAllLines(Path.Combine(run, "losses.csv"));
        lines[0].Should().Be(LossLogCallback.Header);
        lines.Skip(1).Select(l => long.Parse(l.Split(',')[2], System.Globalization.CultureInfo.InvariantCulture))
            .Should().Equal(Enumerable.Range(1, 12).Select(i => (long)i), "every step once, in order");
        WithoutSpeed(lines).Should().Equal(WithoutSpeed(File.ReadAllLines(Path.Combine(straight, "losses.csv"))),
            "an exact resume logs the same losses as the uninterrupted run");
        Directory.GetFiles(run, "*.tmp").Should().BeEmpty();
    }

    [Fact]
    public void A_fresh_run_in_a_folder_with_an_old_log_starts_the_log_again()
    {
        string run = Path.Combine(_temp.Path, "run");
        Train(run, epochs: 1, resumeFrom: null);

        Train(run, epochs: 1, resumeFrom: null);

        File.ReadAllLines(Path.Combine(run, "losses.csv")).Should().HaveCount(1 + 4, "the header and the new run's 4 steps");
    }

    private static void Train(string folder, int epochs, string? resumeFrom)
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using (g)
        using (d)
        using (var log = new LossLogCallback(folder))
        using (var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(64),
            TrainingFixtures.Setup(TrainingFixtures.FastOptions(epochs: epochs), log, new CheckpointCallback(folder, keep: 5))))
        {
            if (resumeFrom is not null)
            {
                trainer.LoadCheckpoint(resumeFrom);
            }

            trainer.Fit();
        }
    }

    private static string[] WithoutSpeed(string[] lines) => lines.Select(l => l[..l.LastIndexOf(',')]).ToArray();
}
