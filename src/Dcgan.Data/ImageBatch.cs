// ImageBatch: images as managed floats [N, C, H, W] in [-1, 1], the library's tensor-free image type.
namespace Dcgan.Data;

/// <summary>Images as managed values: <see cref="Count"/> images of <see cref="Shape"/>, channel-first, in [-1, 1].</summary>
/// <param name="Count">Number of images.</param>
/// <param name="Shape">Shape of each image.</param>
/// <param name="Pixels">[Count, C, H, W] floats in [-1, 1].</param>
public sealed record ImageBatch(int Count, ImageShape Shape, float[] Pixels)
{
    /// <summary>The pixels of image <paramref name="index"/>, [C, H, W].</summary>
    /// <param name="index">0 to Count - 1.</param>
    public ReadOnlySpan<float> Image(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return Pixels.AsSpan(index * Shape.ElementCount, Shape.ElementCount);
    }
}
