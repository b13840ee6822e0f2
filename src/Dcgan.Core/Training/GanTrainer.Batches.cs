// The trainer's batches as managed images: which real images a given step trains on, for checking the data pipeline
// (real-samples.png) without touching the training state.
using Dcgan.Data;

namespace Dcgan.Training;

public sealed partial class GanTrainer
{
    /// <summary>
    /// The real images of batch <paramref name="batchInEpoch"/> of epoch <paramref name="epoch"/>, in the order the
    /// trainer feeds them to the discriminator: the same shuffled indices (a pure function of the seed and the epoch)
    /// read from the same data source, so the values are those the step trains on. Reading changes no training state.
    /// </summary>
    /// <param name="epoch">Zero-based epoch, 0 or more.</param>
    /// <param name="batchInEpoch">Zero-based batch within the epoch, 0 to <see cref="BatchesPerEpoch"/> - 1.</param>
    /// <returns>[B, C, H, W] managed floats in [-1, 1] (no tensors); the last batch may be smaller when
    /// <see cref="GanTrainerOptions.DropLastBatch"/> is off.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The epoch is negative or the batch is outside the epoch.</exception>
    public ImageBatch ReadTrainingBatch(int epoch, int batchInEpoch)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        if ((uint)batchInEpoch >= (uint)BatchesPerEpoch)
        {
            throw new ArgumentOutOfRangeException(nameof(batchInEpoch), batchInEpoch,
                $"An epoch has {BatchesPerEpoch} batches (0 .. {BatchesPerEpoch - 1}).");
        }

        int[] order = EpochOrder.Permutation(_data.Count, _shuffleSeed, epoch);
        int start = batchInEpoch * _options.BatchSize;
        int count = Math.Min(_options.BatchSize, order.Length - start);
        return _data.ReadImages(new ArraySegment<int>(order, start, count));
    }
}
