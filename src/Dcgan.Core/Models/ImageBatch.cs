using static TorchSharp.torch;

namespace Dcgan.Models;

/// <summary>Images as managed values: <see cref="Count"/> images of <see cref="Shape"/>, channel-first, in [-1, 1].</summary>
/// <param name="Count">Number of images.</param>
/// <param name="Shape">Shape of each image.</param>
/// <param name="Pixels">[Count, C, H, W] floats in [-1, 1].</param>
public sealed record ImageBatch(int Count, ImageShape Shape, float[] Pixels)
{
    /// <summary>Copies a [N, C, H, W] tensor (any device) into managed memory. The tensor stays the caller's.</summary>
    /// <param name="images">Images [N, C, H, W].</param>
    public static ImageBatch FromTensor(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() != 4)
        {
            throw new ArgumentException($"Expected images [N, C, H, W], got a tensor of shape [{string.Join(", ", images.shape)}].", nameof(images));
        }

        using Tensor cpu = images.detach().to(float32).cpu().contiguous();
        var shape = new ImageShape((int)images.shape[1], (int)images.shape[2], (int)images.shape[3]);
        return new ImageBatch((int)images.shape[0], shape, cpu.data<float>().ToArray());
    }

    /// <summary>The pixels of image <paramref name="index"/>, [C, H, W].</summary>
    /// <param name="index">0 to Count - 1.</param>
    public ReadOnlySpan<float> Image(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return Pixels.AsSpan(index * Shape.ElementCount, Shape.ElementCount);
    }
}
