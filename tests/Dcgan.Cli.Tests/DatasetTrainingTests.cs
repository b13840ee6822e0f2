// `dcgan train --data` on the data set formats beyond IDX and image folders: each trains one epoch of a tiny network.
using Dcgan.Core.Tests.Training;
using Dcgan.Persistence;
using SkiaSharp;

namespace Dcgan.Cli.Tests;

public sealed class DatasetTrainingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dcgan-cli-datasets-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_cifar10_folder_trains_one_epoch()
    {
        string data = Directory.CreateDirectory(Path.Combine(_folder, "cifar")).FullName;
        WriteCifar10(Path.Combine(data, "data_batch_1.bin"), records: 40, seed: 1);
        WriteCifar10(Path.Combine(data, "data_batch_2.bin"), records: 24, seed: 2);
        WriteCifar10(Path.Combine(data, "test_batch.bin"), records: 8, seed: 3);
        string run = Path.Combine(_folder, "run");

        string tensorBoard = Path.Combine(_folder, "tb");
        (int exit, string errors) = ToolRunner.Dcgan("train", "--data", data, "--epochs", "1", "--batch-size", "32",
            "--generator-width", "8", "--discriminator-width", "8", "--output", run, "--tensorboard", tensorBoard);

        exit.Should().Be(0, errors);
        CheckpointInfo manifest = Checkpoints.Read(CheckpointLocator.Resolve(run));
        manifest.DataCount.Should().Be(64, "the two training batches, not the test batch");
        manifest.ImageShape.Should().Be(new Dcgan.Data.ImageShape(3, 32, 32));
        manifest.DataDescription.Should().Contain("CIFAR-10");
        File.ReadAllLines(Path.Combine(run, "losses.csv")).Should().HaveCount(1 + 2, "a header and one row per step of the epoch");
        using var realSamples = SKBitmap.Decode(Path.Combine(run, "real-samples.png"));
        (realSamples.Width, realSamples.Height).Should().Be((6 * 32 + 7 * 2, 6 * 32 + 7 * 2), "a 6x6 grid (32 images) of 32x32 tiles with 2-pixel padding");

        using (SKBitmap plot = SKBitmap.Decode(Path.Combine(run, "losses.png")))
        {
            (plot.Width, plot.Height).Should().Be((900, 500), "train redraws the loss plot every epoch");
        }

        var events = TensorBoardEvents.Read(Directory.GetFiles(tensorBoard, "events.out.tfevents.*").Should().ContainSingle().Subject);
        events.SelectMany(e => e.Values.Where(v => v.SimpleValue is not null).Select(v => (e.Step, v.Tag))).Should().BeEquivalentTo(
            new[] { 1L, 2L }.SelectMany(step => new[] { "loss/discriminator", "loss/generator", "score/d_real", "score/d_fake", "speed/images_per_second" }.Select(tag => (step, tag))));
        events.SelectMany(e => e.Values.Where(v => v.Png is not null).Select(v => (e.Step, v.Tag))).Should().Equal((2L, "samples/fixed_noise"));
    }

    [Fact]
    public void Tensorboard_every_below_one_is_refused_naming_the_flag()
    {
        (int exit, string errors) = ToolRunner.Dcgan("train", "--tensorboard", Path.Combine(_folder, "tb"), "--tensorboard-every", "0");

        exit.Should().NotBe(0);
        errors.Should().Contain("--tensorboard-every must be 1 or more").And.Contain("got 0");
        Directory.Exists(Path.Combine(_folder, "tb")).Should().BeFalse();
    }

    // CIFAR-10 binary: per record one label byte (0-9) then 3072 pixel bytes (R, G, B planes of 32x32).
    private static void WriteCifar10(string path, int records, int seed)
    {
        var random = new Random(seed);
        using var file = File.Create(path);
        var pixels = new byte[3072];
        for (int i = 0; i < records; i++)
        {
            file.WriteByte((byte)(i % 10));
            random.NextBytes(pixels);
            file.Write(pixels);
        }
    }
}
