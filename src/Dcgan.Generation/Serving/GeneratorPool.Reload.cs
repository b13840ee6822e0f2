// GeneratorPool, model swaps: models are loaded off the worker thread into a pending slot; the worker swaps the
// pending model in between batches and disposes the old one (no request can still be using it then).

namespace Dcgan.Serving;

public sealed partial class GeneratorPool
{
    /// <summary>
    /// Loads the model at <paramref name="path"/> unless it is the file already served, unchanged. Any failure of the
    /// loader is logged and the served model kept (a half-written or corrupt file must not take the service down).
    /// </summary>
    private bool TryLoad(string path, bool force)
    {
        lock (_reloadGate)
        {
            if (_disposed || !_started)
            {
                return false;
            }

            try
            {
                string file = _loader.Resolve(path);
                if (!force && _servedStamp == FileStamp.Of(file))
                {
                    return false;
                }

                Publish(LoadedGenerator.Load(_loader, file, _options.Device, Interlocked.Increment(ref _version)));
                return true;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogReloadFailed(Path.GetFullPath(path), e.Message);
                return false;
            }
        }
    }

    /// <summary>Hands a loaded model to the worker (caller holds the reload gate).</summary>
    private void Publish(LoadedGenerator loaded)
    {
        _servedStamp = loaded.Stamp;
        Interlocked.Exchange(ref _pending, loaded)?.Dispose(); // a model loaded earlier but never swapped in
        LogLoaded(loaded.Info.Checkpoint, loaded.Info.GlobalStep, loaded.Info.ImageShape.ToString(), loaded.Info.Version);
        _queue.Writer.TryWrite(GenerationRequest.WakeUp()); // an idle worker swaps now; a busy one swaps before its next batch
    }

    /// <summary>On the worker thread, between batches: serves the pending model, if any, and disposes the old one.</summary>
    private void SwapIfPending()
    {
        LoadedGenerator? next = Interlocked.Exchange(ref _pending, null);
        if (next is null)
        {
            return;
        }

        LoadedGenerator? old = _current;
        _current = next;
        _model = next.Info;
        old?.Dispose();
        LogSwapped(next.Info.Checkpoint, next.Info.Version);
        EventHandler<GeneratorModelInfo>? handler = ModelChanged;
        if (handler is not null)
        {
            ThreadPool.QueueUserWorkItem(_ => handler(this, next.Info));
        }
    }
}
