// The bare loop's input: one epoch of real batches decoded up front into managed float arrays.
using Dcgan.Data;
using Dcgan.Models;
using Dcgan.Native;

namespace Dcgan.Benchmarks;

/// <summary>
/// Full batches of one shuffled epoch (the permutation GanTrainer's first epoch uses with the same seed), decoded once into
/// [B, C, H, W] float arrays; <see cref="Next"/> cycles through them.
/// </summary>
internal sealed class PreparedBatches
{
    private readonly float[][] _batches;
    private int _next;

    public PreparedBatches(IImageDataSource data, int batchSize, long seed)
    {
        Shape = data.Shape;
        int elements = Shape.ElementCount;
        int[] order = EpochOrder.Permutation(data.Count, SeedSequence.Derive(seed, 3) /* the trainer's shuffle stream */, epoch: 0);
        _batches = new float[data.Count / batchSize][];
        for (int b = 0; b < _batches.Length; b++)
        {
            float[] pixels = new float[batchSize * elements]; // [B, C, H, W] flattened
            for (int i = 0; i < batchSize; i++)
            {
                data.CopyImage(order[(b * batchSize) + i], pixels.AsSpan(i * elements, elements));
            }

            _batches[b] = pixels;
        }
    }

    /// <summary>Shape of every image.</summary>
    public ImageShape Shape { get; }

    /// <summary>Number of batches held.</summary>
    public int Count => _batches.Length;

    /// <summary>The next batch's pixels, cycling.</summary>
    public float[] Next()
    {
        float[] batch = _batches[_next];
        _next = (_next + 1) % _batches.Length;
        return batch;
    }
}
