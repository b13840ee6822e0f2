// What CheckpointLocator.FindNewestValid found: the checkpoint to use and the newer ones it skipped.
namespace Dcgan.Persistence;

/// <summary>The newest valid checkpoint of a run folder and the newer ones that were skipped.</summary>
/// <param name="File">The full path of the newest checkpoint that verified.</param>
/// <param name="Skipped">Newer checkpoints that did not verify, newest first, each with the reason.</param>
public sealed record CheckpointSearchResult(string File, IReadOnlyList<SkippedCheckpoint> Skipped);
