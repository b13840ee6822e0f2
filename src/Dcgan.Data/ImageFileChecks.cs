// ImageFileChecks: opens an image file's codec after checking, from the header alone, that it is a supported format
// by content and that its claimed size is within the bound; every refusal names the file.
using System.Globalization;
using SkiaSharp;

namespace Dcgan.Data;

/// <summary>
/// The checks an image file passes before any pixel memory is allocated for it: not empty, a supported format by its
/// signature (<see cref="ImageContentSniffer"/>; the extension is not trusted), a header SkiaSharp can parse as that
/// same format, a positive size of at most <see cref="ImageDataSourceOptions.MaxSourcePixels"/> pixels, and a
/// single frame.
/// </summary>
internal static class ImageFileChecks
{
    /// <summary>Opens the codec of <paramref name="path"/>; the caller disposes it.</summary>
    /// <exception cref="InvalidDataException">A check failed; the message names the file and what was found.</exception>
    public static SKCodec OpenCodec(string path, long maxPixels)
    {
        Span<byte> head = stackalloc byte[ImageContentSniffer.HeadLength];
        long length;
        int got;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1))
        {
            length = stream.Length;
            got = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        head = head[..got];
        return Open(head, length, $"Image file '{path}'", $" (the format is taken from the content, not from the '{Path.GetExtension(path)}' extension)",
            () => SKCodec.Create(path, out SKCodecResult result) is { } codec ? (codec, result) : (null, result), maxPixels);
    }

    /// <summary>
    /// Opens the codec of encoded image bytes held in memory (for example an LMDB record) after the same checks as a
    /// file; every message starts with <paramref name="subject"/>. The caller disposes the codec.
    /// </summary>
    /// <exception cref="InvalidDataException">A check failed; the message names the subject and what was found.</exception>
    public static SKCodec OpenCodec(byte[] encoded, string subject, long maxPixels)
    {
        ReadOnlySpan<byte> head = encoded.AsSpan(0, Math.Min(encoded.Length, ImageContentSniffer.HeadLength));
        return Open(head, encoded.Length, subject, "",
            () => SKCodec.Create(new SKMemoryStream(encoded), out SKCodecResult result) is { } codec ? (codec, result) : (null, result), maxPixels);
    }

    private static SKCodec Open(ReadOnlySpan<byte> head, long length, string subject, string formatNote, Func<(SKCodec? Codec, SKCodecResult Result)> create, long maxPixels)
    {
        if (length == 0)
        {
            throw new InvalidDataException($"{subject} is empty (0 bytes); expected a {ImageContentSniffer.Supported} image.");
        }

        SKEncodedImageFormat format = ImageContentSniffer.Sniff(head)
            ?? throw new InvalidDataException(
                $"{subject} ({length} bytes) could not be decoded: its content {ImageContentSniffer.Describe(head)}, " +
                $"which is not a {ImageContentSniffer.Supported} image{formatNote}.");

        (SKCodec? codec, SKCodecResult result) = create();
        if (codec is null)
        {
            throw new InvalidDataException(result == SKCodecResult.Unimplemented
                ? $"{subject} ({length} bytes) is a {format} image by its content, which this SkiaSharp build cannot decode; convert it to PNG or JPEG."
                : $"{subject} ({length} bytes) could not be decoded: it starts like a {format} image, but SkiaSharp reported {result} reading its header; expected a complete {ImageContentSniffer.Supported} image.");
        }

        try
        {
            Check(codec, subject, length, format, maxPixels);
            return codec;
        }
        catch
        {
            codec.Dispose();
            throw;
        }
    }

    private static void Check(SKCodec codec, string subject, long length, SKEncodedImageFormat format, long maxPixels)
    {
        if (codec.EncodedFormat != format)
        {
            throw new InvalidDataException(
                $"{subject} ({length} bytes) starts like a {format} image, but SkiaSharp read it as {codec.EncodedFormat}; refused rather than misread.");
        }

        int width = codec.Info.Width, height = codec.Info.Height;
        if (width <= 0 || height <= 0)
        {
            throw new InvalidDataException($"{subject} has size {width}x{height}; expected a positive width and height.");
        }

        long pixels = (long)width * height;
        if (pixels > maxPixels)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{subject} ({length} bytes) claims {width}x{height} ({pixels} pixels) in its {format} header, more than " +
                $"MaxSourcePixels = {maxPixels} (ImageDataSourceOptions.MaxSourcePixels); refused before decoding. Raise the option if the image is genuine."));
        }

        int frames = codec.FrameCount;
        if (frames > 1)
        {
            throw new InvalidDataException(
                $"{subject} is an animated {format} with {frames} frames; expected a still image (only its first frame would be read).");
        }
    }
}
