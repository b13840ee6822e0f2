// Pixels: bitwise comparison of managed images (exactness is claimed, so floats are compared by their bits).
using Dcgan.Data;

namespace Dcgan.Hosting.Tests;

internal static class Pixels
{
    public static bool BitEqual(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (int i = 0; i < a.Length; i++)
        {
            if (BitConverter.SingleToUInt32Bits(a[i]) != BitConverter.SingleToUInt32Bits(b[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static bool BitEqual(ImageBatch a, ImageBatch b) => a.Count == b.Count && a.Shape == b.Shape && BitEqual(a.Pixels, b.Pixels);

    public static float MaxDifference(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        float max = 0;
        for (int i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }

        return max;
    }
}
