// IdxImageDataSource: grayscale images from an IDX file (MNIST, Fashion-MNIST), optionally labelled and resized.
using System.Globalization;

namespace Dcgan.Data;

/// <summary>
/// An <see cref="IImageDataSource"/> over an IDX image file ([N, H, W] unsigned bytes): grayscale, so
/// <see cref="Shape"/> is (1, H, W), or (1, S, S) when a target <c>imageSize</c> is given.
/// </summary>
/// <remarks>
/// <para>The pixels are held once as bytes (N*H*W bytes; 7.8 MB for 10,000 28x28 images) and scaled to
/// [-1, 1] on the fly in <see cref="CopyImage"/> with <see cref="PixelScaling.ToSigned(byte)"/>.</para>
/// <para>Resizing: when <c>imageSize</c> differs from the native size (for example 32 for a 32x32 generator
/// on 28x28 MNIST), every image is resampled to <c>imageSize</c> x <c>imageSize</c> with a separable
/// bilinear (triangle) filter that widens when shrinking, like Pillow's BILINEAR; non-square sources are
/// stretched to the square. The default (<see langword="null"/>) keeps the native size. Padding is not offered:
/// resizing keeps the object filling the frame, which is what the published DCGAN MNIST runs used.</para>
/// <para>The instance is immutable after construction, so <see cref="CopyImage"/> may be called from any
/// number of threads at once.</para>
/// </remarks>
public sealed class IdxImageDataSource : IImageDataSource
{
    private readonly byte[] _pixels;
    private readonly byte[]? _labels;
    private readonly int _nativeLength;
    private readonly Resampler? _resampler;

    /// <summary>Creates a source over parsed IDX content.</summary>
    /// <param name="images">An IDX file with 3 dimensions [N, H, W] (see <see cref="IdxReader.ReadImages"/>).</param>
    /// <param name="labels">An optional IDX label file with 1 dimension [N] and the same N as the images.</param>
    /// <param name="imageSize">
    /// Optional square output size; <see langword="null"/> keeps the native H x W. The default value is <see langword="null"/>.
    /// </param>
    /// <exception cref="ArgumentException">The image file is not 3-dimensional, the label file is not 1-dimensional, or their counts differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="imageSize"/> is outside [1, 4096].</exception>
    public IdxImageDataSource(IdxFile images, IdxFile? labels = null, int? imageSize = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Dimensions.Count != 3)
        {
            throw new ArgumentException(
                $"IDX image file '{images.Path}' has {images.Dimensions.Count} dimensions [{string.Join(", ", images.Dimensions)}]; expected 3 [N, H, W].",
                nameof(images));
        }

        if (labels is not null)
        {
            if (labels.Dimensions.Count != 1)
            {
                throw new ArgumentException(
                    $"IDX label file '{labels.Path}' has {labels.Dimensions.Count} dimensions [{string.Join(", ", labels.Dimensions)}]; expected 1 [N].",
                    nameof(labels));
            }

            if (labels.Count != images.Count)
            {
                throw new ArgumentException(
                    $"IDX label file '{labels.Path}' has {labels.Count} labels but image file '{images.Path}' has {images.Count} images; expected equal counts.",
                    nameof(labels));
            }
        }

        if (imageSize is int size && (size < 1 || size > ImageDataSourceOptions.MaxImageSize))
        {
            throw new ArgumentOutOfRangeException(nameof(imageSize), size,
                $"Image size must be between 1 and {ImageDataSourceOptions.MaxImageSize} pixels.");
        }

        int height = images.Dimensions[1];
        int width = images.Dimensions[2];
        _pixels = images.Data;
        _labels = labels?.Data;
        _nativeLength = height * width;
        NativeShape = new ImageShape(1, height, width);
        ImagesPath = images.Path;
        LabelsPath = labels?.Path;
        if (imageSize is int target && (target != height || target != width))
        {
            _resampler = new Resampler(height, width, target, target);
            Shape = new ImageShape(1, target, target);
        }
        else
        {
            Shape = NativeShape;
        }
    }

    /// <summary>Reads an IDX image file, and optionally its label file, and creates a source over them.</summary>
    /// <param name="imagesPath">The <c>*-images-idx3-ubyte</c> file, raw or gzip.</param>
    /// <param name="labelsPath">The matching <c>*-labels-idx1-ubyte</c> file, or <see langword="null"/>. The default value is <see langword="null"/>.</param>
    /// <param name="imageSize">Optional square output size; <see langword="null"/> keeps the native size. The default value is <see langword="null"/>.</param>
    /// <returns>The data source.</returns>
    /// <exception cref="IdxFormatException">A file is malformed.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="ArgumentException">The label count differs from the image count.</exception>
    public static IdxImageDataSource Open(string imagesPath, string? labelsPath = null, int? imageSize = null)
    {
        var images = IdxReader.ReadImages(imagesPath);
        var labels = labelsPath is null ? null : IdxReader.ReadLabels(labelsPath);
        return new IdxImageDataSource(images, labels, imageSize);
    }

    /// <inheritdoc />
    public int Count => _pixels.Length / _nativeLength;

    /// <inheritdoc />
    public ImageShape Shape { get; }

    /// <summary>The shape stored in the file (1, H, W), before any resizing.</summary>
    public ImageShape NativeShape { get; }

    /// <summary>The image file this source was read from.</summary>
    public string ImagesPath { get; }

    /// <summary>The label file, or <see langword="null"/> when the source is unlabelled.</summary>
    public string? LabelsPath { get; }

    /// <summary>Whether labels were loaded.</summary>
    public bool HasLabels => _labels is not null;

    /// <summary>The labels (one byte per image), or <see langword="null"/> when the source is unlabelled.</summary>
    public IReadOnlyList<byte>? Labels => _labels;

    /// <inheritdoc />
    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"IDX '{ImagesPath}' ({Count} images {NativeShape}{(Shape != NativeShape ? $" resized to {Shape}" : "")}{(HasLabels ? ", labelled" : "")})");

    /// <summary>The label of image <paramref name="index"/>.</summary>
    /// <param name="index">0 to <see cref="Count"/> - 1.</param>
    /// <returns>The label value (0-9 for MNIST and Fashion-MNIST).</returns>
    /// <exception cref="InvalidOperationException">The source has no labels.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the set.</exception>
    public int GetLabel(int index)
    {
        if (_labels is null)
        {
            throw new InvalidOperationException($"{Description} has no labels; pass a label file to read them.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return _labels[index];
    }

    /// <inheritdoc />
    public void CopyImage(int index, Span<float> destination)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Index must be in [0, {Count - 1}] for {Description}.");
        }

        if (destination.Length != Shape.ElementCount)
        {
            throw new ArgumentOutOfRangeException(nameof(destination), destination.Length,
                $"Destination has {destination.Length} floats; expected {Shape.ElementCount} for shape {Shape}.");
        }

        ReadOnlySpan<byte> source = _pixels.AsSpan(index * _nativeLength, _nativeLength);
        if (_resampler is null)
        {
            PixelScaling.ToSigned(source, destination);
        }
        else
        {
            _resampler.Resample(source, destination);
        }
    }
}
