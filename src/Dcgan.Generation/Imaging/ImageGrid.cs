// Lays out a batch of images as one grid picture and encodes it as PNG with SkiaSharp. Written here rather than
// with TorchVision's make_grid/save_image, which crash on partial rows and do not truncate existing files.
using Dcgan.Data;
using SkiaSharp;

namespace Dcgan.Imaging;

/// <summary>Turns <see cref="ImageBatch"/> values into grid pictures (PNG).</summary>
public static class ImageGrid
{
    /// <summary>
    /// Lays the images out in rows of <paramref name="columns"/> tiles (the last row may be partial), separated
    /// by <paramref name="padding"/> pixels of <paramref name="background"/>, and encodes the result as PNG.
    /// </summary>
    /// <param name="images">The images, values in [-1, 1]; 1 or 3 channels.</param>
    /// <param name="columns">Tiles per row; null means ceil(sqrt(Count)).</param>
    /// <param name="padding">Pixels between tiles and around the grid; the default is 2.</param>
    /// <param name="background">Colour of the padding; the default (null) is black.</param>
    /// <returns>The PNG file's bytes.</returns>
    public static byte[] EncodePng(ImageBatch images, int? columns = null, int padding = 2, RgbColor? background = null)
    {
        using SKBitmap bitmap = Render(images, columns, padding, background is { } c ? new SKColor(c.R, c.G, c.B) : SKColors.Black);
        using SKData data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>
    /// Writes <see cref="EncodePng"/>'s result to <paramref name="path"/> atomically (temporary file, then rename);
    /// the folder is created if missing. An existing file is replaced whole.
    /// </summary>
    /// <param name="images">The images.</param>
    /// <param name="path">The PNG file.</param>
    /// <param name="columns">Tiles per row; null means ceil(sqrt(Count)).</param>
    /// <param name="padding">Pixels between tiles; the default is 2.</param>
    public static void SavePng(ImageBatch images, string path, int? columns = null, int padding = 2)
    {
        byte[] png = EncodePng(images, columns, padding);
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temporary = full + ".tmp";
        File.WriteAllBytes(temporary, png);
        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>Renders the grid into a new bitmap (the caller disposes it).</summary>
    /// <param name="images">The images, values in [-1, 1]; 1 or 3 channels.</param>
    /// <param name="columns">Tiles per row; null means ceil(sqrt(Count)).</param>
    /// <param name="padding">Pixels between tiles and around the grid.</param>
    /// <param name="background">Colour of the padding.</param>
    internal static SKBitmap Render(ImageBatch images, int? columns, int padding, SKColor background)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count < 1)
        {
            throw new ArgumentException("There are no images to lay out.", nameof(images));
        }

        int channels = images.Shape.Channels;
        if (channels is not (1 or 3))
        {
            throw new ArgumentException($"Only 1- or 3-channel images can be drawn; these have {channels}.", nameof(images));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        int cols = columns ?? (int)Math.Ceiling(Math.Sqrt(images.Count));
        ArgumentOutOfRangeException.ThrowIfLessThan(cols, 1, nameof(columns));
        cols = Math.Min(cols, images.Count);
        int rows = (images.Count + cols - 1) / cols;
        int h = images.Shape.Height;
        int w = images.Shape.Width;
        int width = cols * (w + padding) + padding;
        int height = rows * (h + padding) + padding;

        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        bitmap.Erase(background);
        byte[] rgba = new byte[width * height * 4];
        bitmap.GetPixelSpan().CopyTo(rgba);
        int plane = h * w;
        for (int n = 0; n < images.Count; n++)
        {
            ReadOnlySpan<float> image = images.Image(n); // [C, H, W]
            int left = padding + (n % cols) * (w + padding);
            int top = padding + (n / cols) * (h + padding);
            for (int y = 0; y < h; y++)
            {
                for (int x = 0; x < w; x++)
                {
                    int at = ((top + y) * width + left + x) * 4;
                    int p = y * w + x;
                    rgba[at] = ToByte(image[p]);
                    rgba[at + 1] = ToByte(image[channels == 3 ? plane + p : p]);
                    rgba[at + 2] = ToByte(image[channels == 3 ? 2 * plane + p : p]);
                    rgba[at + 3] = 255;
                }
            }
        }

        System.Runtime.InteropServices.Marshal.Copy(rgba, 0, bitmap.GetPixels(), rgba.Length);
        return bitmap;
    }

    /// <summary>[-1, 1] to [0, 255], rounded; values outside the range are clipped (generator outputs are tanh-bounded).</summary>
    /// <param name="value">A pixel value.</param>
    internal static byte ToByte(float value) => (byte)Math.Clamp(MathF.Round((value + 1f) * 127.5f), 0f, 255f);
}
