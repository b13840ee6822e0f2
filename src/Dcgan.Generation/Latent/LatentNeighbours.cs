// LatentNeighbours: the paper's neighbours of an arithmetic result: the result plus uniform noise in [-r, r]
// per coordinate (r = 0.25 in the paper), drawn from a seeded managed stream (SplitMix64, as LatentSeeds).
using Dcgan.Generation;

namespace Dcgan.Latent;

/// <summary>Random neighbours of a latent vector.</summary>
public static class LatentNeighbours
{
    /// <summary>The paper's jitter radius.</summary>
    /// <value>The default value is 0.25.</value>
    public const float DefaultRadius = 0.25f;

    /// <summary>
    /// <paramref name="count"/> vectors <c>centre + u</c> with every coordinate of u uniform in [-radius, radius],
    /// drawn from a SplitMix64 stream started at <paramref name="seed"/> (same seed, same neighbours on every machine):
    /// coordinate j of neighbour i is <c>centre[j] + radius * (2 u - 1)</c> with u the (i * Z + j)-th draw of
    /// <c>(next() &gt;&gt; 11) * 2^-53</c>, computed in double and rounded to float.
    /// </summary>
    /// <param name="centre">The vector to jitter (not modified).</param>
    /// <param name="count">Number of neighbours, at least 1.</param>
    /// <param name="seed">Seed of the noise.</param>
    /// <param name="radius">Half-width of the uniform noise, at least 0; the default is 0.25.</param>
    /// <returns>New vectors, [count][centre.Length].</returns>
    /// <exception cref="ArgumentException">Empty centre, count below 1, or a negative or non-finite radius.</exception>
    public static float[][] Jitter(float[] centre, int count, long seed, float radius = DefaultRadius)
    {
        ArgumentNullException.ThrowIfNull(centre);
        if (centre.Length == 0)
        {
            throw new ArgumentException("The centre vector is empty.", nameof(centre));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (!float.IsFinite(radius) || radius < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(radius), radius, $"The jitter radius must be finite and at least 0; got {radius}.");
        }

        var stream = new SplitMix64Stream(unchecked((ulong)seed));
        var neighbours = new float[count][];
        for (int i = 0; i < count; i++)
        {
            var row = new float[centre.Length];
            for (int j = 0; j < row.Length; j++)
            {
                row[j] = (float)(centre[j] + radius * (2 * stream.NextUniform() - 1)); // centre + U(-r, r)
            }

            neighbours[i] = row;
        }

        return neighbours;
    }
}
