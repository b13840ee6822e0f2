// ModelFileWatcher: watches a model file or folder (a training run) and calls back, debounced, when a model changes.
using Microsoft.Extensions.Logging;

namespace Dcgan.Serving;

/// <summary>
/// A <see cref="FileSystemWatcher"/> on a model file (its folder, that file name) or a folder (every file matching the
/// loader's <see cref="IGeneratorModelLoader.FilePattern"/> below it, e.g. a run folder's <c>*.dcgan</c> checkpoints). Each burst of events ends in one call of the callback, after <c>delay</c> of quiet, on a
/// thread-pool thread.
/// </summary>
internal sealed class ModelFileWatcher : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly Timer _timer;
    private readonly TimeSpan _delay;

    public ModelFileWatcher(string path, string filePattern, TimeSpan delay, Action changed, ILogger logger)
    {
        string full = Path.GetFullPath(path);
        _delay = delay;
        _timer = new Timer(_ =>
        {
            try
            {
                changed();
            }
            catch (Exception e)
            {
                logger.LogError(e, "Reloading {Checkpoint} failed", full);
            }
        });
        _watcher = Directory.Exists(full)
            ? new FileSystemWatcher(full, filePattern) { IncludeSubdirectories = true }
            : new FileSystemWatcher(Path.GetDirectoryName(full)!, Path.GetFileName(full));
        _watcher.NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName;
        _watcher.Created += (_, _) => Touch();
        _watcher.Changed += (_, _) => Touch();
        _watcher.Renamed += (_, _) => Touch();
        _watcher.Deleted += (_, _) => Touch();
        _watcher.Error += (_, _) => Touch(); // an overflowed event buffer: look again
        _watcher.EnableRaisingEvents = true;
    }

    public void Dispose()
    {
        _watcher.Dispose();
        using var done = new ManualResetEvent(false);
        if (_timer.Dispose(done))
        {
            done.WaitOne(); // a reload in progress finishes before the pool disposes its models
        }
    }

    private void Touch() => _timer.Change(_delay, Timeout.InfiniteTimeSpan);
}
