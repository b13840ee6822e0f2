// SemanticHashInput: the autoencoder's input, the centre square crop of an image resized to CropSize x CropSize, in RGB.
using Dcgan.Data;

namespace Dcgan.Deduplication;

/// <summary>
/// Prepares images for the semantic hash as the paper did: the largest centred square is cut out, resized with the
/// triangle filter of <see cref="ImageResizing"/> to <c>CropSize x CropSize</c>, and flattened. Grey images are
/// repeated to three channels, so the input is always <c>3 x CropSize x CropSize</c> (3072 at the default 32) and the
/// network is the paper's 3072-128-3072 whatever the data: one architecture, one code for grey and colour sets.
/// </summary>
internal static class SemanticHashInput
{
    /// <summary>Channels of the autoencoder's input.</summary>
    public const int Channels = 3;

    /// <summary>Values per prepared image.</summary>
    public static int Length(int cropSize) => Channels * cropSize * cropSize;

    /// <summary>Throws a clear error unless the source has 1 or 3 channels and at least one image.</summary>
    public static void Require(IImageDataSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Count < 1)
        {
            throw new ArgumentException($"The data source '{source.Description}' has no images; there is nothing to hash.", nameof(source));
        }

        if (source.Shape.Channels is not (1 or 3))
        {
            throw new ArgumentException(
                $"The semantic hash takes grey (1-channel) or RGB (3-channel) images; '{source.Description}' has {source.Shape}.", nameof(source));
        }
    }

    /// <summary>The prepared images at <paramref name="indices"/>: [count, 3 * CropSize * CropSize] floats, row-major.</summary>
    public static float[] Read(IImageDataSource source, ReadOnlySpan<int> indices, int cropSize)
    {
        ImageShape shape = source.Shape;
        int side = Math.Min(shape.Height, shape.Width);
        int top = (shape.Height - side) / 2;
        int left = (shape.Width - side) / 2;
        var image = new float[shape.ElementCount];
        var crops = new float[indices.Length * shape.Channels * side * side];
        for (int n = 0; n < indices.Length; n++)
        {
            source.CopyImage(indices[n], image);                                    // [C, H, W]
            for (int c = 0; c < shape.Channels; c++)
            {
                for (int y = 0; y < side; y++)
                {
                    image.AsSpan((c * shape.Height + top + y) * shape.Width + left, side)
                        .CopyTo(crops.AsSpan(((n * shape.Channels + c) * side + y) * side, side)); // [C, S, S]
                }
            }
        }

        var cropped = new ImageBatch(indices.Length, new ImageShape(shape.Channels, side, side), crops);
        ImageBatch small = ImageResizing.Resize(cropped, cropSize, cropSize);        // [N, C, s, s]
        if (shape.Channels == Channels)
        {
            return small.Pixels;
        }

        int plane = cropSize * cropSize;
        var rgb = new float[indices.Length * Channels * plane];
        for (int n = 0; n < indices.Length; n++)
        {
            for (int c = 0; c < Channels; c++)
            {
                small.Pixels.AsSpan(n * plane, plane).CopyTo(rgb.AsSpan((n * Channels + c) * plane, plane)); // grey -> [3, s, s]
            }
        }

        return rgb;
    }
}
