// Memorization: how close generated samples come to the training set, against the test set's closeness (protocol D).
using Dcgan.Features;

namespace Dcgan.Evaluation;

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
    /// <param name="cancellationToken">Checked before every block of rows. The default value is <see cref="CancellationToken.None"/>.</param>
    /// <returns>The summary and the per-sample distances.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled; no tensor stays live.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid; the message lists every failure.</exception>
    /// <exception cref="ArgumentException">Column counts differ, or a set is empty.</exception>
    public static MemorizationResult Analyze(FeatureMatrix generated, FeatureMatrix train, FeatureMatrix test, MemorizationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new MemorizationOptions();
        new MemorizationOptionsValidator().ThrowIfInvalid(options);
        FeatureMatrices.RequireCompatible(generated, train, 1, nameof(generated), nameof(train));
        FeatureMatrices.RequireCompatible(test, train, 1, nameof(test), nameof(train));

        (_, double[] testDistances) = NearestNeighbours.Find(test, train, cancellationToken);
        (int[] nearest, double[] distances) = NearestNeighbours.Find(generated, train, cancellationToken);
        double threshold = Percentile(testDistances, options.Percentile);
        int below = distances.Count(d => d < threshold);
        int exact = distances.Count(d => d <= options.ExactDuplicateDistance);
        int near = distances.Count(d => d <= options.NearDuplicateDistance);
        var closest = Enumerable.Range(0, distances.Length)
            .OrderBy(i => distances[i]).ThenBy(i => i)
            .Take(options.ClosestPairCount)
            .Select(i => new NeighbourPair { GeneratedIndex = i, TrainIndex = nearest[i], Distance = distances[i] })
            .ToList();
        return new MemorizationResult
        {
            Threshold = threshold,
            FractionBelowThreshold = (double)below / generated.Rows,
            ExactDuplicates = exact,
            NearDuplicates = near,
            GeneratedNearestIndex = nearest,
            GeneratedDistances = distances,
            TestDistances = testDistances,
            ClosestPairs = closest,
        };
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
