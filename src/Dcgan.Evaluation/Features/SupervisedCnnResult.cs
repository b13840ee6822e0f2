namespace Dcgan.Features;

/// <summary>Progress of one finished epoch of <see cref="SupervisedCnn"/> training.</summary>
/// <param name="Epoch">One-based epoch number.</param>
/// <param name="Epochs">Total epochs of the budget.</param>
/// <param name="MeanLoss">Mean cross-entropy over the epoch's training images (batch statistics, training mode).</param>
/// <param name="TrainAccuracy">Accuracy on the epoch's training batches, measured during the epoch in training mode.</param>
/// <param name="ValidationAccuracy">
/// Validation accuracy after the epoch (eval mode, running BN statistics), or <see langword="null"/> when this
/// epoch was not evaluated (see <see cref="SupervisedCnnOptions.EvaluationInterval"/>).
/// </param>
/// <param name="Elapsed">Time since training began.</param>
public sealed record SupervisedCnnEpoch(int Epoch, int Epochs, double MeanLoss, double TrainAccuracy, double? ValidationAccuracy, TimeSpan Elapsed);

/// <summary>What <see cref="SupervisedCnn.Train"/> did: the epoch whose weights were kept, and every epoch's numbers.</summary>
/// <param name="BestEpoch">The evaluated epoch with the highest validation accuracy (the earliest on ties); its weights are the ones returned.</param>
/// <param name="BestValidationAccuracy">Validation accuracy of <paramref name="BestEpoch"/>.</param>
/// <param name="History">One entry per epoch, in order.</param>
/// <param name="Elapsed">Wall-clock time of the training.</param>
public sealed record SupervisedCnnTraining(int BestEpoch, double BestValidationAccuracy, IReadOnlyList<SupervisedCnnEpoch> History, TimeSpan Elapsed);

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
