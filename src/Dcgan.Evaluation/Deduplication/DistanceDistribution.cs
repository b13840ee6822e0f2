// DistanceDistribution: a summary (count, mean, quantiles) of a set of pixel distances.
using Dcgan.Evaluation;

namespace Dcgan.Deduplication;

/// <summary>Summary of a set of distances; quantiles interpolate linearly between order statistics.</summary>
/// <param name="Count">Number of distances.</param>
/// <param name="Mean">Their mean.</param>
/// <param name="Min">The smallest.</param>
/// <param name="P01">The 1st percentile.</param>
/// <param name="P05">The 5th percentile.</param>
/// <param name="P25">The 25th percentile.</param>
/// <param name="Median">The median.</param>
/// <param name="P75">The 75th percentile.</param>
/// <param name="P95">The 95th percentile.</param>
/// <param name="Max">The largest.</param>
public sealed record DistanceDistribution(int Count, double Mean, double Min, double P01, double P05, double P25, double Median, double P75, double P95, double Max)
{
    /// <summary>The summary of <paramref name="distances"/>; all zero when there are none.</summary>
    /// <param name="distances">The distances.</param>
    /// <returns>The summary.</returns>
    public static DistanceDistribution Of(IReadOnlyList<double> distances)
    {
        ArgumentNullException.ThrowIfNull(distances);
        if (distances.Count == 0)
        {
            return new DistanceDistribution(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }

        double Q(double percent) => Memorization.Percentile(distances, percent);
        return new DistanceDistribution(
            distances.Count, distances.Average(), distances.Min(), Q(1), Q(5), Q(25), Q(50), Q(75), Q(95), distances.Max());
    }
}
