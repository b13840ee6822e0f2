// LayerActivations: a generator block's activations as managed values, [N, C, h, w] floats, so that probing and
// tests never hold native tensors across calls.
using static TorchSharp.torch;

namespace Dcgan.Interventions;

/// <summary>Activations of one generator block for <see cref="Count"/> samples, as managed floats.</summary>
/// <param name="Count">Number of samples N.</param>
/// <param name="Channels">Number of feature maps C.</param>
/// <param name="Size">Side h = w of each feature map.</param>
/// <param name="Values">[N, C, h, w] floats, row-major.</param>
public sealed record LayerActivations(int Count, int Channels, int Size, float[] Values)
{
    /// <summary>The activation of map <paramref name="channel"/> of sample <paramref name="sample"/> at row y, column x.</summary>
    /// <param name="sample">0..Count-1.</param>
    /// <param name="channel">0..Channels-1.</param>
    /// <param name="y">Row, 0..Size-1.</param>
    /// <param name="x">Column, 0..Size-1.</param>
    public float At(int sample, int channel, int y, int x) =>
        Values[(((sample * Channels) + channel) * Size + y) * Size + x];

    /// <summary>One feature map of one sample, [h, w].</summary>
    /// <param name="sample">0..Count-1.</param>
    /// <param name="channel">0..Channels-1.</param>
    public ReadOnlySpan<float> Map(int sample, int channel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sample);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sample, Count);
        ArgumentOutOfRangeException.ThrowIfNegative(channel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(channel, Channels);
        return Values.AsSpan(((sample * Channels) + channel) * Size * Size, Size * Size);
    }

    /// <summary>Copies a [N, C, h, w] tensor (any device) into managed memory; the tensor stays the caller's.</summary>
    /// <param name="activations">Activations [N, C, h, w] with h = w.</param>
    /// <exception cref="ArgumentException">The tensor is not [N, C, h, h].</exception>
    public static LayerActivations FromTensor(Tensor activations)
    {
        ArgumentNullException.ThrowIfNull(activations);
        if (activations.dim() != 4 || activations.shape[2] != activations.shape[3])
        {
            throw new ArgumentException(
                $"Expected activations [N, C, h, h], got [{string.Join(", ", activations.shape)}].", nameof(activations));
        }

        using Tensor cpu = activations.detach().to(float32).cpu().contiguous(); // [N, C, h, h]
        return new LayerActivations((int)activations.shape[0], (int)activations.shape[1], (int)activations.shape[2],
            cpu.data<float>().ToArray());
    }
}
