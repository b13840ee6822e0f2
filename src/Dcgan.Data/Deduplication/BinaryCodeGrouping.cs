// BinaryCodeGrouping: groups binary codes (up to 128 bits) that collide or lie within a Hamming distance of a kept one.
using System.Numerics;

namespace Dcgan.Data;

/// <summary>
/// Groups images by their binary codes. With a maximum distance of 0 a group is a set of equal codes (the paper's
/// "collisions"). With a distance k &gt; 0 the codes are visited in index order and each joins the group of the
/// lowest-index earlier representative within k bits, or else starts a group: every member is within k bits of its
/// representative (no chaining A~B~C), and the representative is the group's lowest index. Candidates are found by
/// splitting the code into k + 1 bit ranges (two codes within k bits agree exactly on at least one range), so the
/// cost stays near linear in the number of codes when they are spread out.
/// </summary>
public static class BinaryCodeGrouping
{
    /// <summary>The groups of two or more images, each ascending (the first is the representative), ordered by representative.</summary>
    /// <param name="codes">One code per image, in the low <paramref name="codeBits"/> bits.</param>
    /// <param name="codeBits">Bits used by the codes, 1 to 128.</param>
    /// <param name="maxDistance">Largest Hamming distance to a representative, 0 (exact collisions) to <paramref name="codeBits"/> - 1.</param>
    /// <returns>The groups; images in no group are unique.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is outside its range.</exception>
    public static int[][] Group(IReadOnlyList<UInt128> codes, int codeBits, int maxDistance)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentOutOfRangeException.ThrowIfLessThan(codeBits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(codeBits, 128);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDistance);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(maxDistance, codeBits);
        int[] representative = maxDistance == 0 ? ByEquality(codes) : ByDistance(codes, codeBits, maxDistance);
        var members = new Dictionary<int, List<int>>();   // representative -> its group, ascending
        for (int i = 0; i < representative.Length; i++)
        {
            int first = representative[i];
            if (first == i)
            {
                continue;                                      // a representative is added with its first member
            }

            if (!members.TryGetValue(first, out List<int>? list))
            {
                members[first] = list = [first];
            }

            list.Add(i);
        }

        return members.OrderBy(p => p.Key).Select(p => p.Value.ToArray()).ToArray();
    }

    private static int[] ByEquality(IReadOnlyList<UInt128> codes)
    {
        var first = new Dictionary<UInt128, int>();
        var representative = new int[codes.Count];
        for (int i = 0; i < codes.Count; i++)
        {
            representative[i] = first.TryAdd(codes[i], i) ? i : first[codes[i]];
        }

        return representative;
    }

    private static int[] ByDistance(IReadOnlyList<UInt128> codes, int codeBits, int maxDistance)
    {
        int ranges = maxDistance + 1;
        var starts = new int[ranges + 1];
        for (int r = 0; r <= ranges; r++)
        {
            starts[r] = r * codeBits / ranges;                  // bit ranges [starts[r], starts[r + 1])
        }

        var tables = new Dictionary<UInt128, List<int>>[ranges];   // range value -> representatives, ascending
        for (int r = 0; r < ranges; r++)
        {
            tables[r] = [];
        }

        var representative = new int[codes.Count];
        for (int i = 0; i < codes.Count; i++)
        {
            int best = int.MaxValue;
            for (int r = 0; r < ranges; r++)
            {
                if (tables[r].TryGetValue(Range(codes[i], starts[r], starts[r + 1]), out List<int>? candidates))
                {
                    foreach (int candidate in candidates)
                    {
                        if (candidate >= best)
                        {
                            break;                                  // ascending: nothing lower follows
                        }

                        if ((int)UInt128.PopCount(codes[i] ^ codes[candidate]) <= maxDistance)
                        {
                            best = candidate;
                            break;
                        }
                    }
                }
            }

            if (best != int.MaxValue)
            {
                representative[i] = best;
                continue;
            }

            representative[i] = i;
            for (int r = 0; r < ranges; r++)
            {
                UInt128 key = Range(codes[i], starts[r], starts[r + 1]);
                if (!tables[r].TryGetValue(key, out List<int>? list))
                {
                    tables[r][key] = list = [];
                }

                list.Add(i);
            }
        }

        return representative;
    }

    private static UInt128 Range(UInt128 code, int start, int end)
    {
        int length = end - start;
        UInt128 mask = length >= 128 ? UInt128.MaxValue : (UInt128.One << length) - UInt128.One;
        return (code >> start) & mask;
    }
}
