// SkiaImageDecoder: decode one file with SkiaSharp, then ImageFitTransform (composite, fit to the target, resize, planar bytes).
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
    /// Decodes <paramref name="path"/> and hands it to <see cref="ImageFitTransform.Decode"/>: composited over
    /// <paramref name="background"/>, fitted to the target by <paramref name="fit"/>, resized to <paramref name="target"/>'s height and width,
    /// channel-first bytes in <paramref name="destination"/>.
    /// </summary>
    /// <remarks>The header is checked again (format by content, size against <paramref name="maxPixels"/>) before any pixel memory is allocated.</remarks>
    public static void Decode(string path, ImageShape target, ImageFit fit, ColorMode mode, RgbColor background, long maxPixels, Span<byte> destination)
    {
        using var codec = ImageFileChecks.OpenCodec(path, maxPixels);
        ImageFitTransform.Decode(codec, $"Image file '{path}'", target, fit, mode, background, destination);
    }
}
