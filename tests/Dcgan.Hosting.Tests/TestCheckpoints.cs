// TestCheckpoints: tiny real checkpoints, made once per test run by training a tiny DCGAN for two steps on the
// Fashion-MNIST test split shipped in the repository (copied next to the test assembly).
using Dcgan.Data;
using Dcgan.Models;
using Dcgan.Persistence;
using Dcgan.Core.Tests.Training;
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
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteQuietly(root);
        return root;
    });

    private static readonly Lazy<string> SeedSeven = new(() => Train("seed7", seed: 7, latent: 8));
    private static readonly Lazy<string> SeedEight = new(() => Train("seed8", seed: 8, latent: 8));
    private static readonly Lazy<string> LatentSix = new(() => Train("latent6", seed: 9, latent: 6));
    private static readonly Lazy<string> Longer = new(() => Train("trained", seed: 11, latent: 8, images: 128, epochs: 2, width: 8));

    /// <summary>A checkpoint file of a tiny 1x28x28 generator (z of 8, uniform prior), trained 2 steps with seed 7.</summary>
    public static string A => SeedSeven.Value;

    /// <summary>Like <see cref="A"/> but trained with seed 8: other weights, same latent space.</summary>
    public static string B => SeedEight.Value;

    /// <summary>A checkpoint whose generator takes z of 6.</summary>
    public static string LatentDimensionSix => LatentSix.Value;

    /// <summary>
    /// A checkpoint trained a little longer (8 steps, widths 8) so that its images visibly differ from one latent vector
    /// to another (the 2-step ones are nearly uniform grey): for tests that look at pictures.
    /// </summary>
    public static string Trained => Longer.Value;

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

    public static DcganModelOptions TinyArchitecture(int latent, int width = 4) => new()
    {
        ImageSize = 28,
        Channels = 1,
        LatentDimension = latent,
        GeneratorWidth = width,
        DiscriminatorWidth = width,
    };

    private static string Train(string name, long seed, int latent, int images = 32, int epochs = 1, int width = 4)
    {
        string folder = NewFolder(name);
        DcganModelOptions architecture = TinyArchitecture(latent, width);
        (DcganGenerator generator, DcganDiscriminator discriminator) = DcganModels.Create(architecture, seed);
        using (generator)
        using (discriminator)
        {
            var options = new GanTrainerOptions { Epochs = epochs, BatchSize = images == 32 ? 16 : 32, Seed = seed, Device = "cpu", FixedSampleCount = 4 };
            using var trainer = new GanTrainer(generator, discriminator, new SubsetDataSource(Fashion.Value, images), new GanTrainerSetup { Options = options });
            trainer.Fit();
            string path = Path.Combine(folder, CheckpointLocator.FileName(trainer.Position.Epoch, trainer.Position.GlobalStep));
            trainer.SaveCheckpoint(path);
            return path;
        }
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open at exit stays behind in the temp folder; nothing else depends on it.
        }
    }
}
