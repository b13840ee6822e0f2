// SkiaImageDecoder: decode one file with SkiaSharp, then SquareImageTransform (composite, fit to square, resize, planar bytes).
using SkiaSharp;

namespace Dcgan.Data;

/// <summary>
/// The SkiaSharp pipeline behind <see cref="ImageFolderDataSource"/>. Every call creates and disposes its own
/// Skia objects, so calls on different threads do not share state.
/// </summary>
internal static class SkiaImageDecoder
{
    /// <summary>Checks a file cheaply (header only) and returns its size; throws naming the file if it cannot be decoded.</summary>
    public static (int Width, int Height) Probe(string path)
    {
        long length = new FileInfo(path).Length;
        if (length == 0)
        {
            throw new InvalidDataException($"Image file '{path}' is empty (0 bytes); expected a PNG or JPEG image.");
        }

        using var codec = SKCodec.Create(path, out SKCodecResult result)
            ?? throw new InvalidDataException(
                $"Image file '{path}' ({length} bytes) could not be decoded: SkiaSharp reported {result}; expected a PNG or JPEG image.");
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0)
        {
            throw new InvalidDataException($"Image file '{path}' has size {info.Width}x{info.Height}; expected a positive width and height.");
        }

        return (info.Width, info.Height);
    }

    /// <summary>
    /// Decodes <paramref name="path"/> and hands it to <see cref="SquareImageTransform.Decode"/>: composited over
    /// <paramref name="background"/>, fitted to the square by <paramref name="fit"/>, resized to <paramref name="size"/>,
    /// channel-first bytes in <paramref name="destination"/>.
    /// </summary>
    public static void Decode(string path, int size, ImageFit fit, ColorMode mode, RgbColor background, Span<byte> destination)
    {
        using var codec = SKCodec.Create(path, out SKCodecResult createResult)
            ?? throw new InvalidDataException($"Image file '{path}' could not be decoded: SkiaSharp reported {createResult}.");
        SquareImageTransform.Decode(codec, $"Image file '{path}'", size, fit, mode, background, destination);
    }
}
