namespace Dcgan.Training;

/// <summary>What a call to <see cref="GanTrainer.Fit"/> did.</summary>
/// <param name="Outcome">Why it ended.</param>
/// <param name="Position">The position after the last trained step (where a resume continues).</param>
/// <param name="StepsTrained">Number of steps this call trained.</param>
/// <param name="LastLosses">The last step's losses, or null when no step ran.</param>
/// <param name="Elapsed">Wall-clock time of the call.</param>
public sealed record TrainingResult(TrainingOutcome Outcome, TrainingPosition Position, long StepsTrained, StepLosses? LastLosses, TimeSpan Elapsed)
{
    /// <summary>Steps that diverged and were undone under <see cref="DivergencePolicy.SkipBatch"/> (not counted in <see cref="StepsTrained"/>).</summary>
    /// <value>The default value is 0.</value>
    public long SkippedSteps { get; init; }

    /// <summary>Roll-backs to the last good checkpoint during this call, under <see cref="DivergencePolicy.RollBack"/>.</summary>
    /// <value>The default value is 0.</value>
    public int RollBacks { get; init; }
}
