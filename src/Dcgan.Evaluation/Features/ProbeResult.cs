// ProbeResult: the outcome of LinearProbe: managed values only.

namespace Dcgan.Features;

/// <summary>The outcome of <see cref="LinearProbe"/>: managed values only.</summary>
/// <remarks>Managed values only. Not a record: it has no value equality (two instances with the same values are different objects), so compare properties; new members may be added in later versions.</remarks>
public sealed class ProbeResult
{
    /// <summary>The classifier kind.</summary>
    public required ProbeClassifier Classifier { get; init; }

    /// <summary>The C with the best validation accuracy.</summary>
    public required double ChosenC { get; init; }

    /// <summary>Test accuracy of the final fit (train + validation, chosen C).</summary>
    public required double TestAccuracy { get; init; }

    /// <summary>Accuracy of the final fit on the rows it was fitted on.</summary>
    public required double FinalTrainAccuracy { get; init; }

    /// <summary>Whether the final fit reached the tolerance.</summary>
    public required bool FinalConverged { get; init; }

    /// <summary>Every candidate C, in grid order.</summary>
    public required IReadOnlyList<ProbeCandidate> Candidates { get; init; }

    /// <summary>Rows used to fit during C selection.</summary>
    public required int TrainCount { get; init; }

    /// <summary>Rows used to choose C.</summary>
    public required int ValidationCount { get; init; }

    /// <summary>Test rows.</summary>
    public required int TestCount { get; init; }

    /// <summary>Features per row.</summary>
    public required int FeatureDimension { get; init; }

    /// <summary>Wall-clock time of the whole probe.</summary>
    public required TimeSpan Elapsed { get; init; }
}
