// ONNX generators made by PyTorch (pytorch/examples' layout, scripts/make-onnx-fixtures.py) serve through
// OnnxImageGenerator, given their prior in the options, and render what PyTorch rendered within 1e-5.
using Dcgan.Data;
using Dcgan.Generation;
using Dcgan.Interop;
using Xunit.Abstractions;

namespace Dcgan.Onnx.Tests;

public class PyTorchFixtureTests(ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "pytorch-examples");

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void A_PyTorch_exported_generator_renders_what_PyTorch_rendered(int channels)
    {
        NpyArray<float> z = NpyFile.ReadFloat32(Path.Combine(Folder, $"z-nc{channels}.npy"));             // [4, 16, 1, 1]
        NpyArray<float> expected = NpyFile.ReadFloat32(Path.Combine(Folder, $"images-nc{channels}.npy")); // [4, C, 64, 64]
        var options = new OnnxGeneratorOptions { LatentDistribution = LatentDistribution.Normal };
        using var generator = new OnnxImageGenerator(Path.Combine(Folder, $"g-nc{channels}.onnx"), options);

        generator.LatentDimension.Should().Be(16);
        generator.ImageShape.Should().Be(new ImageShape(channels, 64, 64));
        generator.Metadata.Should().NotContainKey(OnnxMetadataKeys.LatentPrior, "PyTorch's file does not describe its prior");
        z.Shape.Should().Equal(4L, 16L, 1L, 1L);
        expected.Shape.Should().Equal(4L, channels, 64L, 64L);

        float[][] rows = [.. z.Data.Chunk(16)];
        ImageBatch images = generator.RenderBatch(rows);

        float max = TinyNetworks.MaxDifference(images.Pixels, expected.Data);
        output.WriteLine($"max |onnx runtime - pytorch| = {max:E3} (nc {channels}), max |pytorch| = {expected.Data.Max(Math.Abs):F4}");
        max.Should().BeLessThanOrEqualTo(1e-5f);
    }

    [Fact]
    public void A_PyTorch_exported_generator_needs_its_prior_in_the_options()
    {
        string path = Path.Combine(Folder, "g-nc1.onnx");
        FluentActions.Invoking(() => new OnnxImageGenerator(path)).Should().Throw<InvalidDataException>()
            .WithMessage($"{path} is not a generator this backend can serve: it has no dcgan.latent_prior metadata*LatentDistribution*");
    }

    [Fact]
    public void A_seed_renders_on_a_PyTorch_generator_as_the_rows_of_LatentSeeds()
    {
        using var generator = new OnnxImageGenerator(Path.Combine(Folder, "g-nc3.onnx"), new OnnxGeneratorOptions { LatentDistribution = LatentDistribution.Normal });

        ImageBatch bySeed = generator.RenderSeed(seed: 9, count: 3, firstIndex: 2);
        ImageBatch byRows = generator.RenderBatch(LatentSeeds.Range(9, 2, 3, 16, LatentDistribution.Normal));

        bySeed.Pixels.Should().Equal(byRows.Pixels, "RenderSeed is RenderBatch of the seed's rows (one batch, same floats)");
    }
}
