// ImageBatchTensors: the one place in the research package where managed images (Dcgan.Data's ImageBatch) become a
// tensor. Images are read from a data source with ImageDataSourceExtensions (Dcgan.Data), then converted here.

using Dcgan.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Features;

/// <summary>Converts managed <see cref="ImageBatch"/> values into float32 image tensors.</summary>
internal static class ImageBatchTensors
{
    /// <summary>All images of <paramref name="images"/> as [N, C, H, W] float32 on <paramref name="device"/>; the caller (or the current dispose scope) owns it.</summary>
    public static Tensor ToTensor(ImageBatch images, Device device) => ToTensor(images, 0, images.Count, device);

    /// <summary>
    /// Images <paramref name="start"/> .. <paramref name="start"/> + <paramref name="count"/> - 1 as [count, C, H, W]
    /// float32 on <paramref name="device"/>; the caller (or the current dispose scope) owns it.
    /// </summary>
    public static Tensor ToTensor(ImageBatch images, int start, int count, Device device)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((long)start + count, images.Count, nameof(count));
        ImageShape shape = images.Shape;
        int length = shape.ElementCount;
        float[] pixels = start == 0 && (long)count * length == images.Pixels.LongLength
            ? images.Pixels
            : images.Pixels.AsSpan(start * length, count * length).ToArray();
        return torch.tensor(pixels, [count, shape.Channels, shape.Height, shape.Width], device: device); // [B, C, H, W]
    }
}
