// ClassCoverage: mode coverage from predicted labels: histogram, classes above a share, KL to uniform.
namespace Dcgan.Evaluation;

/// <summary>
/// Mode coverage (evaluation protocol section C): how the evaluation classifier's predicted labels of a sample set
/// spread over the classes.
/// </summary>
public static class ClassCoverage
{
    /// <summary>The share a class needs to count as covered by default (1%).</summary>
    public const double DefaultMinimumShare = 0.01;

    /// <summary>The histogram of <paramref name="predictedLabels"/>.</summary>
    /// <param name="predictedLabels">One label per sample, each in [0, <paramref name="classCount"/>).</param>
    /// <param name="classCount">Number of classes (for a classifier's predictions: its <see cref="IImageClassifier.ClassCount"/>).</param>
    /// <param name="minimumShare">Share a class needs to count as covered. The default value is 0.01.</param>
    /// <returns>The histogram, covered-class count and KL to uniform.</returns>
    /// <exception cref="ArgumentException">No labels, or a label outside the classes.</exception>
    public static ClassCoverageResult FromPredictions(IReadOnlyList<int> predictedLabels, int classCount, double minimumShare = DefaultMinimumShare)
    {
        ArgumentNullException.ThrowIfNull(predictedLabels);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        var counts = new int[classCount];
        foreach (int label in predictedLabels)
        {
            if ((uint)label >= (uint)classCount)
            {
                throw new ArgumentException($"Label {label} is outside [0, {classCount - 1}].", nameof(predictedLabels));
            }

            counts[label]++;
        }

        return FromCounts(counts, minimumShare);
    }

    /// <summary>Coverage statistics of a histogram.</summary>
    /// <param name="counts">Samples per class (non-negative, not all zero).</param>
    /// <param name="minimumShare">Share a class needs to count as covered. The default value is 0.01.</param>
    /// <returns>The histogram, covered-class count and KL to uniform.</returns>
    /// <exception cref="ArgumentException">Empty histogram or negative counts.</exception>
    public static ClassCoverageResult FromCounts(IReadOnlyList<int> counts, double minimumShare = DefaultMinimumShare)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentOutOfRangeException.ThrowIfNegative(minimumShare);
        if (counts.Count == 0 || counts.Any(c => c < 0) || counts.Sum(c => (long)c) == 0)
        {
            throw new ArgumentException("The histogram must have at least one class, no negative counts and at least one sample.", nameof(counts));
        }

        double total = counts.Sum(c => (double)c);
        double[] shares = counts.Select(c => c / total).ToArray();
        double kl = 0;
        foreach (double p in shares.Where(p => p > 0))
        {
            kl += p * Math.Log(p * counts.Count);                             // p ln(p / (1/K)); 0 ln 0 = 0
        }

        int covered = shares.Count(p => p >= minimumShare);
        return new ClassCoverageResult
        {
            Counts = counts.ToArray(),
            Shares = shares,
            CoveredClasses = covered,
            MinimumShare = minimumShare,
            KlToUniform = Math.Max(0.0, kl),
        };
    }
}
