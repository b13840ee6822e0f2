// StandardMetricsResult: FID, KID and precision/recall of one generated set against a reference in one feature space.

namespace Dcgan.Evaluation;

/// <summary>The standard sample-quality numbers in a feature extractor's space (Inception for published numbers).</summary>
/// <remarks>Managed values only; not a record (no value equality), so compare properties. New members may be added.</remarks>
public sealed class StandardMetricsResult
{
    /// <summary>The Frechet distance between the Gaussians of the generated features and the reference statistics (FID).</summary>
    public required double FrechetDistance { get; init; }

    /// <summary>KID, or <see langword="null"/> when no reference features were given (the statistics alone do not define it).</summary>
    public required KernelDistanceResult? KernelDistance { get; init; }

    /// <summary>Improved precision/recall, or <see langword="null"/> when no reference features were given.</summary>
    public required PrecisionRecallResult? PrecisionRecall { get; init; }

    /// <summary>Number of generated feature rows.</summary>
    public required int GeneratedCount { get; init; }

    /// <summary>Number of reference feature rows used for KID and precision/recall (0 without them).</summary>
    public required int ReferenceFeatureCount { get; init; }
}
