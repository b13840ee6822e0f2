// LatentNoise: latent vectors z drawn from a caller-owned libtorch random stream (the trainer's noise and fixed
// noise). Vectors that belong to a seed come from Dcgan.Generation.LatentSeeds, which is managed and shared by every
// backend.
using Dcgan.Generation;
using Dcgan.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Models;

/// <summary>Draws latent vectors from <see cref="LatentDistribution.Uniform"/> U(-1, 1) or <see cref="LatentDistribution.Normal"/> N(0, 1) with a libtorch generator.</summary>
/// <remarks>
/// Sampling always happens on a CPU generator and the result is then moved to the requested device, so the same
/// generator state gives the same z on every device. For the vectors of a seed use <see cref="LatentSeeds"/>.
/// </remarks>
public static class LatentNoise
{
    /// <summary>
    /// Draws <paramref name="count"/> latent vectors, [count, dimension], from a caller-owned random stream (the
    /// trainer's noise). Row i depends on the generator's state and on the rows before it. The caller owns the
    /// returned tensor (or its dispose scope does).
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
            LatentDistribution.Uniform => rand(count, dimension, generator: generator).mul_(Scalars.Constant(2L)).sub_(Scalars.Constant(1L)), // [count, dim] in [-1, 1)
            LatentDistribution.Normal => randn(count, dimension, generator: generator),                 // [count, dim] ~ N(0, 1)
            _ => throw new ArgumentOutOfRangeException(nameof(distribution), distribution, "Unknown latent distribution."),
        };
        return (device is null || device.type == DeviceType.CPU ? z : z.to(device)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// <see cref="Sample"/> as managed rows: one [count, dimension] draw from a caller-owned random stream, which
    /// advances. For vectors that belong to a seed use <see cref="LatentSeeds.ForSeed(long, int, int, LatentDistribution)"/>.
    /// </summary>
    /// <param name="count">Number of vectors, at least 1.</param>
    /// <param name="dimension">Length of each vector, at least 1.</param>
    /// <param name="distribution">The prior.</param>
    /// <param name="generator">A CPU random generator; its state advances.</param>
    /// <returns>The vectors as managed rows, [count][dimension].</returns>
    public static float[][] SampleRows(int count, int dimension, LatentDistribution distribution, Generator generator)
    {
        using var scope = NewDisposeScope();
        return LatentTensors.FromTensor(Sample(count, dimension, distribution, generator)); // [count, dimension]
    }
}
