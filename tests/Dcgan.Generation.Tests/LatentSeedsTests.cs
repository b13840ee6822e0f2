// The seed-to-latent convention (docs/latent-seeds.md): golden values from the reference Python implementation in that
// page (python3 3.11, run once; the bits are float32 as uint32), so the C# code and the documented algorithm agree.
using Dcgan.Data;
using Dcgan.Latent;

namespace Dcgan.Generation.Tests;

public class LatentSeedsTests
{
    private static uint[] Bits(float[] row) => row.Select(BitConverter.SingleToUInt32Bits).ToArray();

    [Fact]
    public void Rows_match_the_documented_algorithm()
    {
        // row(7, 3, 5, prior) and row(-42, 0, 3, 'uniform') from the Python reference in docs/latent-seeds.md.
        Bits(LatentSeeds.Row(7, 3, 5, LatentDistribution.Uniform)).Should().Equal(3179997108u, 3204639330u, 3207521210u, 3181362958u, 3207451751u);
        Bits(LatentSeeds.Row(7, 3, 5, LatentDistribution.Normal)).Should().Equal(1025778996u, 1066356257u, 3205618885u, 1041360828u, 3203944304u);
        Bits(LatentSeeds.Row(-42, 0, 3, LatentDistribution.Uniform)).Should().Equal(3203200949u, 3205089549u, 1063386481u);
    }

    [Theory]
    [InlineData(LatentDistribution.Uniform)]
    [InlineData(LatentDistribution.Normal)]
    public void Rows_for_a_count_are_a_prefix_of_the_rows_for_a_larger_count_and_ranges_agree(LatentDistribution distribution)
    {
        float[][] ten = LatentSeeds.ForSeed(42, 10, 16, distribution);
        float[][] twenty = LatentSeeds.ForSeed(42, 20, 16, distribution);
        float[][] middle = LatentSeeds.Range(42, 5, 10, 16, distribution);

        for (int i = 0; i < 10; i++)
        {
            Bits(ten[i]).Should().Equal(Bits(twenty[i]), $"row {i} must not depend on the count");
            Bits(middle[i]).Should().Equal(Bits(twenty[5 + i]), $"Range row {i} is row {5 + i} of the seed");
        }
    }

    [Fact]
    public void An_odd_dimension_keeps_the_leading_pairs_of_a_longer_normal_row()
    {
        // Box-Muller fills pairs in order: the first 4 values of a 5-d row are those of the 6-d row.
        Bits(LatentSeeds.Row(3, 1, 5, LatentDistribution.Normal)).Take(4)
            .Should().Equal(Bits(LatentSeeds.Row(3, 1, 6, LatentDistribution.Normal)).Take(4));
    }

    [Fact]
    public void Uniform_rows_stay_in_range_and_normal_rows_have_the_right_moments()
    {
        float[] uniform = LatentSeeds.ForSeed(1, 200, 100, LatentDistribution.Uniform).SelectMany(r => r).ToArray();
        float[] normal = LatentSeeds.ForSeed(1, 200, 100, LatentDistribution.Normal).SelectMany(r => r).ToArray();

        uniform.Should().OnlyContain(v => v >= -1f && v < 1f);
        uniform.Average(v => (double)v).Should().BeApproximately(0, 0.02);                          // U(-1, 1): mean 0, variance 1/3
        uniform.Select(v => (double)v * v).Average().Should().BeApproximately(1 / 3.0, 0.02);
        normal.Average(v => (double)v).Should().BeApproximately(0, 0.03);                           // N(0, 1) over 20,000 draws
        normal.Select(v => (double)v * v).Average().Should().BeApproximately(1, 0.04);
        normal.Count(v => Math.Abs(v) > 1.96).Should().BeInRange(800, 1200);         // about 5% beyond 1.96
    }

    [Fact]
    public void Different_seeds_and_indices_give_different_rows()
    {
        float[][] rows = LatentSeeds.ForSeed(1, 8, 32, LatentDistribution.Uniform);
        rows.Select(r => string.Join(",", Bits(r))).Distinct().Should().HaveCount(8);
        Bits(LatentSeeds.Row(2, 0, 32, LatentDistribution.Uniform)).Should().NotEqual(Bits(rows[0]));
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        FluentActions.Invoking(() => LatentSeeds.Row(1, -1, 4, LatentDistribution.Uniform)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => LatentSeeds.ForSeed(1, 0, 4, LatentDistribution.Uniform)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => LatentSeeds.ForSeed(1, 2, 0, LatentDistribution.Uniform)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => LatentSeeds.Row(1, 0, 4, (LatentDistribution)7)).Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("*Uniform or Normal*");
    }

    [Fact]
    public void Jitter_stays_within_the_radius_and_repeats_for_a_seed()
    {
        float[] centre = [0.5f, -0.5f, 0f, 1f];
        float[][] a = LatentNeighbours.Jitter(centre, 50, seed: 3, radius: 0.25f);
        float[][] b = LatentNeighbours.Jitter(centre, 50, seed: 3, radius: 0.25f);
        float[][] c = LatentNeighbours.Jitter(centre, 50, seed: 4, radius: 0.25f);

        a.SelectMany(Bits).Should().Equal(b.SelectMany(Bits));
        a.SelectMany(Bits).Should().NotEqual(c.SelectMany(Bits));
        for (int j = 0; j < centre.Length; j++)
        {
            a.Select(r => Math.Abs(r[j] - centre[j])).Should().OnlyContain(d => d <= 0.25f + 1e-6f);
            a.Select(r => r[j] - centre[j]).Max().Should().BeGreaterThan(0.15f, "50 draws spread over the radius");
        }
    }
}
