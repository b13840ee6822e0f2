// The generator pool's bounded queue (GeneratorPoolOptions.MaxQueuedRequests): when it is full, the next caller waits
// asynchronously for a place (no error, nothing dropped) and can give up while waiting; a request cancelled while it
// is queued completes as cancelled at once and is dropped without a forward pass. The worker is held inside a forward
// pass (BlockedWorkerMeters), so the queue is full exactly when the test says.
using Dcgan.Data;

namespace Dcgan.Hosting.Tests;

public sealed class GeneratorPoolQueueTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_full_queue_makes_the_next_caller_wait_and_a_caller_that_gives_up_waiting_never_enters_it()
    {
        using var meters = new BlockedWorkerMeters();
        using GeneratorPool pool = Started(meters, queue: 2);
        Task<ImageBatch> running = pool.GenerateAsync(1, 1);
        await meters.WorkerHeld;
        Task<ImageBatch>[] queued = [pool.GenerateAsync(2, 1), pool.GenerateAsync(3, 1)]; // the 2 places
        using var giveUp = new CancellationTokenSource();

        Task<ImageBatch> waiting = pool.GenerateAsync(4, 1, cancellationToken: giveUp.Token);
        Task<ImageBatch> patient = pool.GenerateAsync(5, 1);

        waiting.IsCompleted.Should().BeFalse("a full queue makes the caller wait, it does not refuse the request");
        giveUp.Cancel();
        await FluentActions.Awaiting(() => waiting.WaitAsync(Limit)).Should().ThrowAsync<OperationCanceledException>();
        meters.Release();
        ImageBatch[] served = await Task.WhenAll([running, .. queued, patient]).WaitAsync(Limit);

        served.Should().OnlyContain(b => b.Count == 1);
        (await pool.GenerateAsync(5, 1)).Pixels.Should().Equal(served[3].Pixels, "the waiting caller got its own seed's image");
        pool.Statistics.FailedRequests.Should().Be(0, "the caller that gave up while waiting for a place was never queued");
        pool.Statistics.Requests.Should().Be(5);
    }

    [Fact]
    public async Task A_queued_request_that_is_cancelled_completes_as_cancelled_at_once_and_is_never_generated()
    {
        using var meters = new BlockedWorkerMeters();
        using GeneratorPool pool = Started(meters, queue: 4);
        Task<ImageBatch> running = pool.GenerateAsync(1, 1);
        await meters.WorkerHeld;
        using var cancel = new CancellationTokenSource();
        Task<ImageBatch> cancelled = pool.GenerateAsync(2, 1, cancellationToken: cancel.Token);
        Task<ImageBatch> kept = pool.GenerateAsync(3, 1);

        cancel.Cancel();

        // The worker is still held: the cancellation does not wait for it.
        await FluentActions.Awaiting(() => cancelled.WaitAsync(Limit)).Should().ThrowAsync<OperationCanceledException>();
        running.IsCompleted.Should().BeFalse();
        meters.Release();
        (await Task.WhenAll(running, kept).WaitAsync(Limit)).Should().OnlyContain(b => b.Count == 1);
        pool.Statistics.Should().BeEquivalentTo(new { Requests = 2L, ForwardPasses = 2L, FailedRequests = 1L },
            "the cancelled request is dropped from the queue without a forward pass and counted as failed");
    }

    private static GeneratorPool Started(BlockedWorkerMeters meters, int queue)
    {
        var pool = new GeneratorPool(
            new GeneratorPoolOptions { ModelPath = TestCheckpoints.A, MaxBatchSize = 8, MaxQueuedRequests = queue, Coalesce = false },
            GeneratorPoolTests.Checkpoints, meterFactory: meters);
        pool.Start();
        return pool;
    }
}
