// An LMDB of WebP images written in the test trains with GanTrainer, and a run resumed on a freshly opened source
// trains exactly the batches of an uninterrupted one (the epoch order works on the stable key indices).
using Dcgan.Models;
using Dcgan.Training;
using Dcgan.Training.Callbacks;
using SkiaSharp;

namespace Dcgan.Data.Tests;

public sealed class LmdbTrainingTests
{
    [Fact]
    public void An_lmdb_trains_and_a_resumed_run_logs_the_same_losses_as_a_straight_one()
    {
        using var tmp = new TempDir();
        string folder = tmp.File("church_outdoor_train_lmdb");
        var random = new Random(5);
        LmdbFilesForTests.Write(folder, Enumerable.Range(0, 48).Select(i => ($"{i * 7919 % 1000:D4}", LmdbFilesForTests.Encode(24, 20,
            (_, _) => new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)), SKEncodedImageFormat.Webp, quality: 75))));

        string straight = tmp.File("straight");
        Train(folder, straight, epochs: 2, resumeFrom: null).Should().Be(6);
        string resumed = tmp.File("resumed");
        Train(folder, resumed, epochs: 1, resumeFrom: null).Should().Be(3, "one epoch of 48 images in batches of 16");
        Train(folder, resumed, epochs: 2, resumeFrom: Directory.GetFiles(resumed, "checkpoint-*").Single()).Should().Be(3);

        string[] a = File.ReadAllLines(Path.Combine(straight, "losses.csv"));
        string[] b = File.ReadAllLines(Path.Combine(resumed, "losses.csv"));
        a.Should().HaveCount(1 + 6);
        b.Select(WithoutSpeed).Should().Equal(a.Select(WithoutSpeed), "the resumed run's steps 4-6 train on the same shuffled LMDB records");
    }

    private static long Train(string data, string run, int epochs, string? resumeFrom)
    {
        using var source = new LmdbImageDataSource(data, new ImageDataSourceOptions { ImageSize = 16 });
        var architecture = new DcganModelOptions { ImageSize = 16, Channels = 3, LatentDimension = 8, GeneratorWidth = 4, DiscriminatorWidth = 4 };
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(architecture, seed: 3);
        using (g)
        using (d)
        using (var log = new LossLogCallback(run))
        using (var trainer = new GanTrainer(g, d, source, new GanTrainerSetup
        {
            Options = new GanTrainerOptions { Epochs = epochs, BatchSize = 16, Seed = 9, Device = "cpu", FixedSampleCount = 4 },
            Callbacks = [log, new CheckpointCallback(run)],
        }))
        {
            if (resumeFrom is not null)
            {
                trainer.LoadCheckpoint(resumeFrom);
            }

            return trainer.Fit().StepsTrained;
        }
    }

    private static string WithoutSpeed(string line) => line[..line.LastIndexOf(',')];
}
