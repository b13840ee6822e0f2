// Small summaries of repeated measurements.
namespace Dcgan.Benchmarks;

/// <summary>Median of a list of measurements.</summary>
internal static class Statistics
{
    public static double Median(IReadOnlyCollection<double> values)
    {
        double[] sorted = [.. values.Order()];
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
