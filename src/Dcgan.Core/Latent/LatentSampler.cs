// LatentSampler: draws latent vectors z from a model's prior. Two ways in:
//   - a seed: vector i of seed s is Row(s, i), drawn by its own CPU generator seeded SeedSequence.Derive(s, i), so it
//     never depends on how many vectors are asked for (ForSeed(s, 10) is a prefix of ForSeed(s, 20)). This is the
//     library's one seed-to-latent convention: `dcgan sample --seed s`, indexed grids and the latent tools use it.
//   - a caller-owned torch.Generator: one [count, dimension] draw that advances the generator's state (the trainer's
//     noise stream and anything else that owns a random stream).
using Dcgan.Data;
using Dcgan.Models;
using Dcgan.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Latent;

/// <summary>Draws latent vectors from <see cref="LatentDistribution.Uniform"/> U(-1, 1) or <see cref="LatentDistribution.Normal"/> N(0, 1).</summary>
/// <remarks>
/// Sampling always happens on a CPU generator and the result is then moved to the requested device, so the same
/// seed gives the same z on every device. From a seed, vector i is <see cref="Row"/>(seed, i) whatever the count.
/// </remarks>
public static class LatentSampler
{
    /// <summary>
    /// Vector <paramref name="index"/> of <paramref name="seed"/>: drawn from the prior by a CPU generator seeded with
    /// <c>SeedSequence.Derive(seed, index)</c>. It depends only on (seed, index, dimension, distribution).
    /// </summary>
    /// <param name="seed">The seed (any value).</param>
    /// <param name="index">The vector's index, at least 0.</param>
    /// <param name="dimension">Length of the vector, at least 1.</param>
    /// <param name="distribution">The prior.</param>
    /// <returns>The vector, a new array.</returns>
    public static float[] Row(long seed, int index, int dimension, LatentDistribution distribution)
    {
        TorchRuntime.EnsureLoaded();
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        using var generator = new Generator(unchecked((ulong)SeedSequence.Derive(seed, index)), CPU);
        using var scope = NewDisposeScope();
        return LatentVectors.FromTensor(Sample(1, dimension, distribution, generator))[0]; // [1, Z] -> [Z]
    }

    /// <summary>
    /// Vectors 0 to <paramref name="count"/> - 1 of <paramref name="seed"/> (each one <see cref="Row"/>(seed, i)), so
    /// the first vectors of a larger count are the same: <c>ForSeed(s, 10, ...)</c> is a prefix of
    /// <c>ForSeed(s, 20, ...)</c>, and image i of <c>dcgan sample --seed s</c> is the same for every <c>--count</c>.
    /// </summary>
    /// <param name="seed">The seed (any value).</param>
    /// <param name="count">Number of vectors, at least 1.</param>
    /// <param name="dimension">Length of each vector, at least 1.</param>
    /// <param name="distribution">The prior.</param>
    /// <returns>The vectors as managed rows, [count][dimension] (use <see cref="LatentVectors.ToTensor"/> for a tensor).</returns>
    public static float[][] ForSeed(long seed, int count, int dimension, LatentDistribution distribution)
    {
        TorchRuntime.EnsureLoaded();
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        var rows = new float[count][];
        for (int i = 0; i < count; i++)
        {
            rows[i] = Row(seed, i, dimension, distribution);
        }

        return rows;
    }

    /// <summary>
    /// The vectors of <see cref="ForSeed(long, int, int, LatentDistribution)"/> for <paramref name="generator"/>'s
    /// latent dimension and prior.
    /// </summary>
    /// <param name="generator">The generator whose z the vectors are.</param>
    /// <param name="seed">The seed (any value).</param>
    /// <param name="count">Number of vectors, at least 1.</param>
    /// <returns>The vectors as managed rows, [count][LatentDimension].</returns>
    public static float[][] ForSeed(IGenerator generator, long seed, int count)
    {
        TorchRuntime.EnsureLoaded();
        ArgumentNullException.ThrowIfNull(generator);
        return ForSeed(seed, count, generator.LatentDimension, generator.LatentDistribution);
    }

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
    /// advances. For vectors that belong to a seed use <see cref="ForSeed(long, int, int, LatentDistribution)"/>.
    /// </summary>
    /// <param name="count">Number of vectors, at least 1.</param>
    /// <param name="dimension">Length of each vector, at least 1.</param>
    /// <param name="distribution">The prior.</param>
    /// <param name="generator">A CPU random generator; its state advances.</param>
    /// <returns>The vectors as managed rows, [count][dimension].</returns>
    public static float[][] SampleRows(int count, int dimension, LatentDistribution distribution, Generator generator)
    {
        using var scope = NewDisposeScope();
        return LatentVectors.FromTensor(Sample(count, dimension, distribution, generator)); // [count, dimension]
    }
}
