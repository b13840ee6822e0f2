// TestCheckpoints: tiny real checkpoints, made once per test run by training a tiny DCGAN for two steps on the
// Fashion-MNIST test split shipped in the repository (copied next to the test assembly).
using Dcgan.Data;
using Dcgan.Models;
using Dcgan.Persistence;
using Dcgan.Training;

namespace Dcgan.Hosting.Tests;

internal static class TestCheckpoints
{
    private static readonly Lazy<IdxImageDataSource> Fashion = new(() =>
        IdxImageDataSource.Open(Path.Combine(AppContext.BaseDirectory, "data", "fashion-mnist", "t10k-images-idx3-ubyte.gz")));

    private static readonly Lazy<string> Root = new(() =>
    {
        string root = Path.Combine(Path.GetTempPath(), "dcgan-hosting-tests-" + Environment.ProcessId);
        Directory.CreateDirectory(root);
        return root;
    });

    private static readonly Lazy<string> SeedSeven = new(() => Train("seed7", seed: 7, latent: 8));
    private static readonly Lazy<string> SeedEight = new(() => Train("seed8", seed: 8, latent: 8));
    private static readonly Lazy<string> LatentSix = new(() => Train("latent6", seed: 9, latent: 6));

    /// <summary>A checkpoint file of a tiny 1x28x28 generator (z of 8, uniform prior), trained 2 steps with seed 7.</summary>
    public static string A => SeedSeven.Value;

    /// <summary>Like <see cref="A"/> but trained with seed 8: other weights, same latent space.</summary>
    public static string B => SeedEight.Value;

    /// <summary>A checkpoint whose generator takes z of 6.</summary>
    public static string LatentDimensionSix => LatentSix.Value;

    /// <summary>A new empty folder under the test run's temp folder.</summary>
    public static string NewFolder(string name)
    {
        string folder = Path.Combine(Root.Value, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Copies <paramref name="checkpoint"/> into <paramref name="folder"/> as the checkpoint of <paramref name="step"/> (atomic rename).</summary>
    public static string CopyAsStep(string checkpoint, string folder, long step)
    {
        string target = Path.Combine(folder, CheckpointLocator.FileName(0, step));
        string temporary = target + ".tmp";
        File.Copy(checkpoint, temporary, overwrite: true);
        File.Move(temporary, target, overwrite: true);
        return target;
    }

    public static DcganModelOptions TinyArchitecture(int latent) => new()
    {
        ImageSize = 28,
        Channels = 1,
        LatentDimension = latent,
        GeneratorWidth = 4,
        DiscriminatorWidth = 4,
    };

    private static string Train(string name, long seed, int latent)
    {
        string folder = NewFolder(name);
        DcganModelOptions architecture = TinyArchitecture(latent);
        (DcganGenerator generator, DcganDiscriminator discriminator) = DcganModels.Create(architecture, seed);
        using (generator)
        using (discriminator)
        {
            var options = new GanTrainerOptions { Epochs = 1, BatchSize = 16, Seed = seed, Device = "cpu", FixedSampleCount = 4 };
            using var trainer = new GanTrainer(generator, discriminator, new Subset(Fashion.Value, 32), options, architecture: architecture);
            trainer.Fit();
            string path = Path.Combine(folder, CheckpointLocator.FileName(trainer.Position.Epoch, trainer.Position.GlobalStep));
            trainer.SaveCheckpoint(path);
            return path;
        }
    }

    private sealed class Subset(IImageDataSource inner, int count) : IImageDataSource
    {
        public int Count => Math.Min(count, inner.Count);

        public ImageShape Shape => inner.Shape;

        public string Description => $"first {Count} of {inner.Description}";

        public void CopyImage(int index, Span<float> destination)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            inner.CopyImage(index, destination);
        }
    }
}
