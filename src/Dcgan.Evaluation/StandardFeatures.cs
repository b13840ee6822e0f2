// StandardFeatures: a TorchScript extractor's features of a generator's seeded samples or of a data set's images,
// read or rendered a chunk at a time so that 50,000 images need memory for one chunk of pixels only.
using Dcgan.Data;
using Dcgan.Features;
using Dcgan.Generation;

namespace Dcgan.Evaluation;

/// <summary>Features of generated or real images for <see cref="StandardMetrics"/>, a chunk of images at a time.</summary>
public static class StandardFeatures
{
    /// <summary>Images read or rendered per chunk (a multiple of the extractor's default batch size).</summary>
    public const int ChunkSize = 512;

    /// <summary>
    /// Features of images 0 .. <paramref name="count"/> - 1 of <paramref name="seed"/> (Dcgan's seed convention,
    /// <see cref="ImageGeneratorExtensions.RenderSeed"/>: the same images for any chunking and backend).
    /// </summary>
    /// <param name="extractor">The feature extractor.</param>
    /// <param name="generator">The generator; images with 1 or 3 channels.</param>
    /// <param name="seed">The seed of the latent vectors.</param>
    /// <param name="count">Number of samples, at least 1.</param>
    /// <param name="batchSize">Images per extractor pass. The default value is <see cref="TorchScriptFeatureExtractor.DefaultBatchSize"/>.</param>
    /// <param name="cancellationToken">Checked before every chunk and batch. The default value is <see cref="CancellationToken.None"/>.</param>
    /// <returns>[count, D] features.</returns>
    public static FeatureMatrix FromGenerator(TorchScriptFeatureExtractor extractor, IImageGenerator generator, long seed, int count,
        int batchSize = TorchScriptFeatureExtractor.DefaultBatchSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(generator);
        return Chunked(extractor, count, batchSize, (start, n) => generator.RenderSeed(seed, n, start), cancellationToken);
    }

    /// <summary>Features of the first <paramref name="count"/> images of <paramref name="source"/>, in order (as StyleGAN2-ADA takes max_real images).</summary>
    /// <param name="extractor">The feature extractor.</param>
    /// <param name="source">The images; 1 or 3 channels.</param>
    /// <param name="count">Number of images, 1 to <c>source.Count</c>.</param>
    /// <param name="batchSize">Images per extractor pass. The default value is <see cref="TorchScriptFeatureExtractor.DefaultBatchSize"/>.</param>
    /// <param name="cancellationToken">Checked before every chunk and batch. The default value is <see cref="CancellationToken.None"/>.</param>
    /// <returns>[count, D] features.</returns>
    public static FeatureMatrix FromDataSource(TorchScriptFeatureExtractor extractor, IImageDataSource source, int count,
        int batchSize = TorchScriptFeatureExtractor.DefaultBatchSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, source.Count);
        return Chunked(extractor, count, batchSize, source.ReadRange, cancellationToken);
    }

    private static FeatureMatrix Chunked(TorchScriptFeatureExtractor extractor, int count, int batchSize, Func<int, int, ImageBatch> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        FeatureMatrix? result = null;
        for (int start = 0; start < count; start += ChunkSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int n = Math.Min(ChunkSize, count - start);
            FeatureMatrix chunk = extractor.Features(read(start, n), batchSize, cancellationToken);
            result ??= FeatureMatrix.Zeros(count, chunk.Columns);
            chunk.Values.CopyTo(result.Values, (long)start * chunk.Columns);
        }

        return result!;
    }
}
