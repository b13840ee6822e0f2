// SupervisedCnnEpoch: progress of one finished epoch of SupervisedCnn training.

namespace Dcgan.Features;

/// <summary>Progress of one finished epoch of <see cref="SupervisedCnn"/> training.</summary>
/// <remarks>Managed values only. Not a record: it has no value equality (two instances with the same values are different objects), so compare properties; new members may be added in later versions.</remarks>
public sealed class SupervisedCnnEpoch
{
    /// <summary>One-based epoch number.</summary>
    public required int Epoch { get; init; }

    /// <summary>Total epochs of the budget.</summary>
    public required int Epochs { get; init; }

    /// <summary>Mean cross-entropy over the epoch's training images (batch statistics, training mode).</summary>
    public required double MeanLoss { get; init; }

    /// <summary>Accuracy on the epoch's training batches, measured during the epoch in training mode.</summary>
    public required double TrainAccuracy { get; init; }

    /// <summary>Validation accuracy after the epoch (eval mode, running BN statistics), or <see langword="null"/> when this epoch was not evaluated (see <see cref="SupervisedCnnOptions.EvaluationInterval"/>).</summary>
    public required double? ValidationAccuracy { get; init; }

    /// <summary>Time since training began.</summary>
    public required TimeSpan Elapsed { get; init; }
}
