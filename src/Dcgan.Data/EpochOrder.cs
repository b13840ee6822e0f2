// EpochOrder: the shuffled image order of one epoch, a pure function of (seed, epoch).
namespace Dcgan.Data;

/// <summary>
/// The order in which an epoch visits a data set: a permutation that depends only on (seed, epoch), so a
/// resumed run visits exactly the batches an uninterrupted run would, without storing any RNG state.
/// </summary>
public static class EpochOrder
{
    /// <summary>A Fisher-Yates permutation of 0..count-1 for <paramref name="epoch"/>.</summary>
    /// <param name="count">Number of items, at least 1.</param>
    /// <param name="shuffleSeed">The run's shuffle seed.</param>
    /// <param name="epoch">Zero-based epoch index.</param>
    public static int[] Permutation(int count, long shuffleSeed, int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        long epochSeed = SeedSequence.Derive(shuffleSeed, epoch);
        var random = new Random(unchecked((int)epochSeed ^ (int)(epochSeed >> 32)));
        int[] order = new int[count];
        for (int i = 0; i < count; i++)
        {
            order[i] = i;
        }

        for (int i = count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    /// <summary>Number of batches an epoch yields.</summary>
    /// <param name="count">Number of items.</param>
    /// <param name="batchSize">Items per batch.</param>
    /// <param name="dropLast">Whether a final, smaller batch is dropped.</param>
    public static int BatchCount(int count, int batchSize, bool dropLast) =>
        dropLast ? count / batchSize : (count + batchSize - 1) / batchSize;
}
