// Small checkpoint archives written without TorchSharp: a manifest that passes the range checks and one entry of
// seeded random bytes, for tests of the archive and the locator.
using Dcgan.Persistence;

namespace Dcgan.Core.Tests.Training;

internal static class CheckpointSamples
{
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
