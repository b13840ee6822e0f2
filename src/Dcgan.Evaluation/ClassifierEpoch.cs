// ClassifierEpoch: progress of one finished training epoch.

namespace Dcgan.Evaluation;

/// <summary>Progress of one finished training epoch.</summary>
/// <param name="Epoch">One-based epoch number.</param>
/// <param name="Epochs">Total epochs.</param>
/// <param name="MeanLoss">Mean cross-entropy over the epoch's batches.</param>
/// <param name="TrainAccuracy">Accuracy on the epoch's (augmented, dropped-out) training batches.</param>
/// <param name="Elapsed">Time since training began.</param>
public sealed record ClassifierEpoch(int Epoch, int Epochs, double MeanLoss, double TrainAccuracy, TimeSpan Elapsed);
