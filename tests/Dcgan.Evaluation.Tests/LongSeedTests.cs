using Dcgan.Data;
using Dcgan.Deduplication;
using Dcgan.Evaluation;
using Dcgan.Features;

namespace Dcgan.Evaluation.Tests;

/// <summary>
/// Seeds are long everywhere; a seed in int range must draw exactly what the int seeds of earlier versions drew
/// (new Random(seed)), so published results stay reproducible; a seed outside int range must use its high bits.
/// </summary>
public class LongSeedTests
{
    // The pre-1.0 RandomSubset, verbatim: a partial Fisher-Yates on new Random(int seed).
    private static int[] OldRandomSubset(int total, int count, int seed)
    {
        int[] all = Enumerable.Range(0, total).ToArray();
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            int j = random.Next(i, total);
            (all[i], all[j]) = (all[j], all[i]);
        }

        return all[..count];
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(-5)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void Int_range_seeds_draw_what_the_int_seeds_drew(int seed)
    {
        ImageSets.RandomSubset(50, 20, (long)seed).Should().Equal(OldRandomSubset(50, 20, seed));
        SeededRandom.ToInt32(seed).Should().Be(seed);
    }

    [Fact]
    public void Seeds_outside_int_range_use_their_high_bits()
    {
        long low = 7;
        long high = (1L << 40) | 7;
        ImageSets.RandomSubset(1000, 20, high).Should().NotEqual(ImageSets.RandomSubset(1000, 20, low));
        ImageSets.RandomSubset(1000, 20, high).Should().Equal(ImageSets.RandomSubset(1000, 20, high));
        SeededRandom.ToInt32(high).Should().Be(7 ^ (1 << 8));
        SeededRandom.ToInt32(long.MaxValue).Should().Be(unchecked((int)0xFFFFFFFF ^ 0x7FFFFFFF));
    }

    [Fact]
    public void Group_sheet_sampling_takes_a_long_seed()
    {
        DuplicateGroup[] groups = Enumerable.Range(0, 12).Select(i => new DuplicateGroup([i * 2, i * 2 + 1], "c", [0.0, 0.5])).ToArray();
        IReadOnlyList<DuplicateGroup> a = DuplicateGroupSheet.Sample(groups, 5, 1L << 33);
        a.Select(g => g.Representative).Should().Equal(OldRandomSubset(12, 5, SeededRandom.ToInt32(1L << 33)).Select(i => i * 2));
    }
}
