// Latents with TorchSharp: a TorchSharp generator takes the managed seed convention (LatentSeeds, tested in
// Dcgan.Generation.Tests), LatentNoise draws from a libtorch stream, and neither leaks tensors. This file also compiles `using static TorchSharp.torch;` together with `using Dcgan.Latent;` (no InterpolationMode clash).
using Dcgan.Data;
using Dcgan.Generation;
using Dcgan.Latent;
using Dcgan.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Core.Tests.Latent;

public class TorchLatentTests
{
    private static uint[] Bits(float[] row) => row.Select(BitConverter.SingleToUInt32Bits).ToArray();

    [Fact]
    public void The_generator_overload_uses_its_latent_dimension_and_prior_and_the_grid_agrees()
    {
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(
            new DcganModelOptions { ImageSize = 8, Channels = 1, LatentDimension = 6, GeneratorWidth = 2, DiscriminatorWidth = 2, LatentDistribution = LatentDistribution.Normal }, 1);
        using (g)
        using (d)
        {
            float[][] rows = LatentSeeds.ForSeed(g, 5, 4);
            rows.Should().OnlyContain(r => r.Length == 6);
            rows.Select(Bits).Should().BeEquivalentTo(
                LatentSeeds.ForSeed(5, 4, 6, LatentDistribution.Normal).Select(Bits), o => o.WithStrictOrdering());
            IndexedLatentGrid.For(g, 5, 4).Vectors.Select(Bits).Should().BeEquivalentTo(rows.Select(Bits), o => o.WithStrictOrdering());
        }
    }

    [Fact]
    public void The_stream_draw_is_one_tensor_draw_and_advances_the_generator()
    {
        using var a = new torch.Generator(9, CPU);
        using var b = new torch.Generator(9, CPU);
        using Tensor z = LatentNoise.Sample(3, 5, LatentDistribution.Uniform, a);   // [3, 5]
        float[][] rows = LatentNoise.SampleRows(3, 5, LatentDistribution.Uniform, b);
        rows.SelectMany(Bits).Should().Equal(z.data<float>().ToArray().Select(BitConverter.SingleToUInt32Bits));
        LatentNoise.SampleRows(3, 5, LatentDistribution.Uniform, b).SelectMany(Bits).Should().NotEqual(rows.SelectMany(Bits));
    }

    [Fact]
    public void Seeded_sampling_leaves_no_live_tensors()
    {
        LatentSeeds.ForSeed(3, 4, 8, LatentDistribution.Normal);
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (int i = 0; i < 3; i++)
        {
            LatentSeeds.ForSeed(i, 4, 8, LatentDistribution.Normal);
            using var rng = new torch.Generator(1, CPU);
            LatentNoise.SampleRows(4, 8, LatentDistribution.Uniform, rng);
        }

        DisposeScopeManager.Statistics.ThreadTotalLiveCount.Should().Be(before);
    }

    [Fact]
    public void Latent_and_TorchSharp_interpolation_modes_coexist_under_using_static()
    {
        // With `using static TorchSharp.torch;` the bare name is TorchSharp's enum; Dcgan's has its own name.
        typeof(InterpolationMode).Assembly.Should().BeSameAs(typeof(torch).Assembly);
        LatentInterpolation.Path([0f, 0f], [2f, 4f], 2, LatentInterpolationMode.Linear)[1].Should().Equal(1f, 2f);
    }
}
