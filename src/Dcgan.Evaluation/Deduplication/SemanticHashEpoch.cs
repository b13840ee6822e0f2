// SemanticHashEpoch: progress of one finished training epoch of the semantic-hash autoencoder.
namespace Dcgan.Deduplication;

/// <summary>Progress of one finished epoch of <see cref="SemanticHashModel.Train"/>.</summary>
/// <param name="Epoch">One-based epoch number.</param>
/// <param name="Epochs">Total epochs.</param>
/// <param name="MeanLoss">Mean squared reconstruction error of the clean input over the epoch's batches.</param>
/// <param name="Elapsed">Time since training began.</param>
public sealed record SemanticHashEpoch(int Epoch, int Epochs, double MeanLoss, TimeSpan Elapsed);
