// What GanTrainer does when a loss or a weight turns NaN or infinite (GanTrainerOptions.OnDivergence).
namespace Dcgan.Training;

/// <summary>
/// What <see cref="GanTrainer"/> does when a step's losses or scores, or the networks' weights, stop being finite
/// (NaN or infinity). Set by <see cref="GanTrainerOptions.OnDivergence"/>; the default is <see cref="Stop"/>.
/// </summary>
public enum DivergencePolicy
{
    /// <summary>
    /// Throw a <see cref="DivergenceException"/> naming the step, the quantity and the last finite losses (the
    /// callbacks' <see cref="GanCallback.OnException"/> run first). The default: a diverged GAN rarely recovers.
    /// </summary>
    Stop,

    /// <summary>
    /// Undo the step: both networks' weights and buffers and both optimizers' states are restored from a copy taken
    /// before the step, and training goes on with the next batch (the skipped batch counts as done; the latent
    /// noise generator has moved on). Costs a copy of the weights and a serialisation of the optimizer states
    /// before every step, and a weight check after every step (so that the copy a skip restores is always finite). Gives up with a <see cref="DivergenceException"/> after
    /// <see cref="GanTrainerOptions.MaxConsecutiveSkippedBatches"/> skipped batches in a row.
    /// </summary>
    SkipBatch,

    /// <summary>
    /// Reload the last checkpoint this trainer wrote or loaded (<see cref="GanTrainer.LastGoodCheckpoint"/>) with
    /// <see cref="GanTrainer.LoadCheckpoint"/>, multiply both learning rates by
    /// <see cref="GanTrainerOptions.RollBackLearningRateFactor"/>, and continue from there. Gives up with a
    /// <see cref="DivergenceException"/> after <see cref="GanTrainerOptions.MaxRollBacks"/> roll-backs, or at once
    /// when no checkpoint is known.
    /// </summary>
    RollBack,
}
