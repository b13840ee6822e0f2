// SupervisedCnnResult: the outcome of SupervisedCnn.Run (test accuracy, training summary, set sizes, timing).

namespace Dcgan.Features;

/// <summary>The outcome of <see cref="SupervisedCnn.Run"/>: managed values only.</summary>
/// <param name="TestAccuracy">Test accuracy of the best epoch's weights (eval mode, running BN statistics).</param>
/// <param name="Training">The training summary (best epoch, validation accuracy, per-epoch history).</param>
/// <param name="TrainCount">Training images.</param>
/// <param name="ValidationCount">Validation images (used only to choose the epoch).</param>
/// <param name="TestCount">Test images.</param>
/// <param name="ParameterCount">Trainable parameters of the network.</param>
/// <param name="Elapsed">Wall-clock time of the whole run (building, training, testing).</param>
public sealed record SupervisedCnnResult(
    double TestAccuracy,
    SupervisedCnnTraining Training,
    int TrainCount,
    int ValidationCount,
    int TestCount,
    long ParameterCount,
    TimeSpan Elapsed);
