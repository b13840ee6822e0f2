// SupervisedCnnResult: the outcome of SupervisedCnn.Run (test accuracy, training summary, set sizes, timing).

namespace Dcgan.Features;

/// <summary>The outcome of <see cref="SupervisedCnn.Run"/>: managed values only.</summary>
/// <remarks>Managed values only. Not a record: it has no value equality (two instances with the same values are different objects), so compare properties; new members may be added in later versions.</remarks>
public sealed class SupervisedCnnResult
{
    /// <summary>Test accuracy of the best epoch's weights (eval mode, running BN statistics).</summary>
    public required double TestAccuracy { get; init; }

    /// <summary>The training summary (best epoch, validation accuracy, per-epoch history).</summary>
    public required SupervisedCnnTraining Training { get; init; }

    /// <summary>Training images.</summary>
    public required int TrainCount { get; init; }

    /// <summary>Validation images (used only to choose the epoch).</summary>
    public required int ValidationCount { get; init; }

    /// <summary>Test images.</summary>
    public required int TestCount { get; init; }

    /// <summary>Trainable parameters of the network.</summary>
    public required long ParameterCount { get; init; }

    /// <summary>Wall-clock time of the whole run (building, training, testing).</summary>
    public required TimeSpan Elapsed { get; init; }
}
