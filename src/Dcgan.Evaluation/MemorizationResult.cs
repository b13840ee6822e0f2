// MemorizationResult: the outcome of the memorization check (threshold, duplicates, per-sample distances).
namespace Dcgan.Evaluation;

/// <summary>The outcome of <see cref="Memorization.Analyze"/>.</summary>
/// <remarks>Managed values only. Not a record: it has no value equality (two instances with the same values are different objects), so compare properties; new members may be added in later versions.</remarks>
public sealed class MemorizationResult
{
    /// <summary>The <see cref="MemorizationOptions.Percentile"/>-th percentile of test-to-train distances.</summary>
    public required double Threshold { get; init; }

    /// <summary>Fraction of generated samples strictly closer to train than <see cref="Threshold"/> (about Percentile/100 for a model that does not copy).</summary>
    public required double FractionBelowThreshold { get; init; }

    /// <summary>Generated samples within <see cref="MemorizationOptions.ExactDuplicateDistance"/> of a training sample.</summary>
    public required int ExactDuplicates { get; init; }

    /// <summary>Generated samples within <see cref="MemorizationOptions.NearDuplicateDistance"/> (includes exact ones).</summary>
    public required int NearDuplicates { get; init; }

    /// <summary>Nearest training row of every generated row.</summary>
    public required IReadOnlyList<int> GeneratedNearestIndex { get; init; }

    /// <summary>Distance of every generated row to its nearest training row.</summary>
    public required IReadOnlyList<double> GeneratedDistances { get; init; }

    /// <summary>Distance of every test row to its nearest training row.</summary>
    public required IReadOnlyList<double> TestDistances { get; init; }

    /// <summary>The closest generated/train pairs, nearest first.</summary>
    public required IReadOnlyList<NeighbourPair> ClosestPairs { get; init; }
}
