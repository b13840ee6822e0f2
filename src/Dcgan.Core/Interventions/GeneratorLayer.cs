// GeneratorLayer: names the hidden blocks of an ILayeredGenerator so users can pick one for probing and forgetting.
// "block<i>" is the output of hidden block i after its nonlinearity (for a DcganGenerator, after its ReLU:
// [N, GeneratorWidths[i], b*2^i, b*2^i]); the last one is the paper's "second-highest layer" (the one right before
// the output convolution, section 6.3.2).
using System.Globalization;
using Dcgan.Data;
using Dcgan.Models;

namespace Dcgan.Interventions;

/// <summary>
/// One hidden block of an <see cref="ILayeredGenerator"/> such as <see cref="DcganGenerator"/>: its name (<c>block0</c> .. <c>block{k-1}</c>), its index,
/// and the shape of one sample's activations after the block's ReLU.
/// </summary>
/// <param name="Name">The block's name, <c>block{Index}</c>.</param>
/// <param name="Index">0 (the projection of z) to k - 1 (the second-highest layer).</param>
/// <param name="Channels">Number of feature maps.</param>
/// <param name="Size">Side of each (square) feature map.</param>
/// <param name="ImageSize">Side of the generated images.</param>
public sealed record GeneratorLayer(string Name, int Index, int Channels, int Size, int ImageSize)
{
    /// <summary>Image pixels per activation location along each axis: <c>ImageSize / Size</c> (a power of 2).</summary>
    public int Scale => ImageSize / Size;

    /// <summary>The hidden blocks of <paramref name="generator"/>, from the one next to z to the second-highest layer.</summary>
    /// <param name="generator">The generator.</param>
    /// <exception cref="ArgumentException">
    /// The generator has no hidden blocks, or its images or a block's maps are not square, or the image side is not a
    /// multiple of a block's side (the message names the shapes).
    /// </exception>
    public static IReadOnlyList<GeneratorLayer> All(ILayeredGenerator generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ImageShape image = generator.ImageShape;
        IReadOnlyList<ImageShape> blocks = generator.HiddenBlockShapes;
        if (blocks.Count == 0 || image.Height != image.Width)
        {
            throw new ArgumentException(
                $"The generator makes {image} images with {blocks.Count} hidden blocks; layers need square images and at least one block.",
                nameof(generator));
        }

        var layers = new GeneratorLayer[blocks.Count];
        for (int i = 0; i < layers.Length; i++)
        {
            ImageShape block = blocks[i];
            if (block.Height != block.Width || block.Height < 1 || image.Height % block.Height != 0)
            {
                throw new ArgumentException(
                    $"Hidden block {i} of the generator has maps {block}; layers need square maps whose side divides the image side {image.Height}.",
                    nameof(generator));
            }

            layers[i] = new GeneratorLayer(NameOf(i), i, block.Channels, block.Height, image.Height);
        }

        return layers;
    }

    /// <summary>
    /// The paper's "second-highest layer": the last hidden block, right before the output convolution
    /// (<c>block{k-1}</c>, the highest-resolution hidden map).
    /// </summary>
    /// <param name="generator">The generator.</param>
    public static GeneratorLayer SecondHighest(ILayeredGenerator generator) => All(generator)[^1];

    /// <summary>
    /// Finds the block called <paramref name="name"/> (case-insensitive); null or empty means
    /// <see cref="SecondHighest"/>.
    /// </summary>
    /// <param name="generator">The generator.</param>
    /// <param name="name"><c>block0</c> .. <c>block{k-1}</c>, or null for the second-highest layer.</param>
    /// <exception cref="ArgumentException">No such block; the message names the value and the valid names.</exception>
    public static GeneratorLayer Resolve(ILayeredGenerator generator, string? name)
    {
        IReadOnlyList<GeneratorLayer> all = All(generator);
        if (string.IsNullOrWhiteSpace(name))
        {
            return all[^1];
        }

        GeneratorLayer? found = all.FirstOrDefault(l => string.Equals(l.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
        return found ?? throw new ArgumentException(
            $"Generator layer '{name}' does not exist; valid layers are block0..block{all.Count - 1} " +
            $"({string.Join(", ", all)}).", nameof(name));
    }

    /// <summary>
    /// Checks that every map index is in 0..<see cref="Channels"/> - 1 and returns them sorted, without duplicates.
    /// </summary>
    /// <param name="maps">Feature-map indices.</param>
    /// <exception cref="ArgumentException">An index is out of range; the message names it and the valid range.</exception>
    public int[] ValidateMaps(IEnumerable<int> maps)
    {
        ArgumentNullException.ThrowIfNull(maps);
        int[] sorted = maps.Distinct().Order().ToArray();
        foreach (int m in sorted)
        {
            if (m < 0 || m >= Channels)
            {
                throw new ArgumentException(
                    $"Feature map {m} does not exist in layer {Name}; valid maps are 0..{Channels - 1}.", nameof(maps));
            }
        }

        return sorted;
    }

    /// <summary>For example <c>block1 (64 maps of 14x14)</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name} ({Channels} maps of {Size}x{Size})");

    private static string NameOf(int index) => string.Create(CultureInfo.InvariantCulture, $"block{index}");
}
