using Dcgan.Features;
// Memorization: how close generated samples come to the training set, against the test set's closeness (protocol D).
using System.ComponentModel.DataAnnotations;

namespace Dcgan.Evaluation;

/// <summary>Settings of <see cref="Memorization.Analyze"/>.</summary>
public sealed class MemorizationOptions
{
    /// <summary>The percentile of test-to-train nearest-neighbour distances that sets the "too close" threshold.</summary>
    /// <value>The default value is 1 (the 1st percentile).</value>
    [Range(0.0, 100.0)]
    public double Percentile { get; set; } = 1.0;

    /// <summary>
    /// Distance at or below which a generated sample is a near duplicate of its nearest training sample. The scale
    /// depends on the space: the default suits pixel space with pixels in [-1, 1] (784 pixels: a root-mean-square
    /// difference of 0.036, under 2% of the range); choose one for feature space from the reported distances.
    /// </summary>
    /// <value>The default value is 1.0.</value>
    [Range(0.0, double.MaxValue)]
    public double NearDuplicateDistance { get; set; } = 1.0;

    /// <summary>Distance at or below which a pair counts as an exact duplicate (round-off allowance).</summary>
    /// <value>The default value is 1e-6.</value>
    [Range(0.0, double.MaxValue)]
    public double ExactDuplicateDistance { get; set; } = 1e-6;

    /// <summary>How many of the closest generated/train pairs to report (for a pair grid).</summary>
    /// <value>The default value is 32.</value>
    [Range(0, 100_000)]
    public int ClosestPairCount { get; set; } = 32;
}

/// <summary>A generated sample and its nearest training sample.</summary>
/// <param name="GeneratedIndex">Row of the generated set.</param>
/// <param name="TrainIndex">Row of the training set.</param>
/// <param name="Distance">Euclidean distance between them.</param>
public sealed record NeighbourPair(int GeneratedIndex, int TrainIndex, double Distance);

/// <summary>The outcome of <see cref="Memorization.Analyze"/>.</summary>
/// <param name="Threshold">The <see cref="MemorizationOptions.Percentile"/>-th percentile of test-to-train distances.</param>
/// <param name="FractionBelowThreshold">Fraction of generated samples strictly closer to train than <paramref name="Threshold"/> (about Percentile/100 for a model that does not copy).</param>
/// <param name="ExactDuplicates">Generated samples within <see cref="MemorizationOptions.ExactDuplicateDistance"/> of a training sample.</param>
/// <param name="NearDuplicates">Generated samples within <see cref="MemorizationOptions.NearDuplicateDistance"/> (includes exact ones).</param>
/// <param name="GeneratedNearestIndex">Nearest training row of every generated row.</param>
/// <param name="GeneratedDistances">Distance of every generated row to its nearest training row.</param>
/// <param name="TestDistances">Distance of every test row to its nearest training row.</param>
/// <param name="ClosestPairs">The closest generated/train pairs, nearest first.</param>
public sealed record MemorizationResult(
    double Threshold,
    double FractionBelowThreshold,
    int ExactDuplicates,
    int NearDuplicates,
    int[] GeneratedNearestIndex,
    double[] GeneratedDistances,
    double[] TestDistances,
    IReadOnlyList<NeighbourPair> ClosestPairs);

/// <summary>
/// Memorization check (the paper's concern that a GAN may copy its training images): the nearest training
/// neighbour of every generated sample, compared with how close held-out test images come to the training set.
/// Works in any space (flattened pixels or classifier features), as long as all three sets share it.
/// </summary>
public static class Memorization
{
    /// <summary>Finds nearest training neighbours of generated and test rows and summarises them.</summary>
    /// <param name="generated">Generated samples.</param>
    /// <param name="train">The training set the generator saw.</param>
    /// <param name="test">Held-out real samples (at least 1 row) that calibrate the threshold.</param>
    /// <param name="options">Thresholds; <see langword="null"/> uses the defaults.</param>
    /// <returns>The summary and the per-sample distances.</returns>
    /// <exception cref="ArgumentException">Column counts differ, a set is empty, or an option is out of range.</exception>
    public static MemorizationResult Analyze(FeatureMatrix generated, FeatureMatrix train, FeatureMatrix test, MemorizationOptions? options = null)
    {
        options ??= new MemorizationOptions();
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        FeatureMatrices.RequireCompatible(generated, train, 1, nameof(generated), nameof(train));
        FeatureMatrices.RequireCompatible(test, train, 1, nameof(test), nameof(train));

        (_, double[] testDistances) = NearestNeighbours.Find(test, train);
        (int[] nearest, double[] distances) = NearestNeighbours.Find(generated, train);
        double threshold = Percentile(testDistances, options.Percentile);
        int below = distances.Count(d => d < threshold);
        int exact = distances.Count(d => d <= options.ExactDuplicateDistance);
        int near = distances.Count(d => d <= options.NearDuplicateDistance);
        var closest = Enumerable.Range(0, distances.Length)
            .OrderBy(i => distances[i]).ThenBy(i => i)
            .Take(options.ClosestPairCount)
            .Select(i => new NeighbourPair(i, nearest[i], distances[i]))
            .ToList();
        return new MemorizationResult(threshold, (double)below / generated.Rows, exact, near, nearest, distances, testDistances, closest);
    }

    /// <summary>The <paramref name="percent"/>-th percentile with linear interpolation between order statistics (numpy's default).</summary>
    /// <param name="values">At least one value.</param>
    /// <param name="percent">In [0, 100].</param>
    public static double Percentile(IReadOnlyList<double> values, double percent)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(values.Count, 1, nameof(values));
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100.0);
        double[] sorted = values.Order().ToArray();
        double position = percent / 100.0 * (sorted.Length - 1);
        int lower = (int)Math.Floor(position);
        int upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
