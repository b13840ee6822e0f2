// Decodes the batches of one epoch on a background thread (a folder source spreads each batch over its decode threads),
// a bounded number ahead of the trainer, so the training thread never waits on decoding. Hands out managed float buffers only; tensors are made by the caller.
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Dcgan.Data;

/// <summary>
/// Reads the batches of one epoch, in a given order, on a background thread, at most
/// <c>capacity</c> batches ahead. Enumerate it once on the consuming thread; dispose it to stop early.
/// </summary>
public sealed class BatchPrefetcher : IDisposable
{
    private readonly BlockingCollection<HostBatch> _ready;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _worker;
    private Exception? _failure;

    /// <summary>Starts reading batches <paramref name="firstBatch"/>.. of the epoch whose order is <paramref name="order"/>.</summary>
    /// <param name="source">The images.</param>
    /// <param name="order">The epoch's permutation of the data set indices.</param>
    /// <param name="batchSize">Images per batch.</param>
    /// <param name="dropLast">Whether to drop a final smaller batch.</param>
    /// <param name="firstBatch">The first batch to read (a resumed run skips those already trained on).</param>
    /// <param name="capacity">How many batches may wait decoded; at least 1.</param>
    public BatchPrefetcher(IImageDataSource source, int[] order, int batchSize, bool dropLast, int firstBatch, int capacity)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ready = new BlockingCollection<HostBatch>(capacity);
        int batches = EpochOrder.BatchCount(order.Length, batchSize, dropLast);
        _worker = new Thread(() => Produce(source, order, batchSize, firstBatch, batches))
        {
            IsBackground = true,
            Name = "Dcgan batch prefetch",
        };
        _worker.Start();
    }

    /// <summary>
    /// The decoded batches, in order. A reading failure is rethrown on the consuming thread as itself (same type,
    /// message and original stack trace), so callers can catch the data source's documented exceptions.
    /// </summary>
    public IEnumerable<HostBatch> Batches()
    {
        foreach (HostBatch batch in _ready.GetConsumingEnumerable())
        {
            yield return batch;
        }

        if (_failure is not null)
        {
            ExceptionDispatchInfo.Capture(_failure).Throw();
        }
    }

    /// <summary>Stops the background thread and waits for it.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _worker.Join();
        _ready.Dispose();
        _stop.Dispose();
    }

    private void Produce(IImageDataSource source, int[] order, int batchSize, int firstBatch, int batches)
    {
        ImageShape shape = source.Shape;
        int elements = shape.ElementCount;
        try
        {
            for (int b = firstBatch; b < batches && !_stop.IsCancellationRequested; b++)
            {
                int start = b * batchSize;
                int count = Math.Min(batchSize, order.Length - start);
                float[] pixels = new float[count * elements];
                IImageBatchReader.CopyImages(source, new ArraySegment<int>(order, start, count), pixels); // a folder decodes in parallel

                _ready.Add(new HostBatch(b, count, pixels), _stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            _failure = e;
        }
        finally
        {
            _ready.CompleteAdding();
        }
    }
}
