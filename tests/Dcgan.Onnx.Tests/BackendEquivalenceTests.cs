// ONNX Runtime against TorchSharp: for every preset (and the builders' other combinations) at 28, 32 and 64 pixels and
// 1 and 3 channels, the exported generator rendered by OnnxImageGenerator equals TorchSharp's RenderBatch within 1e-5,
// with the initial batch-norm statistics and with non-trivial ones.
using Dcgan.Data;
using Dcgan.Export;
using Dcgan.Generation;
using Dcgan.Models;
using Xunit.Abstractions;

namespace Dcgan.Onnx.Tests;

public class BackendEquivalenceTests(ITestOutputHelper output)
{
    private const float Tolerance = 1e-5f;

    public static TheoryData<string, int, int, bool> Networks()
    {
        var data = new TheoryData<string, int, int, bool>();
        foreach (string preset in new[] { "paper", "pytorch" })
        {
            foreach (int size in new[] { 28, 32, 64 })
            {
                foreach (int channels in new[] { 1, 3 })
                {
                    data.Add(preset, size, channels, false);
                    data.Add(preset, size, channels, true);
                }
            }
        }

        data.Add("paper-tconv-bn-out", 32, 3, true);
        data.Add("pytorch-dense", 28, 1, true);
        return data;
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void ONNX_Runtime_renders_what_TorchSharp_renders(string preset, int size, int channels, bool perturbed)
    {
        using DcganGenerator torchGenerator = TinyNetworks.Generator(TinyNetworks.Options(preset, size, channels), perturbed);
        using var onnxGenerator = new OnnxImageGenerator(OnnxExport.GeneratorBytes(torchGenerator));
        float[][] latents = LatentSeeds.ForSeed(11, 5, torchGenerator.LatentDimension, torchGenerator.LatentDistribution);

        ImageBatch expected = ((IImageGenerator)torchGenerator).RenderBatch(latents);   // [5, C, s, s]
        ImageBatch actual = onnxGenerator.RenderBatch(latents);

        actual.Shape.Should().Be(new ImageShape(channels, size, size));
        float max = TinyNetworks.MaxDifference(actual, expected);
        float scale = expected.Pixels.Max(Math.Abs);
        output.WriteLine($"max |onnx - torch| = {max:E3}, max |torch| = {scale:F4} ({preset} {size}x{size}x{channels}, perturbed {perturbed})");
        max.Should().BeLessThanOrEqualTo(Tolerance);
        expected.Pixels.Distinct().Count().Should().BeGreaterThan(100, "the images are not constant, so equality means something");
        if (perturbed)
        {
            scale.Should().BeGreaterThan(0.1f, "with batch norm scaled the images use a good part of [-1, 1], so 1e-5 is a tight bound");
        }
    }

    [Theory]
    [InlineData("paper", 32, 48, 3)]
    [InlineData("pytorch", 48, 32, 1)]
    [InlineData("paper", 28, 16, 1)]
    [InlineData("pytorch", 64, 96, 3)]
    public void Non_square_generators_export_and_render_what_TorchSharp_renders(string preset, int height, int width, int channels)
    {
        DcganModelOptions options = TinyNetworks.Options(preset, height, channels);
        options.ImageWidth = width;
        using DcganGenerator torchGenerator = TinyNetworks.Generator(options, perturb: true);
        using var onnxGenerator = new OnnxImageGenerator(OnnxExport.GeneratorBytes(torchGenerator));
        float[][] latents = LatentSeeds.ForSeed(11, 4, torchGenerator.LatentDimension, torchGenerator.LatentDistribution);

        ImageBatch expected = ((IImageGenerator)torchGenerator).RenderBatch(latents);   // [4, C, h, w]
        ImageBatch actual = onnxGenerator.RenderBatch(latents);

        onnxGenerator.ImageShape.Should().Be(new ImageShape(channels, height, width));
        actual.Shape.Should().Be(new ImageShape(channels, height, width));
        float max = TinyNetworks.MaxDifference(actual, expected);
        output.WriteLine($"max |onnx - torch| = {max:E3} ({preset} {height}x{width}x{channels})");
        max.Should().BeLessThanOrEqualTo(Tolerance);
        expected.Pixels.Distinct().Count().Should().BeGreaterThan(100);
    }

    [Fact]
    public void A_seed_renders_the_same_images_on_both_backends()
    {
        using DcganGenerator torchGenerator = TinyNetworks.Generator(TinyNetworks.Options("pytorch", 32, 3), perturb: true);
        using var onnxGenerator = new OnnxImageGenerator(OnnxExport.GeneratorBytes(torchGenerator));

        ImageBatch torchImages = torchGenerator.RenderSeed(seed: 42, count: 9, firstIndex: 3, batchSize: 4);
        ImageBatch onnxImages = onnxGenerator.RenderSeed(seed: 42, count: 9, firstIndex: 3, batchSize: 4);

        float max = TinyNetworks.MaxDifference(onnxImages, torchImages);
        output.WriteLine($"RenderSeed max |onnx - torch| = {max:E3}");
        max.Should().BeLessThanOrEqualTo(Tolerance);
    }

    [Fact]
    public void An_image_does_not_depend_on_the_other_rows_of_its_batch()
    {
        using DcganGenerator torchGenerator = TinyNetworks.Generator(TinyNetworks.Options("paper", 28, 1), perturb: true);
        using var onnxGenerator = new OnnxImageGenerator(OnnxExport.GeneratorBytes(torchGenerator));
        float[][] latents = LatentSeeds.ForSeed(7, 6, 8, LatentDistribution.Uniform);

        ImageBatch whole = onnxGenerator.RenderBatch(latents);
        ImageBatch single = onnxGenerator.RenderBatch([latents[4]]);

        TinyNetworks.MaxDifference(single.Image(0).ToArray(), whole.Image(4).ToArray()).Should().BeLessThanOrEqualTo(Tolerance);
    }
}
