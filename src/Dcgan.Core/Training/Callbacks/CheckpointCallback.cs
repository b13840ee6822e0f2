// Saves the trainer's checkpoints into a run folder and rotates old ones away.
using Dcgan.Persistence;

namespace Dcgan.Training.Callbacks;

/// <summary>
/// Saves a checkpoint at the end of every <c>everyEpochs</c>-th epoch and when training stops early
/// (cancellation or a stop request), keeping the newest <c>keep</c> files. Register it last, so that it
/// runs after the other end-of-epoch callbacks.
/// </summary>
/// <remarks>
/// Weights are checked before every save: <see cref="GanTrainer.SaveCheckpoint"/> refuses NaN or infinite weights with
/// a <see cref="DivergenceException"/> and writes nothing, so every file this callback writes holds finite weights.
/// Rotation runs only after a successful save and never deletes the file just written (the last finite one), even
/// when the folder holds files whose names sort after it (for example from an earlier, longer run).
/// </remarks>
public sealed class CheckpointCallback : GanCallback
{
    private readonly string _folder;
    private readonly int _everyEpochs;
    private readonly int _keep;

    /// <summary>Creates the callback.</summary>
    /// <param name="folder">Where checkpoints go (created if missing).</param>
    /// <param name="everyEpochs">Save after every this many epochs; the default is 1.</param>
    /// <param name="keep">How many checkpoints to keep (older ones are deleted); the default is 3.</param>
    public CheckpointCallback(string folder, int everyEpochs = 1, int keep = 3)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentOutOfRangeException.ThrowIfLessThan(everyEpochs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        _folder = folder;
        _everyEpochs = everyEpochs;
        _keep = keep;
    }

    /// <summary>The checkpoint written last, or null.</summary>
    public string? LastWritten { get; private set; }

    /// <inheritdoc />
    public override void OnEpochEnd(GanEpochArguments arguments)
    {
        if ((arguments.Epoch + 1) % _everyEpochs == 0 || arguments.Position.Epoch == arguments.Trainer.Options.Epochs)
        {
            Save(arguments.Trainer);
        }
    }

    /// <inheritdoc />
    public override void OnTrainEnd(GanTrainEndArguments arguments)
    {
        bool savedHere = LastWritten is not null
            && Path.GetFileName(LastWritten) == CheckpointLocator.FileName(arguments.Result.Position.Epoch, arguments.Result.Position.GlobalStep);
        if (!savedHere && arguments.Result.StepsTrained > 0)
        {
            Save(arguments.Trainer);
        }
    }

    private void Save(GanTrainer trainer)
    {
        string path = Path.Combine(_folder, CheckpointLocator.FileName(trainer.Position.Epoch, trainer.Position.GlobalStep));
        trainer.SaveCheckpoint(path); // checks the weights first: non-finite ones throw DivergenceException, nothing written or deleted
        LastWritten = path;
        string written = Path.GetFileName(path);
        foreach (string old in Directory.EnumerateFiles(_folder, "checkpoint-*" + CheckpointArchive.Extension)
                     .Where(f => !string.Equals(Path.GetFileName(f), written, StringComparison.Ordinal))
                     .OrderByDescending(f => Path.GetFileName(f), StringComparer.Ordinal)
                     .Skip(_keep - 1))
        {
            File.Delete(old);
        }
    }
}
