// Rendering over the contract: bounded batches in order, seeds through the shared convention, clear errors.
using Dcgan.Data;

namespace Dcgan.Generation.Tests;

public class ImageGeneratorExtensionsTests
{
    private static readonly ImageShape Shape = new(1, 4, 4);

    [Fact]
    public void Render_splits_the_rows_into_batches_and_keeps_their_order()
    {
        var generator = new FakeImageGenerator(3, Shape);
        float[][] rows = LatentSeeds.ForSeed(5, 130, 3, LatentDistribution.Uniform);

        ImageBatch images = generator.Render(rows, batchSize: 64);

        generator.BatchRows.Should().Equal(64, 64, 2);
        images.Count.Should().Be(130);
        for (int i = 0; i < 130; i++)
        {
            images.Image(i)[5].Should().Be(FakeImageGenerator.ExpectedPixel(rows[i], 5), $"image {i} is the image of row {i}");
        }
    }

    [Fact]
    public void RenderSeed_renders_the_seed_rows_from_the_first_index()
    {
        var generator = new FakeImageGenerator(3, Shape, LatentDistribution.Normal);
        float[][] rows = LatentSeeds.Range(9, 10, 4, 3, LatentDistribution.Normal);

        ImageBatch images = generator.RenderSeed(9, count: 4, firstIndex: 10);

        images.Pixels.Should().Equal(generator.Render(rows).Pixels);
    }

    [Fact]
    public void Rows_of_the_wrong_length_are_refused_naming_both_lengths()
    {
        var generator = new FakeImageGenerator(3, Shape);

        FluentActions.Invoking(() => generator.Render([new float[3], new float[4]])).Should().Throw<ArgumentException>()
            .WithMessage("*length 4*length 3*");
        FluentActions.Invoking(() => generator.Render([new float[5]])).Should().Throw<ArgumentException>()
            .WithMessage("*length 5*expects 3*");
        FluentActions.Invoking(() => generator.Render([])).Should().Throw<ArgumentException>();
        generator.BatchRows.Should().BeEmpty();
    }

    [Fact]
    public void A_backend_that_returns_the_wrong_number_of_images_is_named()
    {
        var generator = new FakeImageGenerator(3, Shape) { WrongCount = 1 };

        FluentActions.Invoking(() => generator.Render([new float[3], new float[3]])).Should().Throw<InvalidOperationException>()
            .WithMessage("*FakeImageGenerator.RenderBatch*2 images*got 1*");
    }
}
