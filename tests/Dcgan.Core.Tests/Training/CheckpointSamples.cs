// Checkpoints for tests: one of a tiny trained model, and small archives written without TorchSharp (a manifest
// that passes the range checks and one entry of seeded random bytes) for tests of the archive and the locator.
using Dcgan.Models;
using Dcgan.Persistence;
using Dcgan.Training;

namespace Dcgan.Core.Tests.Training;

internal static class CheckpointSamples
{
    /// <summary>The checkpoint of the tiny models (seed 7) after one epoch on the first 32 Fashion-MNIST test images.</summary>
    public static string Trained(string file)
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using var _g = g;
        using var _d = d;
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(32), TrainingFixtures.Setup(TrainingFixtures.FastOptions(epochs: 1)));
        trainer.Fit();
        trainer.SaveCheckpoint(file);
        return file;
    }

    public static (CheckpointManifest Manifest, Dictionary<string, byte[]> Entries) Small(int seed)
    {
        var bytes = new byte[20_000];
        new Random(seed).NextBytes(bytes);
        var manifest = new CheckpointManifest
        {
            LatentDimension = 1,
            ImageShape = [1, 2, 2],
            Trainer = new CheckpointTrainerSettings { BatchSize = 1 },
            NoiseGeneratorState = ValidNoiseState(),
        };
        return (manifest, new Dictionary<string, byte[]> { ["weights"] = bytes });
    }

    // A fresh CPU generator's state as far as the manifest checks look (left 1, seeded 1, next 0).
    private static string ValidNoiseState()
    {
        var state = new byte[5056];
        BitConverter.TryWriteBytes(state.AsSpan(8), 1);
        BitConverter.TryWriteBytes(state.AsSpan(12), 1);
        return Convert.ToBase64String(state);
    }
}
