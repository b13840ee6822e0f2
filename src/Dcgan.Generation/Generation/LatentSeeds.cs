// LatentSeeds: the library's one seed-to-latent convention, in managed code so that every backend (TorchSharp, ONNX
// Runtime) and every front end (`dcgan sample --seed`, the explorer, the pool) gives the same z for (seed, index).
//
// Algorithm (version 2, documented in docs/latent-seeds.md so that any language can reproduce it):
//   state  = SeedSequence.Derive(seed, index)                   (SplitMix64 mix of the seed and the index, 63 bits)
//   next() = SplitMix64: state += 0x9E3779B97F4A7C15; z = state;
//            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9; z = (z ^ (z >> 27)) * 0x94D049BB133111EB; return z ^ (z >> 31)
//   u()    = (next() >> 11) * 2^-53                              (a double in [0, 1))
//   Uniform prior: z[j] = (float)(2 u() - 1), j = 0 .. Z-1
//   Normal prior:  for each pair (j, j+1): u1 = 1 - u(), u2 = u(), r = sqrt(-2 ln u1);
//                  z[j] = (float)(r cos(2 pi u2)), z[j+1] = (float)(r sin(2 pi u2)); an odd last j takes the cosine only.
using Dcgan.Data;

namespace Dcgan.Generation;

/// <summary>
/// Latent vectors from seeds: vector <c>index</c> of <c>seed</c> depends only on (seed, index, dimension, prior), so
/// image i of a seed is the same for every count, every backend and every front end.
/// </summary>
/// <remarks>
/// The algorithm is managed code (SplitMix64 and Box-Muller in double, rounded to float at the end) and documented in
/// docs/latent-seeds.md. It replaced a libtorch generator in version 0.9 of the convention, so images per seed differ
/// from earlier releases. Across machines the uniform prior is bitwise identical; the normal prior goes through
/// <see cref="Math.Log(double)"/>, <see cref="Math.Cos"/> and <see cref="Math.Sin"/>, whose last bit may differ between C
/// runtimes (after rounding to float this almost never shows).
/// </remarks>
public static class LatentSeeds
{
    /// <summary>
    /// Vector <paramref name="index"/> of <paramref name="seed"/>, drawn from <paramref name="distribution"/>.
    /// </summary>
    /// <param name="seed">The seed (any value).</param>
    /// <param name="index">The vector's index, at least 0.</param>
    /// <param name="dimension">Length of the vector, at least 1.</param>
    /// <param name="distribution">The prior.</param>
    /// <returns>The vector, a new array.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A negative index, a dimension below 1, or an unknown prior.</exception>
    public static float[] Row(long seed, int index, int dimension, LatentDistribution distribution)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        var stream = new SplitMix64Stream(unchecked((ulong)SeedSequence.Derive(seed, index)));
        return stream.Draw(dimension, distribution);
    }

    /// <summary>
    /// Vectors 0 to <paramref name="count"/> - 1 of <paramref name="seed"/> (each one <see cref="Row"/>(seed, i)):
    /// <c>ForSeed(s, 10, ...)</c> is a prefix of <c>ForSeed(s, 20, ...)</c>.
    /// </summary>
    /// <param name="seed">The seed (any value).</param>
    /// <param name="count">Number of vectors, at least 1.</param>
    /// <param name="dimension">Length of each vector, at least 1.</param>
    /// <param name="distribution">The prior.</param>
    /// <returns>The vectors, [count][dimension].</returns>
    public static float[][] ForSeed(long seed, int count, int dimension, LatentDistribution distribution) =>
        Range(seed, 0, count, dimension, distribution);

    /// <summary>Vectors <paramref name="firstIndex"/> to <c>firstIndex + count - 1</c> of <paramref name="seed"/>.</summary>
    /// <param name="seed">The seed (any value).</param>
    /// <param name="firstIndex">Index of the first vector, at least 0.</param>
    /// <param name="count">Number of vectors, at least 1.</param>
    /// <param name="dimension">Length of each vector, at least 1.</param>
    /// <param name="distribution">The prior.</param>
    /// <returns>The vectors, [count][dimension].</returns>
    public static float[][] Range(long seed, int firstIndex, int count, int dimension, LatentDistribution distribution)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstIndex);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, int.MaxValue - firstIndex);
        var rows = new float[count][];
        for (int i = 0; i < count; i++)
        {
            rows[i] = Row(seed, firstIndex + i, dimension, distribution);
        }

        return rows;
    }

    /// <summary>The vectors of <see cref="ForSeed(long, int, int, LatentDistribution)"/> for a generator's dimension and prior.</summary>
    /// <param name="generator">The generator whose z the vectors are.</param>
    /// <param name="seed">The seed (any value).</param>
    /// <param name="count">Number of vectors, at least 1.</param>
    /// <returns>The vectors, [count][LatentDimension].</returns>
    public static float[][] ForSeed(IImageGenerator generator, long seed, int count)
    {
        ArgumentNullException.ThrowIfNull(generator);
        return ForSeed(seed, count, generator.LatentDimension, generator.LatentDistribution);
    }
}
