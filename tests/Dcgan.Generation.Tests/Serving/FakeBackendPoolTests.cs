// The generator pool serves any IImageGenerator: a fake backend (no network, no TorchSharp: this test project does not
// reference it) gets exactly MaxBatchSize rows per forward pass on the worker thread only, the seed convention holds,
// the pool disposes the models it loaded, and a loader's failure on reload keeps the served model.
using Dcgan.Data;
using Dcgan.Generation;
using Dcgan.Latent;
using Dcgan.Serving;

namespace Dcgan.Generation.Tests.Serving;

public sealed class FakeBackendPoolTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static (GeneratorPool Pool, FakeModelLoader Loader) Started(string? model, Action<GeneratorPoolOptions>? configure = null)
    {
        var options = new GeneratorPoolOptions { ModelPath = model, MaxBatchSize = 8 };
        configure?.Invoke(options);
        var loader = new FakeModelLoader();
        var pool = new GeneratorPool(options, loader);
        pool.Start();
        return (pool, loader);
    }

    [Fact]
    public async Task Image_i_of_a_seed_is_the_backends_image_of_LatentSeeds_Row_and_the_model_says_what_it_knows()
    {
        string file = FakeModelLoader.Write(TempFolders.New("fake"), "m.fake", latent: 5, channels: 3, size: 2, gain: 0.5f);
        (GeneratorPool pool, FakeModelLoader loader) = Started(file, o => o.Device = "cuda:1");
        using (pool)
        {
            ImageBatch images = await pool.GenerateAsync(seed: 42, count: 3, firstIndex: 7);

            loader.PreparedDevices.Should().Equal("cuda:1");
            pool.Model.Should().BeEquivalentTo(new { Checkpoint = file, Version = 1, Epoch = (int?)null, GlobalStep = (long?)null, LatentDimension = 5,
                LatentDistribution = LatentDistribution.Normal, ImageShape = new ImageShape(3, 2, 2) });
            images.Shape.Should().Be(new ImageShape(3, 2, 2));
            for (int i = 0; i < 3; i++)
            {
                float[] z = LatentSeeds.Row(42, 7 + i, 5, LatentDistribution.Normal);
                float[] expected = Enumerable.Range(0, 12).Select(p => FakeModelGenerator.Expected(z, p, 0.5f)).ToArray();
                images.Image(i).ToArray().Should().Equal(expected);
            }

            AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).Should().NotContain(name => name!.StartsWith("TorchSharp", StringComparison.Ordinal),
                "the pool, its registration and the latent toolkit run without TorchSharp");
        }
    }

    [Theory]
    [InlineData(true, new[] { 8, 8, 8, 8 })]
    [InlineData(false, new[] { 3, 8, 3, 2 })]
    public async Task With_padding_every_forward_pass_has_exactly_MaxBatchSize_rows_and_runs_on_the_worker(bool pad, int[] expectedRows)
    {
        string file = FakeModelLoader.Write(TempFolders.New("fake-pad"), "m.fake");
        (GeneratorPool pool, FakeModelLoader loader) = Started(file, o => { o.PadPartialBatches = pad; o.Coalesce = false; });
        using (pool)
        {
            // Sequential requests of 3, 11 (two passes: 8 + 3) and 2 rows.
            (await pool.GenerateAsync(1, 3)).Count.Should().Be(3);
            (await pool.GenerateAsync(2, 11)).Count.Should().Be(11);
            (await pool.InterpolateAsync(new LatentPoint(1, 0), new LatentPoint(2, 0), steps: 1, LatentInterpolationMode.Linear)).Count.Should().Be(2);

            FakeModelGenerator generator = loader.Loaded.Single();
            generator.BatchRows.Should().Equal(expectedRows);
            generator.Threads.Distinct().Should().ContainSingle().Which.Should().Be((int)pool.Statistics.WorkerLiveTensors,
                "every forward pass runs on the one worker thread, which is also where the loader's live-object count is read");
            generator.Threads.Should().NotContain(Environment.CurrentManagedThreadId);
            pool.Statistics.ForwardPasses.Should().Be(4);
        }
    }

    [Fact]
    public async Task The_pool_disposes_a_swapped_out_model_after_its_batch_and_the_served_one_when_disposed()
    {
        string folder = TempFolders.New("fake-dispose");
        string first = FakeModelLoader.Write(folder, "a.fake", gain: 1);
        string second = FakeModelLoader.Write(folder, "b.fake", gain: 3);
        (GeneratorPool pool, FakeModelLoader loader) = Started(first);
        ImageBatch before = await pool.GenerateAsync(1, 1);

        pool.Load(second);
        ImageBatch after = await pool.GenerateAsync(1, 1);

        FakeModelGenerator[] loaded = [.. loader.Loaded];
        loaded.Should().HaveCount(2);
        loaded[0].Disposed.Should().BeTrue("the swapped-out model is disposed by the worker, between batches");
        loaded[1].Disposed.Should().BeFalse();
        after.Pixels.Should().Equal(before.Pixels.Select(p => 3 * p), "the second model (gain 3) serves now");
        pool.Model!.Version.Should().Be(2);
        pool.Dispose();
        loaded[1].Disposed.Should().BeTrue("the pool owns what its loader loaded");
    }

    [Fact]
    public async Task A_loader_failure_at_start_propagates_and_on_reload_keeps_the_served_model()
    {
        string folder = TempFolders.New("fake-reload");
        string missing = Path.Combine(folder, "absent.fake");
        using var failing = new GeneratorPool(new GeneratorPoolOptions { ModelPath = missing }, new FakeModelLoader());
        failing.Invoking(p => p.Start()).Should().Throw<FileNotFoundException>().WithMessage($"*{missing}*");

        FakeModelLoader.Write(folder, "a.fake");
        (GeneratorPool pool, FakeModelLoader loader) = Started(folder);
        using (pool)
        {
            ImageBatch before = await pool.GenerateAsync(1, 2);
            File.WriteAllText(Path.Combine(folder, "b.fake"), "corrupt");

            pool.Reload().Should().BeFalse("a FormatException from the loader is logged, not thrown");

            pool.Model!.Version.Should().Be(1);
            (await pool.GenerateAsync(1, 2)).Pixels.Should().Equal(before.Pixels);
            loader.Loaded.Should().ContainSingle();
        }
    }

    [Fact]
    public async Task A_backend_that_breaks_the_contract_fails_the_requests_of_that_pass_with_a_clear_message()
    {
        string file = FakeModelLoader.Write(TempFolders.New("fake-broken"), "m.fake");
        (GeneratorPool pool, FakeModelLoader loader) = Started(file);
        using (pool)
        {
            await pool.GenerateAsync(1, 1);
            loader.Loaded.Single().Broken = true;

            await FluentActions.Awaiting(() => pool.GenerateAsync(1, 1).WaitAsync(Limit)).Should().ThrowAsync<InvalidOperationException>()
                .WithMessage("FakeModelGenerator.RenderBatch broke the IImageGenerator contract*asked for 8 images*got 7*");
            pool.Statistics.FailedRequests.Should().Be(1);
        }
    }
}
