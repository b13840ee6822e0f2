// RgbColor: an opaque 8-bit colour, used as the background that transparent pixels are composited over.
// It converts from text ("white", "black", "#RRGGBB"), so options that hold one bind from configuration.
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Dcgan.Data;

/// <summary>An opaque 8-bit RGB colour.</summary>
/// <param name="R">Red, 0-255.</param>
/// <param name="G">Green, 0-255.</param>
/// <param name="B">Blue, 0-255.</param>
[TypeConverter(typeof(RgbColorConverter))]
public readonly record struct RgbColor(byte R, byte G, byte B)
{
    /// <summary>White (255, 255, 255).</summary>
    public static RgbColor White => new(255, 255, 255);

    /// <summary>Black (0, 0, 0).</summary>
    public static RgbColor Black => new(0, 0, 0);

    /// <summary>Reads <c>"white"</c>, <c>"black"</c> (any letter case) or <c>"#RRGGBB"</c> (hexadecimal).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The colour.</returns>
    /// <exception cref="FormatException">The text is none of those; the message names it.</exception>
    public static RgbColor Parse(string text) =>
        TryParse(text, out RgbColor color)
            ? color
            : throw new FormatException($"Colour '{text}' is not valid: expected \"white\", \"black\" or \"#RRGGBB\" (hexadecimal).");

    /// <summary>Reads a colour as <see cref="Parse"/> does, without throwing.</summary>
    /// <param name="text">The text.</param>
    /// <param name="color">The colour, when the text is valid.</param>
    /// <returns>Whether the text is valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out RgbColor color)
    {
        color = default;
        string value = text?.Trim() ?? "";
        if (value.Equals("white", StringComparison.OrdinalIgnoreCase))
        {
            color = White;
            return true;
        }

        if (value.Equals("black", StringComparison.OrdinalIgnoreCase))
        {
            color = Black;
            return true;
        }

        if (value.Length == 7 && value[0] == '#'
            && uint.TryParse(value.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint rgb))
        {
            color = new RgbColor((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);
            return true;
        }

        return false;
    }

    /// <summary>The colour as <c>#RRGGBB</c>, which <see cref="Parse"/> reads back.</summary>
    public override string ToString() => $"#{R:X2}{G:X2}{B:X2}";
}
