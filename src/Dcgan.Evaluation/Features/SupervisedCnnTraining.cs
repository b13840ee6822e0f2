// SupervisedCnnTraining: what SupervisedCnn.Train did: the epoch whose weights were kept, and every epoch's numbers.

namespace Dcgan.Features;

/// <summary>What <see cref="SupervisedCnn.Train"/> did: the epoch whose weights were kept, and every epoch's numbers.</summary>
/// <remarks>Managed values only. Not a record: it has no value equality (two instances with the same values are different objects), so compare properties; new members may be added in later versions.</remarks>
public sealed class SupervisedCnnTraining
{
    /// <summary>The evaluated epoch with the highest validation accuracy (the earliest on ties); its weights are the ones returned.</summary>
    public required int BestEpoch { get; init; }

    /// <summary>Validation accuracy of <see cref="BestEpoch"/>.</summary>
    public required double BestValidationAccuracy { get; init; }

    /// <summary>One entry per epoch, in order.</summary>
    public required IReadOnlyList<SupervisedCnnEpoch> History { get; init; }

    /// <summary>Wall-clock time of the training.</summary>
    public required TimeSpan Elapsed { get; init; }
}
