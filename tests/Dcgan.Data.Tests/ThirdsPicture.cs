// The 60x20 test picture of the fit tests (red, green and blue thirds) and reading a source's first image.
using SkiaSharp;

namespace Dcgan.Data.Tests;

internal static class ThirdsPicture
{
    // One 8-bit level of slack around -1 and 1 for resampling.
    private const float Tolerance = 2.5f / 127.5f;

    /// <summary>Writes a 60x20 PNG: columns 0-19 red, 20-39 green, 40-59 blue.</summary>
    public static void Write(string path)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(60, 20, SKColorType.Rgba8888, SKAlphaType.Opaque));
        for (int y = 0; y < 20; y++)
        {
            for (int x = 0; x < 60; x++)
            {
                bitmap.SetPixel(x, y, x < 20 ? new SKColor(255, 0, 0) : x < 40 ? new SKColor(0, 255, 0) : new SKColor(0, 0, 255));
            }
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }

    /// <summary>Image 0 of <paramref name="source"/>, channel-first.</summary>
    public static float[] FirstImage(IImageDataSource source)
    {
        var image = new float[source.Shape.ElementCount];
        source.CopyImage(0, image);
        return image;
    }

    /// <summary>
    /// The pixel at (y, x) of a [3, H, 20] image (every fitted picture here is 20 wide), each channel rounded to -1 or 1
    /// after checking it is within one level of one.
    /// </summary>
    public static (int R, int G, int B) Rgb(float[] image, int y, int x)
    {
        const int Width = 20;
        int plane = image.Length / 3;
        int Level(float v) => Math.Abs(v - 1f) <= Tolerance ? 1 : Math.Abs(v + 1f) <= Tolerance ? -1 : throw new InvalidOperationException($"value {v} at ({y}, {x}) is neither -1 nor 1");
        int at = (y * Width) + x;
        return (Level(image[at]), Level(image[plane + at]), Level(image[(2 * plane) + at]));
    }
}
