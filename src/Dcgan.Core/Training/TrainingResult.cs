namespace Dcgan.Training;

/// <summary>What a call to <see cref="GanTrainer.Fit"/> did.</summary>
/// <param name="Outcome">Why it ended.</param>
/// <param name="Position">The position after the last trained step (where a resume continues).</param>
/// <param name="StepsTrained">Number of steps this call trained.</param>
/// <param name="LastLosses">The last step's losses, or null when no step ran.</param>
/// <param name="Elapsed">Wall-clock time of the call.</param>
public sealed record TrainingResult(TrainingOutcome Outcome, TrainingPosition Position, long StepsTrained, StepLosses? LastLosses, TimeSpan Elapsed);
