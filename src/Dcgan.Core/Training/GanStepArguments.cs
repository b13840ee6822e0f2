namespace Dcgan.Training;

/// <summary>Payload of the step hooks.</summary>
/// <param name="Trainer">The trainer.</param>
/// <param name="Position">The position of the step that ran (its epoch, batch and global step).</param>
/// <param name="Losses">The losses so far (the generator loss is 0 in <see cref="GanCallback.OnDiscriminatorStepEnd"/>).</param>
/// <param name="ImagesPerSecond">Real images trained per second, averaged since the call began.</param>
public readonly record struct GanStepArguments(GanTrainer Trainer, TrainingPosition Position, StepLosses Losses, double ImagesPerSecond);
