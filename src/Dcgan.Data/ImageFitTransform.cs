// ImageFitTransform: a decoded image -> composited over the background, fitted to the target rectangle (centre crop
// by default), resized, and written as planar bytes. Shared by every reader that decodes image files.
using SkiaSharp;

namespace Dcgan.Data;

/// <summary>
/// The pixel pipeline after decoding: composite over a background, fit to the target (<see cref="ImageFit"/>), resize,
/// convert to <see cref="ColorMode"/>, write channel-first bytes. Creates and disposes its own Skia objects.
/// </summary>
internal static class ImageFitTransform
{
    /// <summary>
    /// Where the source goes: the part of the source that is drawn and the rectangle of the targetWidth x targetHeight
    /// target it fills. Centre crop takes the largest centred crop with the target's aspect ratio (rounded down) and
    /// rounds its offset down, like <c>(W - side) / 2</c>; for a square target that is the largest centred square.
    /// </summary>
    public static (SKRectI Source, SKRect Target) Layout(int width, int height, int targetWidth, int targetHeight, ImageFit fit)
    {
        switch (fit)
        {
            case ImageFit.CenterCrop:
                int cropWidth = (int)Math.Min(width, (long)height * targetWidth / targetHeight);
                int cropHeight = (int)Math.Min(height, (long)width * targetHeight / targetWidth);
                return (SKRectI.Create((width - cropWidth) / 2, (height - cropHeight) / 2, cropWidth, cropHeight), SKRect.Create(0, 0, targetWidth, targetHeight));
            case ImageFit.Stretch:
                return (SKRectI.Create(0, 0, width, height), SKRect.Create(0, 0, targetWidth, targetHeight));
            case ImageFit.Pad:
                float scale = Math.Min((float)targetWidth / width, (float)targetHeight / height);
                float w = width * scale, h = height * scale;
                return (SKRectI.Create(0, 0, width, height), SKRect.Create((targetWidth - w) / 2, (targetHeight - h) / 2, w, h));
            default:
                throw new ArgumentOutOfRangeException(nameof(fit), fit, "Expected CenterCrop, Stretch or Pad.");
        }
    }

    /// <summary>
    /// Decodes all of <paramref name="codec"/>'s image and hands it to <see cref="Apply"/>; a decode that is not complete
    /// (a truncated file) throws <see cref="InvalidDataException"/> starting with <paramref name="what"/> (for example
    /// <c>Image file '/x.png'</c>).
    /// </summary>
    public static void Decode(SKCodec codec, string what, ImageShape target, ImageFit fit, ColorMode mode, RgbColor background, Span<byte> destination)
    {
        var sourceInfo = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var source = new SKBitmap(sourceInfo);
        SKCodecResult result = codec.GetPixels(sourceInfo, source.GetPixels());
        if (result != SKCodecResult.Success)
        {
            // IncompleteInput means a truncated file; Skia would fill the rest with zeros, which we refuse to train on.
            throw new InvalidDataException($"{what} could not be fully decoded: SkiaSharp reported {result}.");
        }

        Apply(source, target, fit, mode, background, destination);
    }

    /// <summary>
    /// Draws <paramref name="source"/> (premultiplied RGBA) over <paramref name="background"/> into the target's
    /// height x width, laid out by <paramref name="fit"/>, and writes [C, H, W] bytes into <paramref name="destination"/>
    /// (the target's channel count is <paramref name="mode"/>'s).
    /// </summary>
    public static void Apply(SKBitmap source, ImageShape target, ImageFit fit, ColorMode mode, RgbColor background, Span<byte> destination)
    {
        (SKRectI crop, SKRect area) = Layout(source.Width, source.Height, target.Width, target.Height, fit);
        var info = new SKImageInfo(target.Width, target.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var output = new SKBitmap(info);
        using (var canvas = new SKCanvas(output))
        using (var image = SKImage.FromBitmap(source))
        {
            canvas.Clear(new SKColor(background.R, background.G, background.B, 255));
            canvas.DrawImage(image, crop, area, SamplingFor(Math.Max(crop.Width, crop.Height), Math.Max(area.Width, area.Height)));
        }

        WritePlanar(output.GetPixelSpan(), target.Height * target.Width, mode, destination);
    }

    /// <summary>
    /// Shrinking: bilinear with linear mipmaps (no aliasing). Enlarging: Mitchell cubic. Same size: nearest (exact copy).
    /// This is the mapping SkiaSharp used for the old <c>SKFilterQuality.High</c>.
    /// </summary>
    private static SKSamplingOptions SamplingFor(int sourceSide, float targetSide) =>
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
