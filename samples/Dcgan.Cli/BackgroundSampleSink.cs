// BackgroundSampleSink: runs another sink's Write on one background task, fed through a bounded channel, so that PNG
// encoding (or a file write) overlaps the generation of the next batch. At most `capacity` batches wait, plus the one
// being written: memory stays bounded whatever --count is. Batches are written in order; the first failure of the
// inner sink is rethrown by the next Write or by Complete.
using System.Threading.Channels;
using Dcgan.Data;

namespace Dcgan.Cli;

internal sealed class BackgroundSampleSink : ISampleSink
{
    /// <summary>Batches that may wait for the writer: two keep the writer busy while a batch is generated.</summary>
    public const int DefaultCapacity = 2;

    private readonly ISampleSink _inner;
    private readonly Channel<(ImageBatch Batch, int First)> _queue;
    private readonly Task _writer;

    /// <param name="inner">The sink that does the writing; owned (disposed) by this one.</param>
    /// <param name="capacity">Batches that may wait, at least 1.</param>
    public BackgroundSampleSink(ISampleSink inner, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _inner = inner;
        _queue = Channel.CreateBounded<(ImageBatch, int)>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _writer = Task.Factory.StartNew(WriteAll, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public void Write(ImageBatch batch, int first)
    {
        if (!_queue.Writer.TryWrite((batch, first)))
        {
            try
            {
                _queue.Writer.WriteAsync((batch, first)).AsTask().GetAwaiter().GetResult(); // waits while `capacity` batches wait
            }
            catch (ChannelClosedException)
            {
                _writer.GetAwaiter().GetResult(); // the writer stopped: rethrow its exception
                throw;
            }
        }
    }

    public void Complete()
    {
        _queue.Writer.TryComplete();
        _writer.GetAwaiter().GetResult();
        _inner.Complete();
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        try
        {
            _writer.Wait();
        }
        catch (AggregateException)
        {
            // reported by Write or Complete when the run got that far
        }

        _inner.Dispose();
    }

    // The consumer: one dedicated thread, batches in order; a failure closes the channel so Write stops waiting.
    private void WriteAll()
    {
        try
        {
            while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (_queue.Reader.TryRead(out (ImageBatch Batch, int First) item))
                {
                    _inner.Write(item.Batch, item.First);
                }
            }
        }
        catch (Exception exception)
        {
            _queue.Writer.TryComplete(exception);
            throw;
        }
    }
}
