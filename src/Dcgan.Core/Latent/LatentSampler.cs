// Draws latent vectors z from a model's prior with an explicit, caller-owned random generator.
using Dcgan.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Latent;

/// <summary>Draws latent vectors from <see cref="LatentDistribution.Uniform"/> U(-1, 1) or <see cref="LatentDistribution.Normal"/> N(0, 1).</summary>
/// <remarks>
/// Sampling always happens on the CPU generator passed in and the result is then moved to the requested device,
/// so the same seed gives the same z on every device.
/// </remarks>
public static class LatentSampler
{
    /// <summary>
    /// Draws <paramref name="count"/> latent vectors, [count, dimension]. The caller owns the returned tensor
    /// (or its dispose scope does).
    /// </summary>
    /// <param name="count">Number of vectors, at least 1.</param>
    /// <param name="dimension">Length of each vector, at least 1.</param>
    /// <param name="distribution">The prior.</param>
    /// <param name="generator">A CPU random generator; its state advances.</param>
    /// <param name="device">Where the result should live; null means CPU.</param>
    public static Tensor Sample(int count, int dimension, LatentDistribution distribution, Generator generator, Device? device = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentNullException.ThrowIfNull(generator);
        using var scope = NewDisposeScope();
        Tensor z = distribution switch
        {
            LatentDistribution.Uniform => rand(count, dimension, generator: generator).mul_(2).sub_(1), // [count, dim] in [-1, 1)
            LatentDistribution.Normal => randn(count, dimension, generator: generator),                 // [count, dim] ~ N(0, 1)
            _ => throw new ArgumentOutOfRangeException(nameof(distribution), distribution, "Unknown latent distribution."),
        };
        return (device is null || device.type == DeviceType.CPU ? z : z.to(device)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Draws <paramref name="count"/> latent vectors as managed rows from a CPU generator seeded with
    /// <paramref name="seed"/>. Row i depends on the seed AND the count (it is row i of one [count, dimension]
    /// draw); the same (seed, count) always gives the same rows, and <c>Sample(1, ..., seed)</c> is the first
    /// image of <c>dcgan sample --seed seed</c>. For rows that depend only on (seed, i) use
    /// <see cref="IndexedLatentGrid"/>.
    /// </summary>
    /// <param name="count">Number of vectors, at least 1.</param>
    /// <param name="dimension">Length of each vector, at least 1.</param>
    /// <param name="distribution">The prior.</param>
    /// <param name="seed">Seed of the CPU random generator.</param>
    public static float[][] SampleRows(int count, int dimension, LatentDistribution distribution, long seed)
    {
        using var generator = new Generator(unchecked((ulong)seed), CPU);
        using var scope = NewDisposeScope();
        return LatentVectors.FromTensor(Sample(count, dimension, distribution, generator)); // [count, dimension]
    }
}
