// The generator pool's start-up, operations and argument errors, on tiny real checkpoints.
using Dcgan.Data;
using Dcgan.Generation;
using Dcgan.Latent;
using Dcgan.Models;
using Dcgan.Persistence;
using Microsoft.Extensions.Options;

namespace Dcgan.Hosting.Tests;

public class GeneratorPoolTests
{
    /// <summary>The TorchSharp backend: Dcgan checkpoints.</summary>
    internal static readonly CheckpointGeneratorLoader Checkpoints = new();

    internal static GeneratorPool Started(string? checkpoint, Action<GeneratorPoolOptions>? configure = null)
    {
        var options = new GeneratorPoolOptions { ModelPath = checkpoint, MaxBatchSize = 8 };
        configure?.Invoke(options);
        var pool = new GeneratorPool(options, Checkpoints);
        try
        {
            pool.Start();
            return pool;
        }
        catch
        {
            pool.Dispose();
            throw;
        }
    }

    [Fact]
    public void A_missing_checkpoint_fails_the_start_naming_the_path()
    {
        string missing = Path.Combine(TestCheckpoints.NewFolder("missing"), "nothing-here.dcgan");
        using var pool = new GeneratorPool(new GeneratorPoolOptions { ModelPath = missing }, Checkpoints);

        Action start = pool.Start;

        start.Should().Throw<CheckpointException>().WithMessage($"*{missing}*");
    }

    [Fact]
    public void A_corrupt_checkpoint_fails_the_start_naming_the_file()
    {
        string folder = TestCheckpoints.NewFolder("corrupt");
        string corrupt = Path.Combine(folder, CheckpointLocator.FileName(0, 5));
        File.WriteAllBytes(corrupt, [1, 2, 3, 4, 5, 6, 7, 8]);
        using var pool = new GeneratorPool(new GeneratorPoolOptions { ModelPath = folder }, Checkpoints);

        Action start = pool.Start;

        start.Should().Throw<CheckpointException>().WithMessage($"*{corrupt}*");
    }

    [Fact]
    public void Invalid_options_are_refused_listing_every_failure()
    {
        Action create = () => _ = new GeneratorPool(new GeneratorPoolOptions { MaxBatchSize = 0, MaxQueuedRequests = 0, Device = "gpu", WatchForChanges = true }, Checkpoints);

        create.Should().Throw<OptionsValidationException>()
            .Which.Failures.Should().HaveCount(4)
            .And.Contain(f => f.StartsWith("MaxBatchSize = 0", StringComparison.Ordinal))
            .And.Contain(f => f.StartsWith("MaxQueuedRequests = 0", StringComparison.Ordinal))
            .And.Contain(f => f.StartsWith("Device = \"gpu\"", StringComparison.Ordinal))
            .And.Contain(f => f.StartsWith("WatchForChanges = true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_checkpoint_requests_fail_as_unavailable_and_there_is_no_model()
    {
        using GeneratorPool pool = Started(checkpoint: null);

        pool.Model.Should().BeNull();
        Func<Task> generate = () => pool.GenerateAsync(seed: 1, count: 1);
        await generate.Should().ThrowAsync<GeneratorUnavailableException>().WithMessage("*ModelPath*");
    }

    [Fact]
    public async Task The_model_describes_the_checkpoint_and_images_have_its_shape()
    {
        using GeneratorPool pool = Started(TestCheckpoints.A);

        pool.Model!.Checkpoint.Should().Be(TestCheckpoints.A);
        pool.Model.GlobalStep.Should().Be(2);
        pool.Model.LatentDimension.Should().Be(8);
        pool.Model.ImageShape.Should().Be(new ImageShape(1, 28, 28));
        ImageBatch images = await pool.GenerateAsync(seed: 3, count: 5);
        images.Count.Should().Be(5);
        images.Shape.Should().Be(new ImageShape(1, 28, 28));
        images.Pixels.Should().OnlyContain(p => p >= -1 && p <= 1);
    }

    [Fact]
    public async Task Image_i_of_a_seed_is_the_image_of_the_indexed_grid_row_whatever_the_count()
    {
        using GeneratorPool pool = Started(TestCheckpoints.A);
        ImageBatch grid = await pool.GenerateAsync(seed: 42, count: 12);
        ImageBatch fifth = await pool.GenerateAsync(seed: 42, count: 1, firstIndex: 5);
        ImageBatch tail = await pool.GenerateAsync(seed: 42, count: 3, firstIndex: 9);

        Pixels.BitEqual(grid.Image(5), fifth.Image(0)).Should().BeTrue();
        Pixels.BitEqual(grid.Image(11), tail.Image(2)).Should().BeTrue();

        // The convention itself: the same vectors rendered directly (another batch size, so within float rounding).
        (DcganGenerator generator, _) = CheckpointModels.LoadGenerator<DcganGenerator>(TestCheckpoints.A);
        using (generator)
        {
            float[][] rows = Enumerable.Range(0, 12).Select(i => LatentSeeds.Row(42, i, 8, generator.LatentDistribution)).ToArray();
            ImageBatch direct = generator.Render(rows);
            Pixels.MaxDifference(direct.Pixels, grid.Pixels).Should().BeLessThan(1e-5f);
        }
    }

    [Fact]
    public async Task Given_latent_vectors_give_the_same_images_as_their_seeds()
    {
        using GeneratorPool pool = Started(TestCheckpoints.A);
        float[][] rows = Enumerable.Range(0, 3).Select(i => LatentSeeds.Row(7, i, 8, LatentDistribution.Uniform)).ToArray();

        ImageBatch fromVectors = await pool.GenerateFromLatentsAsync(rows);
        ImageBatch fromSeed = await pool.GenerateAsync(seed: 7, count: 3);

        Pixels.BitEqual(fromVectors, fromSeed).Should().BeTrue();
    }

    [Fact]
    public async Task Latent_vectors_of_the_wrong_length_are_refused_naming_both_lengths()
    {
        using GeneratorPool pool = Started(TestCheckpoints.A);

        Func<Task> generate = () => pool.GenerateFromLatentsAsync([new float[5]]);

        (await generate.Should().ThrowAsync<ArgumentException>().WithMessage("*length 5*expects 8*")).Which.ParamName.Should().Be("latents");
    }

    [Theory]
    [InlineData(LatentInterpolationMode.Linear)]
    [InlineData(LatentInterpolationMode.Spherical)]
    public async Task An_interpolation_starts_and_ends_on_the_endpoints_images(LatentInterpolationMode mode)
    {
        using GeneratorPool pool = Started(TestCheckpoints.A);

        ImageBatch strip = await pool.InterpolateAsync(new LatentPoint(1, 3), new LatentPoint(2, 0), steps: 6, mode);
        ImageBatch from = await pool.GenerateAsync(seed: 1, count: 1, firstIndex: 3);
        ImageBatch to = await pool.GenerateAsync(seed: 2, count: 1);

        strip.Count.Should().Be(7);
        Pixels.BitEqual(strip.Image(0), from.Image(0)).Should().BeTrue();
        Pixels.BitEqual(strip.Image(6), to.Image(0)).Should().BeTrue();
        Pixels.BitEqual(strip.Image(3), from.Image(0)).Should().BeFalse();
    }

    [Fact]
    public async Task Arithmetic_returns_the_three_means_the_result_and_its_neighbours()
    {
        using GeneratorPool pool = Started(TestCheckpoints.A);

        // A - B + B = A exactly (the expression accumulates in double), so the result is A's mean.
        ImageBatch images = await pool.ArithmeticAsync(seed: 5, gridSize: 64, a: [3], b: [10, 11, 12], c: [10, 11, 12], neighbours: 2);
        ImageBatch three = await pool.GenerateAsync(seed: 5, count: 1, firstIndex: 3);

        images.Count.Should().Be(6);
        Pixels.BitEqual(images.Image(0), three.Image(0)).Should().BeTrue();
        Pixels.BitEqual(images.Image(3), three.Image(0)).Should().BeTrue();
        Pixels.BitEqual(images.Image(1), images.Image(2)).Should().BeTrue();
        Pixels.BitEqual(images.Image(4), images.Image(3)).Should().BeFalse();
    }

    [Fact]
    public async Task Bad_arguments_are_refused_naming_the_parameter_and_value()
    {
        using GeneratorPool pool = Started(TestCheckpoints.A, o => o.MaxImagesPerRequest = 16);

        (await FluentActions.Awaiting(() => pool.GenerateAsync(1, -1)).Should().ThrowAsync<ArgumentOutOfRangeException>().WithMessage("count = -1*"))
            .Which.ParamName.Should().Be("count");
        (await FluentActions.Awaiting(() => pool.GenerateAsync(1, 17)).Should().ThrowAsync<ArgumentOutOfRangeException>().WithMessage("*1 to 16 (MaxImagesPerRequest)*"))
            .Which.ActualValue.Should().Be(17);
        (await FluentActions.Awaiting(() => pool.InterpolateAsync(new(1, 0), new(2, 0), 16, LatentInterpolationMode.Linear)).Should().ThrowAsync<ArgumentOutOfRangeException>())
            .Which.ParamName.Should().Be("steps");
        (await FluentActions.Awaiting(() => pool.InterpolateAsync(new(1, -2), new(2, 0), 4, LatentInterpolationMode.Linear)).Should().ThrowAsync<ArgumentOutOfRangeException>())
            .Which.ParamName.Should().Be("from");
        (await FluentActions.Awaiting(() => pool.ArithmeticAsync(1, 64, [1, 2, 3], [4, 64], [5])).Should().ThrowAsync<ArgumentOutOfRangeException>()
                .WithMessage("b holds index 64, outside the grid of 64 samples*valid indices are 0 to 63*"))
            .Which.ParamName.Should().Be("b");
        (await FluentActions.Awaiting(() => pool.ArithmeticAsync(1, 64, [], [4], [5])).Should().ThrowAsync<ArgumentException>())
            .Which.ParamName.Should().Be("a");
    }

    [Fact]
    public async Task Operations_before_start_and_after_dispose_fail_clearly()
    {
        var pool = new GeneratorPool(new GeneratorPoolOptions { ModelPath = TestCheckpoints.A }, Checkpoints);
        await FluentActions.Awaiting(() => pool.GenerateAsync(1, 1)).Should().ThrowAsync<InvalidOperationException>().WithMessage("*Start()*");
        pool.Start();
        (await pool.GenerateAsync(1, 1)).Count.Should().Be(1);

        pool.Dispose();

        pool.Model.Should().BeNull();
        await FluentActions.Awaiting(() => pool.GenerateAsync(1, 1)).Should().ThrowAsync<ObjectDisposedException>();
    }
}
