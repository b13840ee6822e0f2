// Concurrency of the generator pool: coalesced parallel requests give the sequential bits, the worker's live tensor
// count stays flat, and checkpoint swaps under load lose no request.
using System.Collections.Concurrent;
using Dcgan.Data;
using Dcgan.Persistence;

namespace Dcgan.Hosting.Tests;

public class GeneratorPoolConcurrencyTests
{
    private static readonly (long Seed, int Count)[] Requests =
        Enumerable.Range(0, 48).Select(i => (Seed: (long)(i % 13), Count: 1 + i % 3)).ToArray();

    [Fact]
    public async Task Many_parallel_requests_give_bitwise_the_images_of_sequential_calls()
    {
        using GeneratorPool pool = GeneratorPoolTests.Started(TestCheckpoints.A);
        var sequential = new List<ImageBatch>();
        foreach ((long seed, int count) in Requests)
        {
            sequential.Add(await pool.GenerateAsync(seed, count));
        }

        long passesBefore = pool.Statistics.ForwardPasses;
        using var start = new ManualResetEventSlim();
        Task<ImageBatch>[] parallel = Requests
            .Select(r => Task.Run(() => { start.Wait(); return pool.GenerateAsync(r.Seed, r.Count); }))
            .ToArray();
        start.Set();
        ImageBatch[] results = await Task.WhenAll(parallel);

        for (int i = 0; i < Requests.Length; i++)
        {
            Pixels.BitEqual(results[i], sequential[i]).Should().BeTrue($"request {i} (seed {Requests[i].Seed}, count {Requests[i].Count}) must not depend on its batch-mates");
        }

        // Coalescing happened: fewer forward passes than requests (sequential calls took one pass each).
        (pool.Statistics.ForwardPasses - passesBefore).Should().BeLessThan(Requests.Length);
    }

    [Fact]
    public async Task Without_padding_coalesced_images_agree_with_sequential_ones_within_float_rounding()
    {
        using GeneratorPool pool = GeneratorPoolTests.Started(TestCheckpoints.A, o => o.PadPartialBatches = false);
        ImageBatch[] sequential = new ImageBatch[Requests.Length];
        for (int i = 0; i < Requests.Length; i++)
        {
            sequential[i] = await pool.GenerateAsync(Requests[i].Seed, Requests[i].Count);
        }

        ImageBatch[] parallel = await Task.WhenAll(Requests.Select(r => Task.Run(() => pool.GenerateAsync(r.Seed, r.Count))));

        for (int i = 0; i < Requests.Length; i++)
        {
            Pixels.MaxDifference(parallel[i].Pixels, sequential[i].Pixels).Should().BeLessThan(1e-5f);
        }
    }

    [Fact]
    public async Task With_coalescing_off_every_request_gets_its_own_forward_pass()
    {
        using GeneratorPool pool = GeneratorPoolTests.Started(TestCheckpoints.A, o => o.Coalesce = false);

        await Task.WhenAll(Requests.Select(r => Task.Run(() => pool.GenerateAsync(r.Seed, r.Count))));

        pool.Statistics.ForwardPasses.Should().Be(Requests.Length);
        pool.Statistics.Requests.Should().Be(Requests.Length);
    }

    [Fact]
    public async Task The_worker_threads_live_tensor_count_stays_flat()
    {
        using GeneratorPool pool = GeneratorPoolTests.Started(TestCheckpoints.A);
        await pool.GenerateAsync(seed: 1, count: 4);
        long baseline = pool.Statistics.WorkerLiveTensors;

        for (int round = 0; round < 5; round++)
        {
            await Task.WhenAll(Requests.Select(r => Task.Run(() => pool.GenerateAsync(r.Seed, r.Count))));
            await pool.InterpolateAsync(new LatentPoint(1, 0), new LatentPoint(2, 0), steps: 20, Latent.LatentInterpolationMode.Spherical);
            pool.Statistics.WorkerLiveTensors.Should().Be(baseline, $"round {round}");
        }

        pool.Statistics.Requests.Should().Be(1 + 5 * (Requests.Length + 1));
    }

    [Fact]
    public async Task A_checkpoint_swap_under_load_loses_no_request_and_every_image_comes_from_one_model()
    {
        string folder = TestCheckpoints.NewFolder("swap");
        TestCheckpoints.CopyAsStep(TestCheckpoints.A, folder, step: 2);
        using GeneratorPool pool = GeneratorPoolTests.Started(folder, o => { o.WatchForChanges = true; o.ReloadDelayMilliseconds = 20; });
        ImageBatch fromA = await pool.GenerateAsync(seed: 3, count: 2);
        using var swapped = new SemaphoreSlim(0);
        pool.ModelChanged += (_, _) => swapped.Release();

        var results = new ConcurrentBag<ImageBatch>();
        using var stop = new CancellationTokenSource();
        Task[] clients = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                results.Add(await pool.GenerateAsync(seed: 3, count: 2));
            }
        })).ToArray();

        await Task.Delay(50);
        TestCheckpoints.CopyAsStep(TestCheckpoints.B, folder, step: 4);
        (await swapped.WaitAsync(TimeSpan.FromSeconds(30))).Should().BeTrue("the watcher must swap in the newer checkpoint");
        await Task.Delay(50);
        await stop.CancelAsync();
        await Task.WhenAll(clients); // any failed request would throw here

        pool.Model!.GlobalStep.Should().Be(2, "checkpoint B was also trained for 2 steps");
        pool.Model.Checkpoint.Should().EndWith(CheckpointLocator.FileName(0, 4));
        pool.Model.Version.Should().Be(2);
        ImageBatch fromB = await pool.GenerateAsync(seed: 3, count: 2);
        Pixels.BitEqual(fromA, fromB).Should().BeFalse();
        results.Should().OnlyContain(r => Pixels.BitEqual(r, fromA) || Pixels.BitEqual(r, fromB));
        results.Should().Contain(r => Pixels.BitEqual(r, fromB));
        pool.Statistics.FailedRequests.Should().Be(0);
    }

    [Fact]
    public async Task A_corrupt_new_checkpoint_is_logged_and_the_served_model_kept()
    {
        string folder = TestCheckpoints.NewFolder("corrupt-swap");
        TestCheckpoints.CopyAsStep(TestCheckpoints.A, folder, step: 2);
        using GeneratorPool pool = GeneratorPoolTests.Started(folder);
        ImageBatch before = await pool.GenerateAsync(seed: 1, count: 1);
        File.WriteAllBytes(Path.Combine(folder, CheckpointLocator.FileName(0, 9)), [9, 9, 9]);

        pool.Reload().Should().BeFalse();

        pool.Model!.Version.Should().Be(1);
        Pixels.BitEqual(await pool.GenerateAsync(seed: 1, count: 1), before).Should().BeTrue();
    }

    [Fact]
    public async Task A_swap_to_another_latent_dimension_redraws_seeded_requests_for_the_new_model()
    {
        using GeneratorPool pool = GeneratorPoolTests.Started(TestCheckpoints.A);
        pool.Load(TestCheckpoints.LatentDimensionSix);
        ImageBatch images = await pool.GenerateAsync(seed: 2, count: 3);

        pool.Model!.LatentDimension.Should().Be(6);
        images.Count.Should().Be(3);
        await FluentActions.Awaiting(() => pool.GenerateFromLatentsAsync([new float[8]])).Should().ThrowAsync<ArgumentException>().WithMessage("*expects 6*");
    }

    [Fact]
    public async Task A_watched_empty_run_folder_serves_nothing_until_a_checkpoint_is_written()
    {
        string folder = TestCheckpoints.NewFolder("empty-watched");
        using GeneratorPool pool = GeneratorPoolTests.Started(folder, o => { o.WatchForChanges = true; o.ReloadDelayMilliseconds = 20; });
        using var loaded = new SemaphoreSlim(0);
        pool.ModelChanged += (_, _) => loaded.Release();

        pool.Model.Should().BeNull();
        await FluentActions.Awaiting(() => pool.GenerateAsync(1, 1)).Should().ThrowAsync<GeneratorUnavailableException>().WithMessage($"*{folder}*");
        TestCheckpoints.CopyAsStep(TestCheckpoints.A, folder, step: 2);

        (await loaded.WaitAsync(TimeSpan.FromSeconds(30))).Should().BeTrue();
        (await pool.GenerateAsync(1, 1)).Count.Should().Be(1);
    }

    [Fact]
    public async Task Requests_queued_when_the_pool_is_disposed_still_complete()
    {
        var pool = GeneratorPoolTests.Started(TestCheckpoints.A, o => o.Coalesce = false);
        Task<ImageBatch>[] queued = Enumerable.Range(0, 20).Select(i => pool.GenerateAsync(i, 4)).ToArray();

        pool.Dispose();

        (await Task.WhenAll(queued)).Should().OnlyContain(b => b.Count == 4);
    }
}
