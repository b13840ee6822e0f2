// SkiaImageDecoder: decode one file with SkiaSharp, composite over a background, centre-crop, resize, to planar bytes.
using SkiaSharp;

namespace Dcgan.Data;

/// <summary>
/// The SkiaSharp pipeline behind <see cref="ImageFolderDataSource"/>. Every call creates and disposes its own
/// Skia objects, so calls on different threads do not share state.
/// </summary>
internal static class SkiaImageDecoder
{
    /// <summary>Checks a file cheaply (header only) and returns its size; throws naming the file if it cannot be decoded.</summary>
    public static (int Width, int Height) Probe(string path, long maxPixels)
    {
        using var codec = ImageFileChecks.OpenCodec(path, maxPixels);
        return (codec.Info.Width, codec.Info.Height);
    }

    /// <summary>
    /// Decodes <paramref name="path"/>, composites it over <paramref name="background"/>, crops the centre
    /// square, resizes it to <paramref name="size"/> and writes channel-first bytes into <paramref name="destination"/>.
    /// </summary>
    /// <remarks>The header is checked again (format by content, size against <paramref name="maxPixels"/>) before any pixel memory is allocated.</remarks>
    public static void Decode(string path, int size, ColorMode mode, RgbColor background, long maxPixels, Span<byte> destination)
    {
        using var codec = ImageFileChecks.OpenCodec(path, maxPixels);
        var sourceInfo = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var source = new SKBitmap(sourceInfo);
        SKCodecResult result = codec.GetPixels(sourceInfo, source.GetPixels());
        if (result != SKCodecResult.Success)
        {
            // IncompleteInput means a truncated file; Skia would fill the rest with zeros, which we refuse to train on.
            throw new InvalidDataException($"Image file '{path}' could not be fully decoded: SkiaSharp reported {result}.");
        }

        int side = Math.Min(sourceInfo.Width, sourceInfo.Height);
        var crop = SKRectI.Create((sourceInfo.Width - side) / 2, (sourceInfo.Height - side) / 2, side, side);
        var target = new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var output = new SKBitmap(target);
        using (var canvas = new SKCanvas(output))
        using (var image = SKImage.FromBitmap(source))
        {
            canvas.Clear(new SKColor(background.R, background.G, background.B, 255));
            canvas.DrawImage(image, crop, SKRect.Create(0, 0, size, size), SamplingFor(side, size));
        }

        WritePlanar(output.GetPixelSpan(), size * size, mode, destination);
    }

    /// <summary>
    /// Shrinking: bilinear with linear mipmaps (no aliasing). Enlarging: Mitchell cubic. Same size: nearest (exact copy).
    /// This is the mapping SkiaSharp used for the old <c>SKFilterQuality.High</c>.
    /// </summary>
    private static SKSamplingOptions SamplingFor(int sourceSide, int targetSide) =>
        sourceSide > targetSide ? new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear)
        : sourceSide < targetSide ? new SKSamplingOptions(SKCubicResampler.Mitchell)
        : new SKSamplingOptions(SKFilterMode.Nearest, SKMipmapMode.None);

    /// <summary>RGBA (opaque after compositing) to [R plane, G plane, B plane] or one BT.601 luma plane.</summary>
    private static void WritePlanar(ReadOnlySpan<byte> rgba, int pixels, ColorMode mode, Span<byte> destination)
    {
        if (mode == ColorMode.Grayscale)
        {
            for (int i = 0; i < pixels; i++)
            {
                int r = rgba[4 * i], g = rgba[4 * i + 1], b = rgba[4 * i + 2];
                destination[i] = (byte)((r * 299 + g * 587 + b * 114 + 500) / 1000);
            }

            return;
        }

        for (int i = 0; i < pixels; i++)
        {
            destination[i] = rgba[4 * i];
            destination[pixels + i] = rgba[4 * i + 1];
            destination[2 * pixels + i] = rgba[4 * i + 2];
        }
    }
}
