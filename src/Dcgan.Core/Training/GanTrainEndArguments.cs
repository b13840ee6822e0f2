namespace Dcgan.Training;

/// <summary>Payload of <see cref="GanCallback.OnTrainEnd"/>.</summary>
/// <param name="Trainer">The trainer.</param>
/// <param name="Result">What the call did.</param>
public readonly record struct GanTrainEndArguments(GanTrainer Trainer, TrainingResult Result);
