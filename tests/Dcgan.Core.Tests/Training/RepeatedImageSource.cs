// A data source whose every image is the same real image: any shuffle gives the same batch, so a test can
// recompute a training step by hand without knowing the trainer's epoch order.
using Dcgan.Data;

namespace Dcgan.Core.Tests.Training;

internal sealed class RepeatedImageSource(IImageDataSource inner, int imageIndex, int count) : IImageDataSource
{
    public int Count => count;

    public ImageShape Shape => inner.Shape;

    public string Description => $"{count} copies of image {imageIndex} of {inner.Description}";

    public void CopyImage(int index, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        inner.CopyImage(imageIndex, destination);
    }

    /// <summary>The image, as [count, C, H, W] pixels (row-major).</summary>
    public float[] Batch()
    {
        int size = Shape.Channels * Shape.Height * Shape.Width;
        var pixels = new float[count * size];
        for (int i = 0; i < count; i++)
        {
            CopyImage(i, pixels.AsSpan(i * size, size));
        }

        return pixels;
    }
}
