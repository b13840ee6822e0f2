// Small generated picture folders for the non-square tests (also linked into Dcgan.Cli.Tests).
using SkiaSharp;

namespace Dcgan.Core.Tests.Training;

internal static class DiscPictures
{
    /// <summary>Writes <paramref name="count"/> 60x40 PNGs into <paramref name="folder"/>: a coloured disc on a grey ground, at a different place and colour in each.</summary>
    /// <returns>The folder.</returns>
    public static string Write(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(5);
        for (int i = 0; i < count; i++)
        {
            using var bitmap = new SKBitmap(new SKImageInfo(60, 40, SKColorType.Rgba8888, SKAlphaType.Opaque));
            using (var canvas = new SKCanvas(bitmap))
            using (var paint = new SKPaint { Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)) })
            {
                canvas.Clear(new SKColor(128, 128, 128));
                canvas.DrawCircle(random.Next(10, 50), random.Next(10, 30), random.Next(5, 12), paint);
            }

            using SKData png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            File.WriteAllBytes(Path.Combine(folder, $"{i:D3}.png"), png.ToArray());
        }

        return folder;
    }
}
