// MemorizationResult: the outcome of the memorization check (threshold, duplicates, per-sample distances).
namespace Dcgan.Evaluation;

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
