// ImageRows: lays out several image sequences as rows of one grid (walk strips: one row per walk; arithmetic:
// exemplars per term, then the result and its neighbours), and writes sequences as numbered frame files.
using Dcgan.Data;

namespace Dcgan.Imaging;

/// <summary>Row layouts and frame folders for sequences of images.</summary>
public static class ImageRows
{
    /// <summary>The pixel value of blank cells (black).</summary>
    /// <value>The default value is -1 (black in [-1, 1]).</value>
    public const float BlankValue = -1f;

    /// <summary>
    /// Stacks <paramref name="rows"/> into one batch of <c>rows.Count * columns</c> images, row after row; rows
    /// shorter than the longest are padded on the right with blank (black) images. Lay it out with
    /// <c>ImageGrid.EncodePng(batch, columns)</c>.
    /// </summary>
    /// <param name="rows">One or more batches of the same image shape.</param>
    /// <returns>The batch and the number of columns (the longest row).</returns>
    /// <exception cref="ArgumentException">No rows, an empty row, or differing image shapes.</exception>
    public static (ImageBatch Images, int Columns) Stack(IReadOnlyList<ImageBatch> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("There are no rows to lay out.", nameof(rows));
        }

        ImageShape shape = rows[0].Shape;
        for (int r = 0; r < rows.Count; r++)
        {
            if (rows[r].Count < 1)
            {
                throw new ArgumentException($"Row {r} has no images.", nameof(rows));
            }

            if (rows[r].Shape != shape)
            {
                throw new ArgumentException($"Row {r} has images of shape {rows[r].Shape} but row 0 has {shape}.", nameof(rows));
            }
        }

        int columns = rows.Max(r => r.Count);
        int size = shape.ElementCount;
        var pixels = new float[rows.Count * columns * size];
        Array.Fill(pixels, BlankValue);
        for (int r = 0; r < rows.Count; r++)
        {
            rows[r].Pixels.AsSpan(0, rows[r].Count * size).CopyTo(pixels.AsSpan(r * columns * size));
        }

        return (new ImageBatch(rows.Count * columns, shape, pixels), columns);
    }

    /// <summary>Writes the rows as one PNG grid, one row per sequence (see <see cref="Stack"/>).</summary>
    /// <param name="rows">One or more batches of the same image shape.</param>
    /// <param name="path">The PNG file; folder created, file replaced whole.</param>
    /// <param name="padding">Pixels between tiles; the default is 2.</param>
    public static void SaveStrip(IReadOnlyList<ImageBatch> rows, string path, int padding = 2)
    {
        (ImageBatch images, int columns) = Stack(rows);
        PngFiles.WriteAtomically(path, ImageGrid.EncodePng(images, columns, padding));
    }

    /// <summary>
    /// Writes each image as its own PNG, <c>frame-0000.png</c>, <c>frame-0001.png</c>, ... in
    /// <paramref name="folder"/> (created if missing). Existing <c>frame-*.png</c> files there are deleted first,
    /// so the folder holds exactly this sequence (ready for e.g. <c>ffmpeg -i frame-%04d.png</c>).
    /// </summary>
    /// <param name="frames">The images, in order.</param>
    /// <param name="folder">The frame folder.</param>
    /// <returns>The paths written, in order.</returns>
    public static IReadOnlyList<string> SaveFrames(ImageBatch frames, string folder)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        string full = Path.GetFullPath(folder);
        Directory.CreateDirectory(full);
        foreach (string stale in Directory.EnumerateFiles(full, "frame-*.png"))
        {
            File.Delete(stale);
        }

        var paths = new List<string>(frames.Count);
        for (int n = 0; n < frames.Count; n++)
        {
            var one = new ImageBatch(1, frames.Shape, frames.Image(n).ToArray());
            string path = Path.Combine(full, $"frame-{n:D4}.png");
            PngFiles.WriteAtomically(path, ImageGrid.EncodePng(one, columns: 1, padding: 0));
            paths.Add(path);
        }

        return paths;
    }
}
