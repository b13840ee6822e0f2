namespace Dcgan.Training;

/// <summary>Payload of <see cref="GanCallback.OnEpochEnd"/>.</summary>
/// <param name="Trainer">The trainer.</param>
/// <param name="Epoch">The zero-based epoch that ended.</param>
/// <param name="Position">The position after the epoch (the start of the next one).</param>
/// <param name="MeanLosses">Means over the batches trained in this epoch by this call.</param>
public readonly record struct GanEpochArguments(GanTrainer Trainer, int Epoch, TrainingPosition Position, StepLosses MeanLosses);
