// Checkpoints: the public entry points that read a checkpoint's description and verify a file (the archive format
// itself is internal).
namespace Dcgan.Persistence;

/// <summary>Reads and verifies checkpoint files.</summary>
public static class Checkpoints
{
    /// <summary>File extension of checkpoints: <c>.dcgan</c>.</summary>
    public const string FileExtension = ".dcgan";

    /// <summary>
    /// Reads what a checkpoint records (its manifest, verified against its SHA-256 and range-checked; the tensor
    /// entries are not read). Checkpoints of every earlier format version are read.
    /// </summary>
    /// <param name="path">A checkpoint file, or a run folder (its newest checkpoint).</param>
    /// <exception cref="CheckpointException">Missing, not a checkpoint, truncated, corrupt, out of range, or of an unknown format version; the message names the file.</exception>
    public static CheckpointInfo Read(string path)
    {
        string file = CheckpointLocator.Resolve(path);
        return new CheckpointInfo(file, CheckpointArchive.ReadManifest(file));
    }

    /// <summary>
    /// Reads and verifies a whole checkpoint: the manifest and every entry it lists (declared length, SHA-256), as
    /// loading does before anything is loaded.
    /// </summary>
    /// <param name="path">A checkpoint file, or a run folder (its newest checkpoint).</param>
    /// <exception cref="CheckpointException">Missing, truncated, corrupt (the message names the entry), out of range, or of an unknown format version.</exception>
    public static CheckpointInfo Verify(string path)
    {
        string file = CheckpointLocator.Resolve(path);
        return new CheckpointInfo(file, CheckpointArchive.Read(file).Manifest);
    }
}
