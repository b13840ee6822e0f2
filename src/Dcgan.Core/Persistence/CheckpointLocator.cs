namespace Dcgan.Persistence;

/// <summary>Finds checkpoints: a run folder means its newest checkpoint; a file means itself.</summary>
public static class CheckpointLocator
{
    /// <summary>The file name of the checkpoint at a position: <c>checkpoint-e0003-s00000468.dcgan</c>.</summary>
    /// <param name="epoch">Zero-based epoch where training continues.</param>
    /// <param name="globalStep">Steps trained.</param>
    public static string FileName(int epoch, long globalStep) => $"checkpoint-e{epoch:D4}-s{globalStep:D8}{CheckpointArchive.Extension}";

    /// <summary>Resolves a run folder or a checkpoint file to a checkpoint file.</summary>
    /// <param name="path">A run folder (its newest checkpoint, by step) or a checkpoint file.</param>
    /// <exception cref="CheckpointException">Nothing is there, or the folder holds no checkpoint.</exception>
    public static string Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            return full;
        }

        if (!Directory.Exists(full))
        {
            throw new CheckpointException($"No checkpoint file or run folder at '{full}'.");
        }

        string? newest = Directory.EnumerateFiles(full, "checkpoint-*" + CheckpointArchive.Extension, SearchOption.AllDirectories)
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .LastOrDefault();
        return newest ?? throw new CheckpointException(
            $"The folder '{full}' holds no checkpoint (checkpoint-*{CheckpointArchive.Extension}); train with an output folder first.");
    }
}
