// PixelRect: a rectangle of whole pixels in a rendered picture (where a tile or a label band is), with no imaging
// library's types at the surface.
namespace Dcgan.Imaging;

/// <summary>A rectangle of pixels: columns <see cref="Left"/> to <see cref="Right"/> - 1, rows <see cref="Top"/> to <see cref="Bottom"/> - 1.</summary>
/// <param name="Left">The first column.</param>
/// <param name="Top">The first row.</param>
/// <param name="Width">Number of columns, at least 0.</param>
/// <param name="Height">Number of rows, at least 0.</param>
public readonly record struct PixelRect(int Left, int Top, int Width, int Height)
{
    /// <summary>One past the last column: <c>Left + Width</c>.</summary>
    public int Right => Left + Width;

    /// <summary>One past the last row: <c>Top + Height</c>.</summary>
    public int Bottom => Top + Height;

    /// <summary>Whether the pixel (x, y) is inside.</summary>
    /// <param name="x">Column.</param>
    /// <param name="y">Row.</param>
    public bool Contains(int x, int y) => x >= Left && x < Right && y >= Top && y < Bottom;
}
