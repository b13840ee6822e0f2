// ReferenceStatisticsResult: the real-vs-real reference numbers (FD floor, FD of degraded copies, precision/recall,
// class coverage and accuracy of the test set).
namespace Dcgan.Evaluation;

/// <summary>The reference numbers.</summary>
/// <remarks>Managed values only. Not a record: it has no value equality (two instances with the same values are different objects), so compare properties; new members may be added in later versions.</remarks>
public sealed class ReferenceStatisticsResult
{
    /// <summary>SHA-256 of the classifier's weights file, or null when unsaved.</summary>
    public required string? ClassifierSha256 { get; init; }

    /// <summary>Number of test images.</summary>
    public required int TestCount { get; init; }

    /// <summary>FD (the floor), precision/recall and class coverage of the random training subset against the test set.</summary>
    public required SampleQualityResult TrainVersusTest { get; init; }

    /// <summary>FD between the test set and its blurred copy.</summary>
    public required double BlurredTestDistance { get; init; }

    /// <summary>FD between the test set and its noisy copy.</summary>
    public required double NoisyTestDistance { get; init; }

    /// <summary>Class histogram of the classifier's predictions on the test set (KL to uniform included).</summary>
    public required ClassCoverageResult TestCoverage { get; init; }

    /// <summary>The classifier's accuracy on the test set, or null when no labels were given.</summary>
    public required double? TestAccuracy { get; init; }

    /// <summary>The settings used.</summary>
    public required ReferenceStatisticsOptions Options { get; init; }
}
