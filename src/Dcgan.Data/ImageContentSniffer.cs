// ImageContentSniffer: names an image file's format from its first bytes (magic numbers), never from its extension.
using SkiaSharp;

namespace Dcgan.Data;

/// <summary>
/// Recognises the formats the folder reader decodes by their signatures: PNG, JPEG, GIF, WebP and BMP. Skia itself
/// also accepts formats with weak signatures (WBMP starts with two zero bytes), so a file of another kind (an IDX file
/// renamed <c>.png</c>) could be decoded as noise; checking the signature first means such a file is refused instead.
/// </summary>
internal static class ImageContentSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> looks at.</summary>
    public const int HeadLength = 16;

    /// <summary>The formats that are decoded, for messages.</summary>
    public const string Supported = "PNG, JPEG, GIF, WebP or BMP";

    /// <summary>The format whose signature <paramref name="head"/> starts with, or <see langword="null"/>.</summary>
    public static SKEncodedImageFormat? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return SKEncodedImageFormat.Png;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return SKEncodedImageFormat.Jpeg;
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return SKEncodedImageFormat.Gif;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return SKEncodedImageFormat.Webp;
        }

        if (head.StartsWith("BM"u8) && head.Length >= 14)
        {
            return SKEncodedImageFormat.Bmp;
        }

        return null;
    }

    /// <summary>A short description of content that is not a supported image, for error messages.</summary>
    public static string Describe(ReadOnlySpan<byte> head)
    {
        string bytes = Convert.ToHexString(head[..Math.Min(head.Length, 8)]);
        string spaced = string.Join(' ', Enumerable.Range(0, bytes.Length / 2).Select(i => bytes.Substring(2 * i, 2)));
        string? kind = head switch
        {
            _ when head.StartsWith((ReadOnlySpan<byte>)[0x49, 0x49, 0x2A, 0x00]) || head.StartsWith((ReadOnlySpan<byte>)[0x4D, 0x4D, 0x00, 0x2A]) => "a TIFF file",
            _ when head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8) => "an ISO media file (HEIF/AVIF)",
            _ when head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) => "gzip data",
            _ when head.StartsWith("PK"u8) => "a zip archive",
            _ when head.Length >= 4 && head[0] == 0 && head[1] == 0 && head[2] is >= 0x08 and <= 0x0E => "possibly an IDX file",
            _ => null,
        };
        return $"starts with bytes {spaced}" + (kind is null ? "" : $" ({kind})");
    }
}
