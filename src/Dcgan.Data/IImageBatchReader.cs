// IImageBatchReader: a data source that reads a whole batch at once (an image folder decodes its files in parallel);
// the trainer's prefetcher and the ReadAll/ReadRange/ReadImages extensions go through CopyImages below.
namespace Dcgan.Data;

/// <summary>
/// Implemented by data sources that read several images faster together than one <see cref="IImageDataSource.CopyImage"/>
/// call at a time (<see cref="ImageFolderDataSource"/> decodes a batch's files on several threads). The result must be
/// exactly what one <see cref="IImageDataSource.CopyImage"/> call per index would write.
/// </summary>
internal interface IImageBatchReader
{
    /// <summary>Writes image <c>indices[i]</c> to <c>destination[i * ElementCount ..]</c> for every i.</summary>
    /// <param name="indices">Image indices, each already checked to be in [0, Count).</param>
    /// <param name="destination">At least <c>indices.Count * ElementCount</c> floats.</param>
    void CopyImages(IReadOnlyList<int> indices, float[] destination);

    /// <summary>
    /// Reads the images at <paramref name="indices"/> of <paramref name="source"/> into <paramref name="destination"/>
    /// ([indices.Count, C, H, W]): in one call when the source is an <see cref="IImageBatchReader"/>, otherwise one
    /// <see cref="IImageDataSource.CopyImage"/> call per image on the calling thread.
    /// </summary>
    static void CopyImages(IImageDataSource source, IReadOnlyList<int> indices, float[] destination)
    {
        if (source is IImageBatchReader reader)
        {
            reader.CopyImages(indices, destination);
            return;
        }

        int length = source.Shape.ElementCount;
        for (int i = 0; i < indices.Count; i++)
        {
            source.CopyImage(indices[i], destination.AsSpan(i * length, length));
        }
    }
}
