// OnnxImageGenerator.RenderBatch from several threads at once (InferenceSession.Run is thread-safe): every call gives
// bitwise what the same call gives alone. Also measured: whether a row's image depends on the batch it is rendered in
// (2026-12-06, ONNX Runtime 1.32, AVX2: bitwise equal alone and in a batch of 33 for all three models; the test holds
// it to 1e-5 only, since other CPUs or ONNX Runtime versions may pick other kernels).
using Dcgan.Data;
using Dcgan.Export;
using Dcgan.Generation;
using Dcgan.Models;
using Xunit.Abstractions;

namespace Dcgan.Onnx.Tests;

public class ConcurrencyTests(ITestOutputHelper output)
{
    [Fact]
    public void Concurrent_calls_give_bitwise_the_images_of_the_same_calls_made_one_at_a_time()
    {
        using DcganGenerator torchGenerator = TinyNetworks.Generator(TinyNetworks.Options("pytorch", 32, 3), perturb: true);
        using var generator = new OnnxImageGenerator(OnnxExport.GeneratorBytes(torchGenerator));
        // Requests of the same and of different sizes, so that any state shared between calls would mix them up.
        float[][][] requests = [.. Enumerable.Range(0, 16).Select(i => LatentSeeds.ForSeed(i, i < 8 ? 4 : 1 + i % 5, 8, LatentDistribution.Normal))];
        uint[][] alone = [.. requests.Select(r => Bits(generator.RenderBatch(r)))];

        var concurrent = new uint[requests.Length][];
        Parallel.For(0, requests.Length * 128, new ParallelOptions { MaxDegreeOfParallelism = 4 }, k =>
        {
            int i = k % requests.Length;
            uint[] bits = Bits(generator.RenderBatch(requests[i]));
            lock (concurrent)
            {
                concurrent[i] ??= bits;
                bits.Should().Equal(alone[i], $"request {i} rendered concurrently");
            }
        });

        concurrent.Should().AllSatisfy(c => c.Should().NotBeNull());
    }

    [Theory]
    [InlineData("paper", 64, 3, 4)]
    [InlineData("paper", 28, 1, 32)]   // the quick-start model's size and width
    [InlineData("pytorch", 64, 3, 64)] // pytorch/examples' 64x64x3 at ngf 64
    public void A_rows_image_in_a_larger_batch_is_within_float_rounding_of_its_image_alone(string preset, int size, int channels, int width)
    {
        DcganModelOptions options = TinyNetworks.Options(preset, size, channels);
        options.GeneratorWidth = options.DiscriminatorWidth = width;
        using DcganGenerator torchGenerator = TinyNetworks.Generator(options, perturb: true);
        using var generator = new OnnxImageGenerator(OnnxExport.GeneratorBytes(torchGenerator));
        float[][] rows = LatentSeeds.ForSeed(5, 33, 8, generator.LatentDistribution);

        ImageBatch batch = generator.RenderBatch(rows);
        int bitwise = 0;
        float max = 0;
        for (int i = 0; i < rows.Length; i++)
        {
            float[] alone = generator.RenderBatch([rows[i]]).Pixels;
            float[] inBatch = batch.Image(i).ToArray();
            bitwise += alone.SequenceEqual(inBatch) ? 1 : 0;
            max = Math.Max(max, TinyNetworks.MaxDifference(inBatch, alone));
        }

        output.WriteLine($"{preset} {size}x{size}x{channels} width {width}: {bitwise} of {rows.Length} images bitwise equal alone and in a batch of {rows.Length}; max difference {max:E3}");
        max.Should().BeLessThanOrEqualTo(1e-5f);
    }

    private static uint[] Bits(ImageBatch images) => [.. images.Pixels.Select(BitConverter.SingleToUInt32Bits)];
}
