// IndexedLatentGrid: numbered samples a person can look at and pick exemplars from ("3, 17 and 42 are
// smiling women"). Tile i is LatentSeeds.Row(seed, i): it does not depend on the grid's size, so a grid
// of 64 and a grid of 100 made from the same seed agree on their first 64 vectors, and tile i is image i of
// `dcgan sample --seed seed`.
using Dcgan.Generation;

namespace Dcgan.Latent;

/// <summary>
/// <see cref="Count"/> latent vectors numbered 0 to Count - 1: vector i is <see cref="LatentSeeds.Row"/>(seed, i),
/// so it depends only on (seed, i, dimension, distribution), never on the count.
/// </summary>
public sealed class IndexedLatentGrid
{
    private readonly float[][] _vectors;

    private IndexedLatentGrid(long seed, LatentDistribution distribution, float[][] vectors)
    {
        Seed = seed;
        Distribution = distribution;
        _vectors = vectors;
    }

    /// <summary>The seed the grid was made from.</summary>
    public long Seed { get; }

    /// <summary>The prior the vectors were drawn from.</summary>
    public LatentDistribution Distribution { get; }

    /// <summary>Number of vectors (tiles).</summary>
    public int Count => _vectors.Length;

    /// <summary>Length of each vector.</summary>
    public int Dimension => _vectors[0].Length;

    /// <summary>Copies of all vectors, index order.</summary>
    public float[][] Vectors => LatentVectors.Copy(_vectors);

    /// <summary>Makes the grid for a generator's latent dimension and prior.</summary>
    /// <param name="generator">The generator whose z the grid holds.</param>
    /// <param name="seed">The grid's seed.</param>
    /// <param name="count">Number of tiles, at least 1.</param>
    public static IndexedLatentGrid For(IImageGenerator generator, long seed, int count)
    {
        ArgumentNullException.ThrowIfNull(generator);
        return Create(seed, count, generator.LatentDimension, generator.LatentDistribution);
    }

    /// <summary>Makes the grid.</summary>
    /// <param name="seed">The grid's seed.</param>
    /// <param name="count">Number of tiles, at least 1.</param>
    /// <param name="dimension">Length of each vector, at least 1.</param>
    /// <param name="distribution">The prior.</param>
    public static IndexedLatentGrid Create(long seed, int count, int dimension, LatentDistribution distribution) =>
        new(seed, distribution, LatentSeeds.ForSeed(seed, count, dimension, distribution));

    /// <summary>A copy of vector <paramref name="index"/>.</summary>
    /// <param name="index">0 to Count - 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the grid; the message names it and the grid size.</exception>
    public float[] Vector(int index)
    {
        CheckIndex(index);
        return (float[])_vectors[index].Clone();
    }

    /// <summary>The vectors at <paramref name="indices"/>, in the order given (repeats allowed).</summary>
    /// <param name="indices">Tile indices.</param>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the grid.</exception>
    public float[][] Select(IEnumerable<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        return indices.Select(Vector).ToArray();
    }

    /// <summary>
    /// The concept averaging the tiles at <paramref name="indices"/> (the paper uses 3 exemplars per concept).
    /// </summary>
    /// <param name="indices">One or more tile indices.</param>
    /// <param name="name">A label; null means the indices joined with commas, e.g. "3,17,42".</param>
    /// <exception cref="ArgumentException">No indices.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the grid; the message names it and the grid size.</exception>
    public LatentConcept Concept(IReadOnlyList<int> indices, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(indices);
        if (indices.Count == 0)
        {
            throw new ArgumentException("A concept needs at least one tile index; got 0.", nameof(indices));
        }

        return LatentConcept.FromExemplars(Select(indices), name ?? string.Join(",", indices));
    }

    private void CheckIndex(int index)
    {
        if (index < 0 || index >= Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index,
                $"Index {index} is outside the indexed grid of {Count} samples (seed {Seed}); valid indices are 0 to {Count - 1}.");
        }
    }
}
