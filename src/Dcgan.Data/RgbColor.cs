// RgbColor: an opaque 8-bit colour, used as the background that transparent pixels are composited over.
namespace Dcgan.Data;

/// <summary>An opaque 8-bit RGB colour.</summary>
/// <param name="R">Red, 0-255.</param>
/// <param name="G">Green, 0-255.</param>
/// <param name="B">Blue, 0-255.</param>
public readonly record struct RgbColor(byte R, byte G, byte B)
{
    /// <summary>White (255, 255, 255).</summary>
    public static RgbColor White => new(255, 255, 255);

    /// <summary>Black (0, 0, 0).</summary>
    public static RgbColor Black => new(0, 0, 0);

    /// <inheritdoc />
    public override string ToString() => $"#{R:X2}{G:X2}{B:X2}";
}
