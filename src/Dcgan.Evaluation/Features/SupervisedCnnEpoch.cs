// SupervisedCnnEpoch: progress of one finished epoch of SupervisedCnn training.

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
