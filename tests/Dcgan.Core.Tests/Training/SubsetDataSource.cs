// SubsetDataSource: the first N images of another data source (tests train on small slices of real data).
// Linked into the hosting tests too, so there is one copy.
using Dcgan.Data;

namespace Dcgan.Core.Tests.Training;

/// <summary>The first <c>count</c> images of <c>inner</c>.</summary>
internal sealed class SubsetDataSource(IImageDataSource inner, int count) : IImageDataSource
{
    public int Count => Math.Min(count, inner.Count);

    public ImageShape Shape => inner.Shape;

    public string Description => $"first {Count} of {inner.Description}";

    public void CopyImage(int index, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        inner.CopyImage(index, destination);
    }
}
