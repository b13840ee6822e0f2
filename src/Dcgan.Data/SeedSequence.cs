// SeedSequence: independent sub-seeds from one user seed (SplitMix64) for weights, noise, shuffling and latent rows.
namespace Dcgan.Data;

/// <summary>
/// Derives independent, reproducible sub-seeds from one user seed (SplitMix64), so that one seed can drive
/// weight init, latent noise and shuffling without the streams overlapping.
/// </summary>
public static class SeedSequence
{
    /// <summary>A 63-bit non-negative sub-seed of <paramref name="seed"/> for <paramref name="stream"/>.</summary>
    /// <param name="seed">The user seed.</param>
    /// <param name="stream">Which stream: any number, one per use (the trainer uses 2 for noise, 3 for shuffling, 4 for the fixed noise).</param>
    public static long Derive(long seed, long stream)
    {
        ulong z = unchecked((ulong)seed + 0x9E3779B97F4A7C15UL * (ulong)(stream + 1));
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (long)(z >> 1);
    }
}
