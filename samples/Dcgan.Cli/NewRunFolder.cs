// A run folder that `dcgan train` is about to create: when the run fails before its first step (no CUDA, a model
// that cannot be built, ...), the folder and its header-only losses.csv are removed again, so a failed start
// leaves nothing behind. A folder that existed before, or that holds anything beyond the loss log's header, is kept.
namespace Dcgan.Cli;

internal sealed class NewRunFolder(string folder) : IDisposable
{
    private readonly bool _existed = Directory.Exists(folder) || File.Exists(folder);

    public void Dispose()
    {
        if (_existed || !Directory.Exists(folder))
        {
            return;
        }

        string[] files = Directory.GetFileSystemEntries(folder);
        string losses = Path.Combine(folder, "losses.csv");
        bool onlyHeader = files.Length == 0 || (files is [var only] && only == losses && File.ReadLines(losses).Take(2).Count() <= 1);
        if (onlyHeader)
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
