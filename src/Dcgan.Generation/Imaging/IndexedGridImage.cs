// IndexedGridImage: a grid of images with each tile's index drawn in a band under it, so a person can pick
// exemplars by number. Tiles can be scaled up (nearest neighbour) so that small images and labels are legible.
//
// Layout (all in output pixels): padding, then per row: tile (TileWidth x TileHeight) above a label band
// (TileWidth x BandHeight), then padding. Label text is white on the band, centred.
using Dcgan.Data;
using SkiaSharp;

namespace Dcgan.Imaging;

/// <summary>Renders and encodes grids of images with each tile's index (or any number) drawn under it.</summary>
public static class IndexedGridImage
{
    /// <summary>The layout for <paramref name="count"/> tiles of <paramref name="shape"/>.</summary>
    /// <param name="count">Number of tiles, at least 1.</param>
    /// <param name="shape">Shape of one image.</param>
    /// <param name="columns">Tiles per row; null means ceil(sqrt(count)).</param>
    /// <param name="scale">Integer magnification of each image, at least 1; the default is 1.</param>
    /// <param name="padding">Pixels between cells; the default is 2.</param>
    public static IndexedGridLayout Layout(int count, ImageShape shape, int? columns = null, int scale = 1, int padding = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        int cols = Math.Min(columns ?? (int)Math.Ceiling(Math.Sqrt(count)), count);
        ArgumentOutOfRangeException.ThrowIfLessThan(cols, 1, nameof(columns));
        int rows = (count + cols - 1) / cols;
        return new IndexedGridLayout(cols, rows, shape.Width * scale, shape.Height * scale, BandHeight(shape.Width * scale), padding);
    }

    /// <summary>
    /// Renders the grid into a new bitmap (the caller disposes it). Tile n is labelled <c>labels[n]</c>, or n
    /// when <paramref name="labels"/> is null.
    /// </summary>
    /// <param name="images">The images, values in [-1, 1]; 1 or 3 channels.</param>
    /// <param name="labels">One number per image; null means 0, 1, 2, ...</param>
    /// <param name="columns">Tiles per row; null means ceil(sqrt(Count)).</param>
    /// <param name="scale">Integer magnification, at least 1; the default is 1.</param>
    /// <param name="fontFamily">Label font family; the default is "DejaVu Sans".</param>
    /// <exception cref="FontUnavailableException">The font family is not installed (labels would vanish).</exception>
    /// <exception cref="ArgumentException">Label count differs from the image count; no images; unsupported channels.</exception>
    internal static SKBitmap Render(ImageBatch images, IReadOnlyList<int>? labels = null, int? columns = null, int scale = 1,
        string fontFamily = LabelTypeface.DefaultFamily)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (labels is not null && labels.Count != images.Count)
        {
            throw new ArgumentException($"There are {labels.Count} labels for {images.Count} images.", nameof(labels));
        }

        using SKTypeface typeface = LabelTypeface.Resolve(fontFamily);
        IndexedGridLayout layout = Layout(images.Count, images.Shape, columns, scale);
        var bitmap = new SKBitmap(new SKImageInfo(layout.Width, layout.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        try
        {
            using var canvas = new SKCanvas(bitmap);
            canvas.Clear(SKColors.Black);
            using var font = new SKFont(typeface, size: layout.BandHeight - 3);
            using var textPaint = new SKPaint { Color = SKColors.White, IsAntialias = true };
            var sampling = new SKSamplingOptions(SKFilterMode.Nearest);
            for (int n = 0; n < images.Count; n++)
            {
                var one = new ImageBatch(1, images.Shape, images.Image(n).ToArray());
                using (SKBitmap tile = ImageGrid.Render(one, columns: 1, padding: 0, SKColors.Black))
                using (SKImage tileImage = SKImage.FromBitmap(tile))
                {
                    canvas.DrawImage(tileImage, SKRect.Create(layout.TileRect(n).Left, layout.TileRect(n).Top, layout.TileWidth, layout.TileHeight), sampling);
                }

                PixelRect label = layout.LabelRect(n);
                var band = new SKRectI(label.Left, label.Top, label.Right, label.Bottom);
                string text = (labels?[n] ?? n).ToString(System.Globalization.CultureInfo.InvariantCulture);
                canvas.DrawText(text, band.MidX, band.Bottom - 3, SKTextAlign.Center, font, textPaint);
            }

            canvas.Flush();
            return bitmap;
        }
        catch
        {
            bitmap.Dispose();
            throw;
        }
    }

    /// <summary>Renders (see <see cref="Render"/>) and encodes as PNG.</summary>
    /// <param name="images">The images.</param>
    /// <param name="labels">One number per image; null means 0, 1, 2, ...</param>
    /// <param name="columns">Tiles per row; null means ceil(sqrt(Count)).</param>
    /// <param name="scale">Integer magnification, at least 1; the default is 1.</param>
    /// <param name="fontFamily">Label font family; the default is "DejaVu Sans".</param>
    /// <returns>The PNG file's bytes.</returns>
    /// <exception cref="FontUnavailableException">The font family is not installed.</exception>
    public static byte[] EncodePng(ImageBatch images, IReadOnlyList<int>? labels = null, int? columns = null, int scale = 1,
        string fontFamily = LabelTypeface.DefaultFamily)
    {
        using SKBitmap bitmap = Render(images, labels, columns, scale, fontFamily);
        using SKData data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Writes <see cref="EncodePng"/>'s result to <paramref name="path"/> (folder created; file replaced whole).</summary>
    /// <param name="images">The images.</param>
    /// <param name="path">The PNG file.</param>
    /// <param name="labels">One number per image; null means 0, 1, 2, ...</param>
    /// <param name="columns">Tiles per row; null means ceil(sqrt(Count)).</param>
    /// <param name="scale">Integer magnification, at least 1; the default is 1.</param>
    /// <exception cref="FontUnavailableException">The font family is not installed.</exception>
    public static void SavePng(ImageBatch images, string path, IReadOnlyList<int>? labels = null, int? columns = null, int scale = 1) =>
        PngFiles.WriteAtomically(path, EncodePng(images, labels, columns, scale));

    // Label text height tracks the tile width a little so that labels stay legible without dwarfing tiles.
    private static int BandHeight(int tileWidth) => Math.Clamp(tileWidth / 4, 12, 20);
}
