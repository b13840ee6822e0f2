// The one seed-to-latent convention: vector i of seed s is LatentSeeds.Row(s, i), whatever the count. This file
// also compiles `using static TorchSharp.torch;` together with `using Dcgan.Latent;` (no InterpolationMode clash).
using Dcgan.Data;
using Dcgan.Generation;
using Dcgan.Latent;
using Dcgan.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Core.Tests.Latent;

public class LatentSamplerTests
{
    private static uint[] Bits(float[] row) => row.Select(BitConverter.SingleToUInt32Bits).ToArray();

    [Theory]
    [InlineData(LatentDistribution.Uniform)]
    [InlineData(LatentDistribution.Normal)]
    public void Rows_for_a_count_are_a_prefix_of_the_rows_for_a_larger_count(LatentDistribution distribution)
    {
        float[][] ten = LatentSeeds.ForSeed(42, 10, 16, distribution);
        float[][] twenty = LatentSeeds.ForSeed(42, 20, 16, distribution);

        ten.Should().HaveCount(10);
        twenty.Should().HaveCount(20);
        for (int i = 0; i < 10; i++)
        {
            Bits(ten[i]).Should().Equal(Bits(twenty[i]), $"row {i} must not depend on the count");
        }

        for (int i = 0; i < 20; i++)
        {
            Bits(twenty[i]).Should().Equal(Bits(LatentSeeds.Row(42, i, 16, distribution)), $"row {i} is Row(seed, {i})");
        }
    }

    [Fact]
    public void Row_i_is_one_draw_from_a_generator_seeded_with_the_derived_seed()
    {
        using var rng = new torch.Generator(unchecked((ulong)SeedSequence.Derive(7, 3)), CPU);
        float[] expected = LatentNoise.SampleRows(1, 12, LatentDistribution.Normal, rng)[0];
        Bits(LatentSeeds.Row(7, 3, 12, LatentDistribution.Normal)).Should().Equal(Bits(expected));
    }

    [Fact]
    public void Different_seeds_and_indices_give_different_rows_and_uniform_rows_stay_in_range()
    {
        float[][] rows = LatentSeeds.ForSeed(1, 8, 32, LatentDistribution.Uniform);
        rows.Select(r => string.Join(",", Bits(r))).Distinct().Should().HaveCount(8);
        Bits(LatentSeeds.Row(2, 0, 32, LatentDistribution.Uniform)).Should().NotEqual(Bits(rows[0]));
        rows.SelectMany(r => r).Should().OnlyContain(v => v >= -1f && v < 1f);
    }

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
    public void Bad_arguments_are_refused()
    {
        FluentActions.Invoking(() => LatentSeeds.Row(1, -1, 4, LatentDistribution.Uniform)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => LatentSeeds.ForSeed(1, 0, 4, LatentDistribution.Uniform)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => LatentSeeds.ForSeed(1, 2, 0, LatentDistribution.Uniform)).Should().Throw<ArgumentOutOfRangeException>();
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
