// ClassifierEpoch: progress of one finished training epoch.

namespace Dcgan.Evaluation;

/// <summary>Progress of one finished training epoch.</summary>
/// <remarks>Managed values only. Not a record: it has no value equality (two instances with the same values are different objects), so compare properties; new members may be added in later versions.</remarks>
public sealed class ClassifierEpoch
{
    /// <summary>One-based epoch number.</summary>
    public required int Epoch { get; init; }

    /// <summary>Total epochs.</summary>
    public required int Epochs { get; init; }

    /// <summary>Mean cross-entropy over the epoch's batches.</summary>
    public required double MeanLoss { get; init; }

    /// <summary>Accuracy on the epoch's (augmented, dropped-out) training batches.</summary>
    public required double TrainAccuracy { get; init; }

    /// <summary>Time since training began.</summary>
    public required TimeSpan Elapsed { get; init; }
}
