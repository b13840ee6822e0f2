namespace Dcgan.Training;

/// <summary>Payload of the start hooks.</summary>
/// <param name="Trainer">The trainer (read it; do not modify its networks).</param>
/// <param name="Position">The position of the step about to run.</param>
public readonly record struct GanCallbackArguments(GanTrainer Trainer, TrainingPosition Position);
