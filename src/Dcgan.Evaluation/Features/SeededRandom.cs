// SeededRandom: how a long seed becomes a System.Random. Seeds in int range give exactly the draws of the int seeds
// these APIs took before 1.0 (new Random((int)seed)), so documented results stay reproducible; a seed outside int
// range is folded to 32 bits (low half XOR high half), the documented derivation below.

namespace Dcgan.Features;

/// <summary>The one mapping from a <see langword="long"/> seed to <see cref="Random"/> in the Dcgan.Evaluation package (Dcgan.Deduplication reaches it through ImageSets).</summary>
internal static class SeededRandom
{
    /// <summary>
    /// The 32-bit seed of <paramref name="seed"/>: the seed itself when it is in int range, otherwise
    /// <c>(int)seed ^ (int)(seed &gt;&gt; 32)</c>.
    /// </summary>
    public static int ToInt32(long seed) =>
        seed is >= int.MinValue and <= int.MaxValue ? (int)seed : unchecked((int)seed ^ (int)(seed >> 32));

    /// <summary>A <see cref="Random"/> seeded with <see cref="ToInt32"/> of <paramref name="seed"/>.</summary>
    public static Random Create(long seed) => new(ToInt32(seed));
}
