// GeneratorPool, the worker thread: takes queued requests (coalesced up to MaxBatchSize rows), runs the forward passes
// (one IImageGenerator.RenderBatch call of MaxBatchSize rows each; a TorchSharp backend uses one dispose scope per call)
// and hands managed images back to the callers.
using System.Threading.Channels;
using Dcgan.Data;
using Dcgan.Generation;

namespace Dcgan.Serving;

public sealed partial class GeneratorPool
{
    private void RunWorker()
    {
        ChannelReader<GenerationRequest> reader = _queue.Reader;
        var batch = new List<GenerationRequest>();
        // Blocking here is deliberate: this thread exists only to own the model (backends need not be thread-safe, and
        // TorchSharp's dispose scopes are thread-static).
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            SwapIfPending();
            TakeBatch(reader, batch);
            if (batch.Count > 0)
            {
                Run(batch);
                batch.Clear();
            }

            Interlocked.Exchange(ref _workerLiveTensors, _loader.CountLiveNativeObjects());
        }
    }

    /// <summary>The next request, plus (when coalescing) the queued requests that fit in one forward pass with it.</summary>
    private void TakeBatch(ChannelReader<GenerationRequest> reader, List<GenerationRequest> batch)
    {
        int rows = 0;
        while (reader.TryPeek(out GenerationRequest? next))
        {
            if (next.Count == 0 || next.IsDone)
            {
                reader.TryRead(out _); // a wake-up, or a request cancelled while it waited
                if (next.Count > 0)
                {
                    Interlocked.Increment(ref _failed);
                }

                continue;
            }

            if (batch.Count > 0 && (!_options.Coalesce || rows + next.Count > _options.MaxBatchSize))
            {
                return;
            }

            reader.TryRead(out _);
            batch.Add(next);
            rows += next.Count;
        }
    }

    private void Run(List<GenerationRequest> batch)
    {
        LoadedGenerator? model = _current;
        if (model is null)
        {
            foreach (GenerationRequest request in batch)
            {
                Fail(request, Unavailable());
            }

            return;
        }

        var parts = new List<(GenerationRequest Request, float[][] Latents)>(batch.Count);
        foreach (GenerationRequest request in batch)
        {
            try
            {
                parts.Add((request, request.LatentsFor(model.Info)));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Fail(request, e); // this request's latent vectors could not be made for the model: only it fails
            }
        }

        int count = parts.Sum(p => p.Latents.Length);
        if (count == 0)
        {
            return;
        }

        int size = _options.MaxBatchSize;
        int padded = _options.PadPartialBatches ? (count + size - 1) / size * size : count;
        var rows = new float[padded][];
        int at = 0;
        foreach ((GenerationRequest _, float[][] latents) in parts)
        {
            latents.CopyTo(rows, at);
            at += latents.Length;
        }

        var zero = new float[model.Info.LatentDimension];
        Array.Fill(rows, zero, count, padded - count);                       // padding rows: z = 0, discarded
        try
        {
            ImageBatch images = model.Generator.Render(rows, size); // RenderBatch per `size` rows: [padded, C, H, W]
            int passes = (padded + size - 1) / size;
            Interlocked.Add(ref _forwardPasses, passes);
            _batchRows.Record(count);
            int imageSize = images.Shape.ElementCount;
            at = 0;
            foreach ((GenerationRequest request, float[][] latents) in parts)
            {
                float[] pixels = images.Pixels.AsSpan(at * imageSize, latents.Length * imageSize).ToArray();
                at += latents.Length;
                Interlocked.Increment(ref _requests);
                Interlocked.Add(ref _images, latents.Length);
                _imageCounter.Add(latents.Length);
                request.Complete(new ImageBatch(latents.Length, images.Shape, pixels));
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogForwardFailed(parts.Count, e.Message);
            foreach ((GenerationRequest request, float[][] _) in parts)
            {
                Fail(request, e);
            }
        }
    }

    private void Fail(GenerationRequest request, Exception error)
    {
        Interlocked.Increment(ref _failed);
        request.Fail(error);
    }
}
