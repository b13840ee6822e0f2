// RunFolders: "is there a checkpoint in this run folder yet?", asked by the pool (watching) and hosted training (resume).
using Dcgan.Persistence;

namespace Dcgan.Hosting;

internal static class RunFolders
{
    /// <summary>The newest checkpoint <see cref="CheckpointLocator.Resolve"/> finds in <paramref name="folder"/>, or null when it holds none.</summary>
    public static string? NewestCheckpoint(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return null;
        }

        try
        {
            return CheckpointLocator.Resolve(folder);
        }
        catch (CheckpointException)
        {
            return null;
        }
    }
}
