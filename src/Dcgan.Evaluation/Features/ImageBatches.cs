// ImageBatches: reads consecutive images of an IImageDataSource into one host buffer and makes a tensor of them.

using Dcgan.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Features;

/// <summary>Streams an <see cref="IImageDataSource"/> as [B, C, H, W] tensors, one batch at a time.</summary>
internal static class ImageBatches
{
    /// <summary>
    /// Images <paramref name="start"/> .. <paramref name="start"/> + <paramref name="count"/> - 1 as a float32
    /// tensor [count, C, H, W] on <paramref name="device"/>. The current dispose scope owns it.
    /// </summary>
    public static Tensor Read(IImageDataSource source, int start, int count, float[] buffer, Device device)
    {
        int elements = source.Shape.ElementCount;
        for (int i = 0; i < count; i++)
        {
            source.CopyImage(start + i, buffer.AsSpan(i * elements, elements));
        }

        long[] shape = [count, source.Shape.Channels, source.Shape.Height, source.Shape.Width];
        Tensor host = count * elements == buffer.Length
            ? torch.tensor(buffer, shape)                                           // [B, C, H, W]
            : torch.tensor(buffer.AsSpan(0, count * elements).ToArray(), shape);     // [B, C, H, W] (last, short batch)
        return host.to(device);                                                     // [B, C, H, W]
    }
}
