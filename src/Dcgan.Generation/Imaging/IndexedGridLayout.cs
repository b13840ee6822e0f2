// IndexedGridLayout: where the tiles and label bands of an indexed grid are, in output pixels (also what a UI needs
// to map a click on the picture back to a tile index).
namespace Dcgan.Imaging;

/// <summary>Where the tiles and labels of an indexed grid are.</summary>
/// <param name="Columns">Tiles per row.</param>
/// <param name="Rows">Rows of tiles.</param>
/// <param name="TileWidth">Width of a tile in output pixels (image width times scale).</param>
/// <param name="TileHeight">Height of a tile in output pixels.</param>
/// <param name="BandHeight">Height of the label band under each tile.</param>
/// <param name="Padding">Pixels between cells and around the grid.</param>
public sealed record IndexedGridLayout(int Columns, int Rows, int TileWidth, int TileHeight, int BandHeight, int Padding)
{
    /// <summary>Width of the whole picture.</summary>
    public int Width => Columns * (TileWidth + Padding) + Padding;

    /// <summary>Height of the whole picture.</summary>
    public int Height => Rows * (TileHeight + BandHeight + Padding) + Padding;

    /// <summary>The rectangle of tile <paramref name="index"/>'s image.</summary>
    /// <param name="index">The tile's position in the grid.</param>
    public PixelRect TileRect(int index)
    {
        int left = Padding + (index % Columns) * (TileWidth + Padding);
        int top = Padding + (index / Columns) * (TileHeight + BandHeight + Padding);
        return new PixelRect(left, top, TileWidth, TileHeight);
    }

    /// <summary>The rectangle of tile <paramref name="index"/>'s label band.</summary>
    /// <param name="index">The tile's position in the grid.</param>
    public PixelRect LabelRect(int index)
    {
        PixelRect tile = TileRect(index);
        return new PixelRect(tile.Left, tile.Bottom, TileWidth, BandHeight);
    }
}
