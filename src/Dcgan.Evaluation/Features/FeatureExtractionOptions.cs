// FeatureExtractionOptions: how the discriminator's activations become probe features (pooling grid, blocks, batch
// size, device); limits are the DataAnnotations, checked by FeatureExtractionOptionsValidator (the block indices are
// checked against the discriminator by DiscriminatorFeatureExtractor).
using System.ComponentModel.DataAnnotations;
using Dcgan.Native;

namespace Dcgan.Features;

/// <summary>How <see cref="DiscriminatorFeatureExtractor"/> turns discriminator activations into features.</summary>
public sealed class FeatureExtractionOptions
{
    /// <summary>
    /// Side g of the grid every block's activation is adaptive-max-pooled to (the paper's 4 x 4). Each block
    /// contributes <c>g * g * width</c> features.
    /// </summary>
    /// <value>The default value is 4.</value>
    [Range(1, int.MaxValue)]
    public int PooledGridSize { get; set; } = 4;

    /// <summary>Images per forward pass (bounds the native memory in use at any time).</summary>
    /// <value>The default value is 256.</value>
    [Range(1, int.MaxValue)]
    public int BatchSize { get; set; } = 256;

    /// <summary>
    /// Indices (input side first) of the convolution blocks whose activations are used, in the order given.
    /// <see langword="null"/> uses every block, as the paper does.
    /// </summary>
    /// <value>The default value is <see langword="null"/> (all blocks).</value>
    public IReadOnlyList<int>? Blocks { get; set; }

    /// <summary>
    /// The device the discriminator's parameters are on ("auto", "cpu", "cuda" or "cuda:N"); <see langword="null"/>
    /// uses that device. The extractor never moves the caller's model: a device that differs from the model's is an error.
    /// </summary>
    /// <value>The default value is <see langword="null"/> (the model's device).</value>
    [AvailableDevice]
    public string? Device { get; set; }

    /// <summary>A copy of these options (the block list is copied too).</summary>
    public FeatureExtractionOptions Clone() => new()
    {
        PooledGridSize = PooledGridSize,
        BatchSize = BatchSize,
        Blocks = Blocks?.ToArray(),
        Device = Device,
    };
}
