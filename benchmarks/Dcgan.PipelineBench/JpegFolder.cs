// The benchmark's data: a temporary folder of 64x64 RGB JPEGs made from the shipped Fashion-MNIST test split
// (each garment resized to 64x64 by the IDX reader, then tinted with one of a few colours), so nothing is downloaded.
using Dcgan.Data;
using SkiaSharp;

namespace Dcgan.PipelineBench;

/// <summary>Writes and deletes the benchmark's JPEG folder.</summary>
internal sealed class JpegFolder : IDisposable
{
    // Foreground tints (garment) over a light background; the index picks one, so the images differ in colour too.
    private static readonly SKColor[] Tints =
    [
        new(200, 40, 40), new(40, 120, 200), new(30, 150, 60), new(180, 120, 20), new(120, 50, 160), new(20, 20, 20),
    ];

    private JpegFolder(string path, long bytes)
    {
        Path = path;
        Bytes = bytes;
    }

    /// <summary>The folder (under the system temp folder).</summary>
    public string Path { get; }

    /// <summary>Total size of the JPEG files.</summary>
    public long Bytes { get; }

    /// <summary>Writes <paramref name="count"/> JPEGs of <paramref name="size"/> x <paramref name="size"/> (quality 90).</summary>
    /// <param name="idxPath">The Fashion-MNIST image file to draw the garments from.</param>
    /// <param name="count">Number of images (at most the file's image count).</param>
    /// <param name="size">Side in pixels.</param>
    public static JpegFolder Create(string idxPath, int count, int size)
    {
        IdxImageDataSource garments = IdxImageDataSource.Open(idxPath, imageSize: size); // [1, size, size] in [-1, 1]
        if (count > garments.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"{idxPath} has only {garments.Count} images.");
        }

        string folder = Directory.CreateTempSubdirectory("dcgan-pipeline-bench-").FullName;
        long bytes = 0;
        float[] gray = new float[garments.Shape.ElementCount];
        using var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Opaque));
        for (int i = 0; i < count; i++)
        {
            garments.CopyImage(i, gray);
            SKColor tint = Tints[i % Tints.Length];
            Span<byte> rgba = bitmap.GetPixelSpan();
            for (int p = 0; p < gray.Length; p++)
            {
                float ink = (gray[p] + 1f) / 2f; // 0 = background, 1 = garment
                rgba[4 * p] = Mix(235, tint.Red, ink);
                rgba[4 * p + 1] = Mix(230, tint.Green, ink);
                rgba[4 * p + 2] = Mix(220, tint.Blue, ink);
                rgba[4 * p + 3] = 255;
            }

            using SKData jpeg = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
            string file = System.IO.Path.Combine(folder, $"{i:D5}.jpg");
            File.WriteAllBytes(file, jpeg.ToArray());
            bytes += jpeg.Size;
        }

        return new JpegFolder(folder, bytes);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);

    private static byte Mix(byte background, byte ink, float amount) =>
        (byte)Math.Clamp(MathF.Round(background + (ink - background) * amount), 0f, 255f);
}
