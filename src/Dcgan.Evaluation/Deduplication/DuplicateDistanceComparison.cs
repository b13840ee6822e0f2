// DuplicateDistanceComparison: pixel distances inside duplicate groups against those between random pairs of images.
using Dcgan.Data;
using Dcgan.Evaluation;

namespace Dcgan.Deduplication;

/// <summary>
/// Evidence for a set of duplicate groups: the distribution of member-to-representative pixel distances, against
/// the distribution between random pairs of distinct images of the same source (drawn with a seed).
/// </summary>
/// <remarks>Managed values only. Not a record: it has no value equality (two instances with the same values are different objects), so compare properties; new members may be added in later versions.</remarks>
public sealed class DuplicateDistanceComparison
{
    /// <summary>Distances of every non-representative member to its representative.</summary>
    public required DistanceDistribution WithinGroups { get; init; }

    /// <summary>Distances between random pairs of distinct images.</summary>
    public required DistanceDistribution RandomPairs { get; init; }

    /// <summary>Fraction of within-group distances below the random pairs' 1st percentile.</summary>
    public required double FractionBelowRandomP01 { get; init; }

    /// <summary>Compares the groups' distances with <paramref name="pairCount"/> random pairs of <paramref name="source"/>.</summary>
    /// <param name="source">The images the groups were found in (at least two).</param>
    /// <param name="groups">The groups (their <see cref="DuplicateGroup.Distances"/> are used as they are).</param>
    /// <param name="pairCount">Random pairs to draw, at least 1. The default value is 10000.</param>
    /// <param name="seed">Seed of the pairs. Seeds in int range draw exactly as the int seeds of earlier versions; a seed outside it is folded to 32 bits (low half XOR high half). The default value is 1.</param>
    /// <param name="cancellationToken">Stops the pair measurements (which run in parallel) at the next pair. The default value is <see cref="CancellationToken.None"/>.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentException">The source has fewer than two images.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static DuplicateDistanceComparison Measure(IImageDataSource source, IReadOnlyList<DuplicateGroup> groups, int pairCount = 10_000, long seed = 1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentOutOfRangeException.ThrowIfLessThan(pairCount, 1);
        if (source.Count < 2)
        {
            throw new ArgumentException($"Random pairs need at least two images; '{source.Description}' has {source.Count}.", nameof(source));
        }

        double[] within = groups.SelectMany(g => g.Distances.Skip(1)).ToArray();
        var random = ImageSets.SeededRandomFor(seed);
        var pairs = new (int A, int B)[pairCount];
        for (int p = 0; p < pairCount; p++)
        {
            int a = random.Next(source.Count);
            int b = random.Next(source.Count - 1);
            pairs[p] = (a, b >= a ? b + 1 : b);   // distinct, uniform over ordered pairs
        }

        var between = new double[pairCount];
        Parallel.For(0, pairCount, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken }, p =>
            between[p] = DuplicateGroups.DistancesToFirst(source, [pairs[p].A, pairs[p].B])[1]);
        DistanceDistribution randomPairs = DistanceDistribution.Of(between);
        double below = within.Length == 0 ? 0 : (double)within.Count(d => d < randomPairs.P01) / within.Length;
        return new DuplicateDistanceComparison
        {
            WithinGroups = DistanceDistribution.Of(within),
            RandomPairs = randomPairs,
            FractionBelowRandomP01 = below,
        };
    }
}
