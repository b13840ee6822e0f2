// DeduplicationReport: what Deduplicator.Find found (groups with evidence), with the thresholds and the timings.
using Dcgan.Data;

namespace Dcgan.Deduplication;

/// <summary>The outcome of <see cref="Deduplicator.Find"/>.</summary>
/// <remarks>Managed values only. Not a record: it has no value equality (two instances with the same values are different objects), so compare properties; new members may be added in later versions.</remarks>
public sealed class DeduplicationReport
{
    /// <summary>The duplicate test that ran.</summary>
    public required DeduplicationMethod Method { get; init; }

    /// <summary>The data source's description.</summary>
    public required string Source { get; init; }

    /// <summary>Images examined.</summary>
    public required int ImageCount { get; init; }

    /// <summary>Bits of each code (128 exact, 63 perceptual, <see cref="SemanticHashOptions.CodeSize"/> semantic).</summary>
    public required int CodeBits { get; init; }

    /// <summary>Largest Hamming distance from a code to its group's representative (0: codes collide).</summary>
    public required int MaxDistance { get; init; }

    /// <summary>The duplicate groups, ordered by representative (lowest index, the one a de-duplicated source keeps).</summary>
    public required IReadOnlyList<DuplicateGroup> Groups { get; init; }

    /// <summary>Seconds spent training the autoencoder (0 for the exact and perceptual methods).</summary>
    public required double TrainingSeconds { get; init; }

    /// <summary>Seconds spent computing the codes of all images.</summary>
    public required double HashSeconds { get; init; }

    /// <summary>Seconds spent grouping the codes and measuring the groups' pixel distances.</summary>
    public required double GroupingSeconds { get; init; }

    /// <summary>The autoencoder's mean reconstruction loss per epoch (empty for the other methods).</summary>
    public required IReadOnlyList<double> TrainingLosses { get; init; }

    /// <summary>Images a de-duplicated source hides: the sum over groups of their size minus one.</summary>
    public int RemovedCount => Groups.Sum(g => g.Size - 1);

    /// <summary>Images a de-duplicated source keeps.</summary>
    public int KeptCount => ImageCount - RemovedCount;

    /// <summary>Total seconds (training, hashing and grouping).</summary>
    public double TotalSeconds => TrainingSeconds + HashSeconds + GroupingSeconds;
}
