// Finds checkpoints: the file a path names, the newest checkpoint of a run folder, or the newest one that verifies.
namespace Dcgan.Persistence;

/// <summary>Finds checkpoints: a run folder means its newest checkpoint; a file means itself.</summary>
public static class CheckpointLocator
{
    /// <summary>The file name of the checkpoint at a position: <c>checkpoint-e0003-s00000468.dcgan</c>.</summary>
    /// <param name="epoch">Zero-based epoch where training continues.</param>
    /// <param name="globalStep">Steps trained.</param>
    public static string FileName(int epoch, long globalStep) => $"checkpoint-e{epoch:D4}-s{globalStep:D8}{CheckpointArchive.Extension}";

    /// <summary>Resolves a run folder or a checkpoint file to a checkpoint file (without reading it).</summary>
    /// <param name="path">A run folder (its newest checkpoint, by step) or a checkpoint file.</param>
    /// <exception cref="CheckpointException">Nothing is there, or the folder holds no checkpoint.</exception>
    public static string Resolve(string path) => Candidates(path)[0];

    /// <summary>
    /// The newest checkpoint under <paramref name="path"/> that reads and verifies completely
    /// (<see cref="Checkpoints.Verify"/>: manifest hash and ranges, every entry's length and hash), with every newer
    /// one that did not and why. A checkpoint file is checked alone (no fallback: it was named on purpose).
    /// </summary>
    /// <param name="path">A run folder (searched with its subfolders, newest first by name) or a checkpoint file.</param>
    /// <returns>The file and the skipped ones (empty when the newest is valid).</returns>
    /// <exception cref="CheckpointException">Nothing is there, the folder holds no checkpoint, or none is valid (the message lists each with its problem).</exception>
    public static CheckpointSearchResult FindNewestValid(string path)
    {
        IReadOnlyList<string> candidates = Candidates(path);
        var skipped = new List<SkippedCheckpoint>();
        foreach (string candidate in candidates)
        {
            try
            {
                _ = CheckpointArchive.Read(candidate);
                return new CheckpointSearchResult(candidate, skipped);
            }
            catch (CheckpointException e)
            {
                skipped.Add(new SkippedCheckpoint(candidate, e.Message));
            }
        }

        throw new CheckpointException(candidates.Count == 1 && File.Exists(Path.GetFullPath(path))
            ? skipped[0].Reason
            : $"None of the {candidates.Count} checkpoints in '{Path.GetFullPath(path)}' is valid: {string.Join(" ", skipped.Select(s => s.Reason))}");
    }

    // The file itself, or the folder's checkpoints newest first.
    private static IReadOnlyList<string> Candidates(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            return [full];
        }

        if (!Directory.Exists(full))
        {
            throw new CheckpointException($"No checkpoint file or run folder at '{full}'.");
        }

        string[] newestFirst = Directory.EnumerateFiles(full, "checkpoint-*" + CheckpointArchive.Extension, SearchOption.AllDirectories)
            .OrderByDescending(f => Path.GetFileName(f), StringComparer.Ordinal)
            .ToArray();
        return newestFirst.Length > 0 ? newestFirst : throw new CheckpointException(
            $"The folder '{full}' holds no checkpoint (checkpoint-*{CheckpointArchive.Extension}); train with an output folder first.");
    }
}
