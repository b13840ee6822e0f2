// SemanticHashInput: the autoencoder's input: the image registered by its centre of mass, its centre square crop resized to
// CropSize x CropSize, in RGB, standardised per image.
using Dcgan.Data;

namespace Dcgan.Deduplication;

/// <summary>
/// Prepares images for the semantic hash as the paper did: the largest centred square is cut out, resized with the
/// triangle filter of <see cref="ImageResizing"/> to <c>CropSize x CropSize</c>, and flattened. Grey images are
/// repeated to three channels, so the input is always <c>3 x CropSize x CropSize</c> (3072 at the default 32) and the
/// network is the paper's 3072-128-3072 whatever the data: one architecture, one code for grey and colour sets.
/// Two steps beyond the paper make near duplicates give the same input (both on by default, both measured in
/// docs/deduplication.md): the image is registered by its centre of mass before the crop, and each input is
/// standardised by its own mean and deviation.
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

    /// <summary>
    /// Smallest standard deviation an input is divided by (pixels are in [-1, 1]): a nearly constant image is only
    /// centred, so that its faint noise is not blown up to unit variance.
    /// </summary>
    public const float MinStd = 0.1f;

    /// <summary>
    /// The prepared images at <paramref name="indices"/>: [count, 3 * CropSize * CropSize] floats, row-major. With
    /// <see cref="SemanticHashOptions.CentreMass"/>, each image is first moved so that its centre of mass (of the channel
    /// mean, see <see cref="MassCentring"/>) is at its centre, which undoes small shifts before the crop is cut; with
    /// <see cref="SemanticHashOptions.StandardizeImages"/>, each prepared image is then standardised (<see cref="Standardize"/>).
    /// </summary>
    public static float[] Read(IImageDataSource source, ReadOnlySpan<int> indices, SemanticHashOptions options)
    {
        float[] inputs = Crops(source, indices, options.CropSize, options.CentreMass);        // [N, 3, s, s]
        if (options.StandardizeImages)
        {
            Standardize(inputs, Length(options.CropSize));
        }

        return inputs;
    }

    /// <summary>
    /// Subtracts each image's own mean and divides by its own standard deviation (at least <see cref="MinStd"/>): a
    /// brightness offset or a contrast gain over a whole image (short of clipping) leaves its input unchanged.
    /// </summary>
    /// <param name="pixels">[N, D] prepared inputs, changed in place.</param>
    /// <param name="length">D, values per image.</param>
    public static void Standardize(float[] pixels, int length)
    {
        for (int start = 0; start < pixels.Length; start += length)
        {
            Span<float> image = pixels.AsSpan(start, length);
            double sum = 0;
            double squares = 0;
            foreach (float v in image)
            {
                sum += v;
                squares += (double)v * v;
            }

            double mean = sum / length;
            double std = Math.Sqrt(Math.Max(squares / length - mean * mean, 0));
            float scale = (float)(1.0 / Math.Max(std, MinStd));
            for (int i = 0; i < image.Length; i++)
            {
                image[i] = (float)((image[i] - mean) * scale);
            }
        }
    }

    /// <summary>The centre crops at <paramref name="indices"/>, registered when asked, resized and in RGB: [N, 3, s, s].</summary>
    private static float[] Crops(IImageDataSource source, ReadOnlySpan<int> indices, int cropSize, bool centreMass)
    {
        ImageShape shape = source.Shape;
        int side = Math.Min(shape.Height, shape.Width);
        int top = (shape.Height - side) / 2;
        int left = (shape.Width - side) / 2;
        var read = new float[shape.ElementCount];
        var registered = new float[shape.ElementCount];
        var grey = new float[shape.Height * shape.Width];
        var crops = new float[indices.Length * shape.Channels * side * side];
        for (int n = 0; n < indices.Length; n++)
        {
            source.CopyImage(indices[n], read);                                     // [C, H, W]
            float[] image = centreMass ? Register(read, registered, grey, shape) : read;
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

    /// <summary>Writes <paramref name="image"/> moved so that the centre of mass of its channel mean is at the centre; returns <paramref name="registered"/>.</summary>
    private static float[] Register(float[] image, float[] registered, float[] grey, ImageShape shape)
    {
        int plane = grey.Length;
        for (int p = 0; p < plane; p++)
        {
            float sum = 0f;
            for (int c = 0; c < shape.Channels; c++)
            {
                sum += image[c * plane + p];
            }

            grey[p] = sum / shape.Channels;                                         // [H, W]
        }

        (double dy, double dx, float darkest) = MassCentring.Offset(grey, shape.Height, shape.Width);
        for (int c = 0; c < shape.Channels; c++)
        {
            ReadOnlySpan<float> channel = image.AsSpan(c * plane, plane);
            float outside = shape.Channels == 1 ? darkest : Darkest(channel);  // colour: each channel's own background
            MassCentring.Move(channel, registered.AsSpan(c * plane, plane), shape.Height, shape.Width, dy, dx, outside); // [H, W]
        }

        return registered;
    }

    private static float Darkest(ReadOnlySpan<float> values)
    {
        float darkest = float.PositiveInfinity;
        foreach (float v in values)
        {
            darkest = Math.Min(darkest, v);
        }

        return darkest;
    }
}
