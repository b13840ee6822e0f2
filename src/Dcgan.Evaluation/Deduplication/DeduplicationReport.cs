// DeduplicationReport: what Deduplicator.Find found (groups with evidence), with the thresholds and the timings.
using Dcgan.Data;

namespace Dcgan.Deduplication;

/// <summary>The outcome of <see cref="Deduplicator.Find"/>.</summary>
/// <param name="Method">The duplicate test that ran.</param>
/// <param name="Source">The data source's description.</param>
/// <param name="ImageCount">Images examined.</param>
/// <param name="CodeBits">Bits of each code (128 exact, 63 perceptual, <see cref="SemanticHashOptions.CodeSize"/> semantic).</param>
/// <param name="MaxDistance">Largest Hamming distance from a code to its group's representative (0: codes collide).</param>
/// <param name="Groups">The duplicate groups, ordered by representative (lowest index, the one a de-duplicated source keeps).</param>
/// <param name="TrainingSeconds">Seconds spent training the autoencoder (0 for the exact and perceptual methods).</param>
/// <param name="HashSeconds">Seconds spent computing the codes of all images.</param>
/// <param name="GroupingSeconds">Seconds spent grouping the codes and measuring the groups' pixel distances.</param>
/// <param name="TrainingLosses">The autoencoder's mean reconstruction loss per epoch (empty for the other methods).</param>
public sealed record DeduplicationReport(
    DeduplicationMethod Method,
    string Source,
    int ImageCount,
    int CodeBits,
    int MaxDistance,
    IReadOnlyList<DuplicateGroup> Groups,
    double TrainingSeconds,
    double HashSeconds,
    double GroupingSeconds,
    IReadOnlyList<double> TrainingLosses)
{
    /// <summary>Images a de-duplicated source hides: the sum over groups of their size minus one.</summary>
    public int RemovedCount => Groups.Sum(g => g.Size - 1);

    /// <summary>Images a de-duplicated source keeps.</summary>
    public int KeptCount => ImageCount - RemovedCount;

    /// <summary>Total seconds (training, hashing and grouping).</summary>
    public double TotalSeconds => TrainingSeconds + HashSeconds + GroupingSeconds;
}
