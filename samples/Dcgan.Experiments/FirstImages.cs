// The first N images of a data set, as a data set: the small-data training sets of `equal-steps`.
using Dcgan.Data;

namespace Dcgan.Experiments;

/// <summary>Images 0 to <paramref name="count"/> - 1 of <paramref name="source"/> (Fashion-MNIST's files are already shuffled).</summary>
internal sealed class FirstImages(IImageDataSource source, int count) : IImageDataSource
{
    public int Count { get; } = count >= 1 && count <= source.Count
        ? count
        : throw new ArgumentOutOfRangeException(nameof(count), count, $"expected 1 to {source.Count}, the images of {source.Description}");

    public ImageShape Shape => source.Shape;

    public string Description => $"the first {Count} images of {source.Description}";

    public void CopyImage(int index, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        source.CopyImage(index, destination);
    }
}
