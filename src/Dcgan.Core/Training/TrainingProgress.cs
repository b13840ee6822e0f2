namespace Dcgan.Training;

/// <summary>Reported through <see cref="IProgress{T}"/> after every step.</summary>
/// <param name="Position">The position after the step.</param>
/// <param name="TotalEpochs">Configured number of epochs.</param>
/// <param name="Losses">The step's losses.</param>
/// <param name="ImagesPerSecond">Real images trained per second, averaged since the call began.</param>
public readonly record struct TrainingProgress(TrainingPosition Position, int TotalEpochs, StepLosses Losses, double ImagesPerSecond);
