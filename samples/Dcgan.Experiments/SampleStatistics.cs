// Mean and sample standard deviation of a small set of per-seed results, as the experiment tables report them.
namespace Dcgan.Experiments;

/// <summary>Mean and sample standard deviation (n - 1; 0 for a single value).</summary>
internal readonly record struct SampleStatistics(double Mean, double Std)
{
    public static SampleStatistics Of(IReadOnlyCollection<double> values)
    {
        double mean = values.Average();
        double sum = values.Sum(v => (v - mean) * (v - mean));
        return new SampleStatistics(mean, values.Count > 1 ? Math.Sqrt(sum / (values.Count - 1)) : 0);
    }
}
