namespace Dcgan.Training;

/// <summary>How a call to <see cref="GanTrainer.Fit"/> ended.</summary>
public enum TrainingOutcome
{
    /// <summary>All configured epochs were trained.</summary>
    Completed,

    /// <summary>The cancellation token fired; training stopped at a step boundary.</summary>
    Cancelled,

    /// <summary>A callback asked to stop (<see cref="GanTrainer.RequestStop"/>); training stopped at a step boundary.</summary>
    StopRequested,
}
