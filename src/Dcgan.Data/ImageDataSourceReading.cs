// ImageDataSourceExtensions: the one way to read images of an IImageDataSource into a managed ImageBatch outside
// the trainer (the trainer streams shuffled batches with its own prefetcher). Used by the research package for
// whole splits, index subsets and consecutive ranges.

namespace Dcgan.Data;

/// <summary>Reads images of an <see cref="IImageDataSource"/> into managed <see cref="ImageBatch"/> values.</summary>
/// <remarks>
/// Reads happen on the calling thread, one image after another, so any implementation of the interface is safe to
/// use; an <see cref="ImageFolderDataSource"/> decodes the files of one read on its
/// <see cref="ImageFolderDataSource.DecodeThreads"/> (same bytes as one at a time). The result holds <c>count * C * H * W</c> floats; read large sets in ranges when memory matters.
/// </remarks>
public static class ImageDataSourceExtensions
{
    /// <summary>Every image of <paramref name="source"/>, in order.</summary>
    /// <param name="source">The data source.</param>
    /// <returns>[Count, C, H, W] pixels in [-1, 1].</returns>
    public static ImageBatch ReadAll(this IImageDataSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.ReadRange(0, source.Count);
    }

    /// <summary>Images <paramref name="start"/> .. <paramref name="start"/> + <paramref name="count"/> - 1, in order.</summary>
    /// <param name="source">The data source.</param>
    /// <param name="start">The first image, 0 or more.</param>
    /// <param name="count">How many images, 0 or more.</param>
    /// <returns>[count, C, H, W] pixels in [-1, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">The range does not lie inside the source; the message names the range and the source.</exception>
    public static ImageBatch ReadRange(this IImageDataSource source, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (start < 0 || count < 0 || (long)start + count > source.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count,
                $"Images {start} .. {(long)start + count - 1} ({count} from {start}) are not inside {source.Description}, which has {source.Count} images.");
        }

        float[] pixels = Allocate(source, count);
        IImageBatchReader.CopyImages(source, Enumerable.Range(start, count).ToArray(), pixels);

        return new ImageBatch(count, source.Shape, pixels);
    }

    /// <summary>The images at <paramref name="indices"/>, in the order given (repeats allowed).</summary>
    /// <param name="source">The data source.</param>
    /// <param name="indices">Image indices, each in [0, Count).</param>
    /// <returns>[indices.Count, C, H, W] pixels in [-1, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the source; the message names its position and value.</exception>
    public static ImageBatch ReadImages(this IImageDataSource source, IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(indices);
        for (int i = 0; i < indices.Count; i++)
        {
            if ((uint)indices[i] >= (uint)source.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), indices[i],
                    $"Index {indices[i]} at position {i} is outside {source.Description}, which has {source.Count} images (valid: 0 .. {source.Count - 1}).");
            }
        }

        float[] pixels = Allocate(source, indices.Count);
        IImageBatchReader.CopyImages(source, indices, pixels);

        return new ImageBatch(indices.Count, source.Shape, pixels);
    }

    private static float[] Allocate(IImageDataSource source, int count)
    {
        long values = (long)count * source.Shape.ElementCount;
        if (values > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count,
                $"{count} images of {source.Shape} are {values} floats, more than one managed array holds ({Array.MaxLength}); read {source.Description} in smaller ranges.");
        }

        return new float[values];
    }
}
