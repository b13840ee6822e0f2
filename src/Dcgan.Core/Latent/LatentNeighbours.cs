// LatentNeighbours: the paper's neighbours of an arithmetic result: the result plus uniform noise in [-r, r]
// per coordinate (r = 0.25 in the paper), drawn from a seeded CPU generator.
using Dcgan.Native;
using static TorchSharp.torch;

namespace Dcgan.Latent;

/// <summary>Random neighbours of a latent vector.</summary>
public static class LatentNeighbours
{
    /// <summary>The paper's jitter radius.</summary>
    /// <value>The default value is 0.25.</value>
    public const float DefaultRadius = 0.25f;

    /// <summary>
    /// <paramref name="count"/> vectors <c>centre + u</c> with every coordinate of u uniform in [-radius, radius],
    /// drawn from a CPU generator seeded with <paramref name="seed"/> (same seed, same neighbours).
    /// </summary>
    /// <param name="centre">The vector to jitter (not modified).</param>
    /// <param name="count">Number of neighbours, at least 1.</param>
    /// <param name="seed">Seed of the noise.</param>
    /// <param name="radius">Half-width of the uniform noise, at least 0; the default is 0.25.</param>
    /// <returns>New vectors, [count][centre.Length].</returns>
    /// <exception cref="ArgumentException">Empty centre, count below 1, or a negative or non-finite radius.</exception>
    public static float[][] Jitter(float[] centre, int count, long seed, float radius = DefaultRadius)
    {
        TorchRuntime.EnsureLoaded();
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

        float[][] noise;
        using (var generator = new Generator(unchecked((ulong)seed), CPU))
        using (NewDisposeScope())
        {
            Tensor u = rand(count, centre.Length, generator: generator).mul_(Scalars.Constant(2L)).sub_(Scalars.Constant(1L)); // [count, Z] in [-1, 1)
            noise = LatentVectors.FromTensor(u);
        }

        foreach (float[] row in noise)
        {
            for (int j = 0; j < row.Length; j++)
            {
                row[j] = centre[j] + radius * row[j];
            }
        }

        return noise;
    }
}
