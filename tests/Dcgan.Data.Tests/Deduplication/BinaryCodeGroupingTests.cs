// Tests of BinaryCodeGrouping: collisions, the representative rule without chaining, and agreement with brute force.
using Dcgan.Data;

namespace Dcgan.Data.Tests.Deduplication;

public class BinaryCodeGroupingTests
{
    [Fact]
    public void Distance_zero_groups_equal_codes_in_index_order()
    {
        UInt128[] codes = [5, 7, 5, 9, 7, 5];

        BinaryCodeGrouping.Group(codes, 8, 0).Should().BeEquivalentTo(new[] { new[] { 0, 2, 5 }, new[] { 1, 4 } }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void A_member_joins_the_lowest_representative_within_reach_and_groups_do_not_chain()
    {
        // 0b0000 is the first representative; 0b0011 is 2 bits from it; 0b1111 is 2 bits from 0b0011 but 4 from 0b0000.
        UInt128[] codes = [0b0000, 0b0011, 0b1111, 0b0001];

        BinaryCodeGrouping.Group(codes, 4, 2).Should().BeEquivalentTo(new[] { new[] { 0, 1, 3 } }, o => o.WithStrictOrdering());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void The_bit_range_index_finds_what_a_brute_force_scan_finds(int maxDistance)
    {
        var random = new Random(maxDistance);
        UInt128[] codes = Enumerable.Range(0, 600).Select(_ => (UInt128)(ulong)random.Next(1 << 14)).ToArray();

        BinaryCodeGrouping.Group(codes, 14, maxDistance).Should().BeEquivalentTo(BruteForce(codes, maxDistance), o => o.WithStrictOrdering());
    }

    [Fact]
    public void Codes_of_128_bits_use_every_bit()
    {
        UInt128 high = UInt128.One << 127;

        BinaryCodeGrouping.Group([high, UInt128.Zero, high], 128, 0).Should().BeEquivalentTo(new[] { new[] { 0, 2 } });
        BinaryCodeGrouping.Group([high, UInt128.Zero], 128, 1).Should().BeEquivalentTo(new[] { new[] { 0, 1 } });
    }

    [Fact]
    public void Sizes_out_of_range_are_refused()
    {
        FluentActions.Invoking(() => BinaryCodeGrouping.Group([1], 0, 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("codeBits");
        FluentActions.Invoking(() => BinaryCodeGrouping.Group([1], 8, 8)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxDistance");
    }

    private static int[][] BruteForce(UInt128[] codes, int maxDistance)
    {
        var representatives = new List<int>();
        var groups = new SortedDictionary<int, List<int>>();
        for (int i = 0; i < codes.Length; i++)
        {
            int found = representatives.FirstOrDefault(r => (int)UInt128.PopCount(codes[r] ^ codes[i]) <= maxDistance, -1);
            if (found < 0)
            {
                representatives.Add(i);
                groups[i] = [i];
            }
            else
            {
                groups[found].Add(i);
            }
        }

        return groups.Values.Where(g => g.Count > 1).Select(g => g.ToArray()).ToArray();
    }
}
