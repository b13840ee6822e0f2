// Reads 28x28 tiles back from the PNGs the tools write, as gray values (the red channel of 1-channel images).
using SkiaSharp;

namespace Dcgan.Cli.Tests;

internal static class PngPixels
{
    public const int Side = 28;

    /// <summary>The tile whose top-left corner is (left, top).</summary>
    public static int[] Gray(SKBitmap bitmap, int left, int top) =>
        Enumerable.Range(0, Side * Side).Select(p => (int)bitmap.GetPixel(left + p % Side, top + p / Side).Red).ToArray();

    /// <summary>A file holding one image.</summary>
    public static int[] Image(string path)
    {
        using SKBitmap image = SKBitmap.Decode(path);
        return Gray(image, 0, 0);
    }
}
