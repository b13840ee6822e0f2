// ImageTensors: the one bridge from image tensors to managed ImageBatch values (Dcgan.Data has no TorchSharp).
using Dcgan.Data;
using static TorchSharp.torch;

namespace Dcgan.Models;

/// <summary>Checks image tensors and copies them into managed <see cref="ImageBatch"/> values.</summary>
public static class ImageTensors
{
    /// <summary>Throws unless <paramref name="images"/> is [N >= 1, C, H, W] with the channels and size of <paramref name="shape"/>.</summary>
    /// <param name="images">The tensor to check.</param>
    /// <param name="shape">The expected image shape.</param>
    /// <param name="parameterName">The argument name the exception reports.</param>
    /// <exception cref="ArgumentException">The shapes differ; the message gives both.</exception>
    internal static void ThrowIfNotImages(Tensor images, ImageShape shape, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(images, parameterName);
        if (images.dim() != 4 || images.shape[0] < 1 || images.shape[1] != shape.Channels
            || images.shape[2] != shape.Height || images.shape[3] != shape.Width)
        {
            throw new ArgumentException(
                $"Expected images of shape [N, {shape.Channels}, {shape.Height}, {shape.Width}], got {ShapeText(images)}.", parameterName);
        }
    }

    /// <summary>Copies a [N, C, H, W] tensor (any device) into managed memory. The tensor stays the caller's.</summary>
    /// <param name="images">Images [N, C, H, W].</param>
    /// <returns>A managed copy; no native memory is kept.</returns>
    /// <exception cref="ArgumentException">The tensor is not four-dimensional.</exception>
    public static ImageBatch FromTensor(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() != 4)
        {
            throw new ArgumentException($"Expected images [N, C, H, W], got a tensor of shape {ShapeText(images)}.", nameof(images));
        }

        using Tensor cpu = images.detach().to(float32).cpu().contiguous();
        var shape = new ImageShape((int)images.shape[1], (int)images.shape[2], (int)images.shape[3]);
        return new ImageBatch((int)images.shape[0], shape, cpu.data<float>().ToArray());
    }

    /// <summary>A tensor's shape as "[d0, d1, ...]" for error messages.</summary>
    internal static string ShapeText(Tensor t) => "[" + string.Join(", ", t.shape) + "]";
}
