// BackgroundSampleSink: batches reach the inner sink in order on another thread, at most `capacity` wait while the
// inner sink is busy, and an inner failure comes back to the generating thread (Write or Complete), never lost.
using Dcgan.Data;

namespace Dcgan.Cli.Tests;

public sealed class BackgroundSampleSinkTests
{
    private static readonly ImageShape Shape = new(1, 2, 2);

    [Fact]
    public void Batches_arrive_in_order_on_another_thread_and_complete_completes_the_inner_sink()
    {
        var inner = new RecordingSink();
        using (var sink = new BackgroundSampleSink(inner))
        {
            for (int b = 0; b < 10; b++)
            {
                sink.Write(Batch(b), first: 3 * b);
            }

            sink.Complete();
        }

        inner.Firsts.Should().Equal(Enumerable.Range(0, 10).Select(b => 3 * b));
        inner.Values.Should().Equal(Enumerable.Range(0, 10).Select(b => (float)b));
        inner.Threads.Should().NotContain(Environment.CurrentManagedThreadId);
        inner.Completed.Should().BeTrue();
        inner.Disposed.Should().BeTrue();
    }

    [Fact]
    public async Task While_the_inner_sink_is_busy_at_most_capacity_batches_wait()
    {
        var inner = new RecordingSink { Gate = new ManualResetEventSlim(false) };
        var sink = new BackgroundSampleSink(inner, capacity: 2);
        int written = 0;
        Task producer = Task.Run(() =>
        {
            for (int b = 0; b < 10; b++)
            {
                sink.Write(Batch(b), b);
                Interlocked.Increment(ref written);
            }

            sink.Complete();
        });

        // Batch 0 is in the blocked inner sink, batches 1 and 2 wait in the channel, the Write of batch 3 blocks.
        SpinWait.SpinUntil(() => Volatile.Read(ref written) >= 3, TimeSpan.FromSeconds(30)).Should().BeTrue();
        await Task.Delay(300); // room for a wrongly unbounded producer to run ahead
        Volatile.Read(ref written).Should().Be(3);
        producer.IsCompleted.Should().BeFalse();

        inner.Gate.Set();
        await producer.WaitAsync(TimeSpan.FromSeconds(30));
        sink.Dispose();
        inner.Firsts.Should().Equal(Enumerable.Range(0, 10));
    }

    [Fact]
    public void An_inner_failure_is_rethrown_by_the_next_write_or_by_complete_and_dispose_does_not_throw()
    {
        var inner = new RecordingSink { FailAt = 1 };
        var sink = new BackgroundSampleSink(inner, capacity: 1);
        Action run = () =>
        {
            for (int b = 0; b < 50; b++)
            {
                sink.Write(Batch(b), b);
            }

            sink.Complete();
        };

        run.Should().Throw<IOException>().WithMessage("disk full at batch 1");
        inner.Completed.Should().BeFalse();
        sink.Invoking(s => s.Dispose()).Should().NotThrow();
        inner.Disposed.Should().BeTrue();
    }

    private static ImageBatch Batch(int value) => new(1, Shape, [value, value, value, value]);

    private sealed class RecordingSink : ISampleSink
    {
        public List<int> Firsts { get; } = [];

        public List<float> Values { get; } = [];

        public List<int> Threads { get; } = [];

        public ManualResetEventSlim? Gate { get; init; }

        public int FailAt { get; init; } = -1;

        public bool Completed { get; private set; }

        public bool Disposed { get; private set; }

        public void Write(ImageBatch batch, int first)
        {
            Gate?.Wait();
            if (Firsts.Count == FailAt)
            {
                throw new IOException($"disk full at batch {FailAt}");
            }

            Firsts.Add(first);
            Values.Add(batch.Pixels[0]);
            Threads.Add(Environment.CurrentManagedThreadId);
        }

        public void Complete() => Completed = true;

        public void Dispose() => Disposed = true;
    }
}
