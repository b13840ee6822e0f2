// The 60x20 test picture of the fit tests (red, green and blue thirds) and reading a source's first image.
using SkiaSharp;

namespace Dcgan.Data.Tests;

internal static class ThirdsPicture
{
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
}
