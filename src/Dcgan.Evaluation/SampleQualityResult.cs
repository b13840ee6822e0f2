// SampleQualityResult: sample-quality numbers of one image set against a real reference set.

namespace Dcgan.Evaluation;

/// <summary>Sample-quality numbers of one image set against a real reference set.</summary>
/// <remarks>Managed values only. Not a record: it has no value equality (two instances with the same values are different objects), so compare properties; new members may be added in later versions.</remarks>
public sealed class SampleQualityResult
{
    /// <summary>Number of images evaluated.</summary>
    public required int Count { get; init; }

    /// <summary>Frechet distance between the sets' classifier features.</summary>
    public required double FrechetDistance { get; init; }

    /// <summary>Improved precision/recall (the evaluated set plays "generated").</summary>
    public required PrecisionRecallResult PrecisionRecall { get; init; }

    /// <summary>Predicted-class histogram of the evaluated set.</summary>
    public required ClassCoverageResult Coverage { get; init; }
}
