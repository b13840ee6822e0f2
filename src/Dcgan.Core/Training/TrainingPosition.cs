namespace Dcgan.Training;

/// <summary>Where a training run stands.</summary>
/// <param name="Epoch">Zero-based index of the current epoch.</param>
/// <param name="BatchInEpoch">Zero-based index of the current batch within the epoch (the number of batches of this epoch already trained, between batches).</param>
/// <param name="GlobalStep">Number of optimisation steps (batches) trained since the run began.</param>
/// <param name="BatchesPerEpoch">Number of batches one epoch has.</param>
public readonly record struct TrainingPosition(int Epoch, int BatchInEpoch, long GlobalStep, int BatchesPerEpoch);
