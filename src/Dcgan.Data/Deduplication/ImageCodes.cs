// ImageCodes: runs a per-image hash over a data source in index order, keeping one image per thread in memory.
namespace Dcgan.Data;

/// <summary>Streams a data source through a hash function, two threads at a time.</summary>
internal static class ImageCodes
{
    /// <summary>Parallel degree: the machines this library is measured on have 2 cores.</summary>
    private const int Threads = 2;

    /// <summary>
    /// One code per image of <paramref name="source"/>. <paramref name="hasherFactory"/> is called once per worker thread
    /// (a hasher may keep scratch buffers); memory holds one image per thread plus the codes.
    /// </summary>
    public static UInt128[] ComputeAll(IImageDataSource source, Func<ImageShape, Func<ReadOnlySpan<float>, UInt128>> hasherFactory)
    {
        RequireImages(source);
        var codes = new UInt128[source.Count];
        int length = source.Shape.ElementCount;
        int chunk = (source.Count + Threads - 1) / Threads;
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, worker =>
        {
            Func<ReadOnlySpan<float>, UInt128> hash = hasherFactory(source.Shape);
            float[] image = new float[length];
            for (int i = worker * chunk; i < Math.Min(source.Count, (worker + 1) * chunk); i++)
            {
                source.CopyImage(i, image);
                codes[i] = hash(image);
            }
        });
        return codes;
    }

    /// <summary>Throws a clear error for a null or empty source.</summary>
    public static void RequireImages(IImageDataSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Count < 1)
        {
            throw new ArgumentException($"The data source '{source.Description}' has no images; there is nothing to de-duplicate.", nameof(source));
        }
    }
}
