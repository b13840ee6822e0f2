// DistanceDistribution: a summary (count, mean, quantiles) of a set of pixel distances.
using Dcgan.Evaluation;

namespace Dcgan.Deduplication;

/// <summary>Summary of a set of distances; quantiles interpolate linearly between order statistics.</summary>
/// <remarks>Managed values only. Not a record: it has no value equality (two instances with the same values are different objects), so compare properties; new members may be added in later versions.</remarks>
public sealed class DistanceDistribution
{
    /// <summary>Number of distances.</summary>
    public required int Count { get; init; }

    /// <summary>Their mean.</summary>
    public required double Mean { get; init; }

    /// <summary>The smallest.</summary>
    public required double Min { get; init; }

    /// <summary>The 1st percentile.</summary>
    public required double P01 { get; init; }

    /// <summary>The 5th percentile.</summary>
    public required double P05 { get; init; }

    /// <summary>The 25th percentile.</summary>
    public required double P25 { get; init; }

    /// <summary>The median.</summary>
    public required double Median { get; init; }

    /// <summary>The 75th percentile.</summary>
    public required double P75 { get; init; }

    /// <summary>The 95th percentile.</summary>
    public required double P95 { get; init; }

    /// <summary>The largest.</summary>
    public required double Max { get; init; }

    /// <summary>The summary of <paramref name="distances"/>; all zero when there are none.</summary>
    /// <param name="distances">The distances.</param>
    /// <returns>The summary.</returns>
    public static DistanceDistribution Of(IReadOnlyList<double> distances)
    {
        ArgumentNullException.ThrowIfNull(distances);
        if (distances.Count == 0)
        {
            return new DistanceDistribution { Count = 0, Mean = 0, Min = 0, P01 = 0, P05 = 0, P25 = 0, Median = 0, P75 = 0, P95 = 0, Max = 0 };
        }

        double Q(double percent) => Memorization.Percentile(distances, percent);
        return new DistanceDistribution
        {
            Count = distances.Count,
            Mean = distances.Average(),
            Min = distances.Min(),
            P01 = Q(1),
            P05 = Q(5),
            P25 = Q(25),
            Median = Q(50),
            P75 = Q(75),
            P95 = Q(95),
            Max = distances.Max(),
        };
    }
}
