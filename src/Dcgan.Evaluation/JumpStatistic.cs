// JumpStatistic: how abruptly the images along a latent walk change. For the feature vectors f(x_0) .. f(x_S) of
// the images along one path, the step distances are d_i = ||f(x_{i+1}) - f(x_i)|| and the jump statistic is
// max_i d_i / median_i d_i: 1 for perfectly even change, large when one step carries most of the change (a sharp
// jump, which the paper reads as a sign of memorization).
using Dcgan.Features;

namespace Dcgan.Evaluation;

/// <summary>The jump statistic of a path in feature space and its summary over paths.</summary>
public static class JumpStatistic
{
    /// <summary>The Euclidean distances between consecutive rows: S distances for S + 1 rows.</summary>
    /// <param name="path">The feature vectors of the path's images in order, one row per point, at least 2 rows.</param>
    /// <returns>d_i = ||row_{i+1} - row_i||, i = 0 .. Rows - 2.</returns>
    /// <exception cref="ArgumentException">Fewer than 2 rows.</exception>
    public static double[] StepDistances(FeatureMatrix path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Rows < 2)
        {
            throw new ArgumentException($"A path needs at least 2 points to have a step; got {path.Rows}.", nameof(path));
        }

        var distances = new double[path.Rows - 1];
        for (int i = 0; i < distances.Length; i++)
        {
            ReadOnlySpan<float> a = path.Row(i);
            ReadOnlySpan<float> b = path.Row(i + 1);
            double sum = 0;
            for (int j = 0; j < a.Length; j++)
            {
                double d = (double)b[j] - a[j];
                sum += d * d;
            }

            distances[i] = Math.Sqrt(sum);
        }

        return distances;
    }

    /// <summary>
    /// <c>max_i d_i / median_i d_i</c> (the median of an even count is the mean of the two middle values). A path
    /// with all steps 0 has no jump and gives 1; a zero median with a non-zero maximum gives positive infinity.
    /// </summary>
    /// <param name="stepDistances">The path's step distances, at least one, none negative or non-finite.</param>
    /// <returns>The jump statistic, at least 1.</returns>
    /// <exception cref="ArgumentException">No distances, or a negative or non-finite one.</exception>
    public static double Of(IReadOnlyList<double> stepDistances)
    {
        ArgumentNullException.ThrowIfNull(stepDistances);
        if (stepDistances.Count == 0)
        {
            throw new ArgumentException("The jump statistic needs at least one step distance; got 0.", nameof(stepDistances));
        }

        foreach (double d in stepDistances)
        {
            if (!double.IsFinite(d) || d < 0)
            {
                throw new ArgumentException($"Step distances must be finite and non-negative; got {d}.", nameof(stepDistances));
            }
        }

        double[] sorted = stepDistances.Order().ToArray();
        double max = sorted[^1];
        double median = Quantile(sorted, 0.5);
        return max == 0 ? 1.0 : median == 0 ? double.PositiveInfinity : max / median;
    }

    /// <summary>The jump statistic of a path given by its feature vectors: <c>Of(StepDistances(path))</c>.</summary>
    /// <param name="path">One row per point, at least 2 rows.</param>
    /// <returns>The jump statistic, at least 1.</returns>
    public static double Of(FeatureMatrix path) => Of(StepDistances(path));

    /// <summary>Mean, median, 95th percentile, maximum and share above <paramref name="threshold"/> of per-path jump statistics.</summary>
    /// <param name="jumps">One jump statistic per path, at least one.</param>
    /// <param name="threshold">The "sharp jump" threshold. The default value is 3 (<see cref="LatentWalkOptions.DefaultJumpThreshold"/>, our choice).</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentException">No jumps.</exception>
    public static JumpSummary Summarize(IReadOnlyList<double> jumps, double threshold = LatentWalkOptions.DefaultJumpThreshold)
    {
        ArgumentNullException.ThrowIfNull(jumps);
        if (jumps.Count == 0)
        {
            throw new ArgumentException("No jump statistics to summarize.", nameof(jumps));
        }

        double[] sorted = jumps.Order().ToArray();
        return new JumpSummary
        {
            Paths = sorted.Length,
            Mean = sorted.Average(),
            Median = Quantile(sorted, 0.5),
            Percentile95 = Quantile(sorted, 0.95),
            Max = sorted[^1],
            Threshold = threshold,
            ShareAboveThreshold = sorted.Count(j => j > threshold) / (double)sorted.Length,
        };
    }

    /// <summary>The q-quantile of ascending values, interpolating linearly at position q * (n - 1).</summary>
    internal static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        double position = q * (sorted.Count - 1);
        int lower = (int)Math.Floor(position);
        int upper = Math.Min(lower + 1, sorted.Count - 1);
        double fraction = position - lower;
        if (fraction == 0)
        {
            return sorted[lower];
        }

        // An infinite upper neighbour makes the quantile infinite (and inf - inf would give NaN).
        return double.IsInfinity(sorted[upper]) ? sorted[upper] : sorted[lower] + fraction * (sorted[upper] - sorted[lower]);
    }
}
