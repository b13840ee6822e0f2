// ImageFolderDataSource: every PNG/JPEG under a folder, centre-cropped and resized to one square size.
using System.Buffers;
using System.Globalization;
using System.Runtime.ExceptionServices;

namespace Dcgan.Data;

/// <summary>
/// An <see cref="IImageDataSource"/> over every <c>.png</c>, <c>.jpg</c> and <c>.jpeg</c> file (any letter case)
/// under a folder and its subfolders, decoded with SkiaSharp.
/// </summary>
/// <remarks>
/// <para>Pipeline per image: decode (any size, grayscale, RGB or RGBA) → composite over
/// <see cref="ImageDataSourceOptions.Background"/> → fit to a square by <see cref="ImageDataSourceOptions.Fit"/> (default:
/// crop the largest centred square, as pytorch/examples does) → resize to
/// <see cref="ImageDataSourceOptions.ImageSize"/> (default 64; bilinear with mipmaps when shrinking, Mitchell cubic
/// when enlarging) → convert to <see cref="ImageDataSourceOptions.ColorMode"/> (default RGB) → scale to [-1, 1].</para>
/// <para>Validation happens at construction: a missing folder, a folder without images, and any empty or
/// undecodable file (checked cheaply by reading each header with <c>SKCodec</c>) are reported before training
/// starts, naming the file. A file whose header is valid but whose body is truncated is only detected when
/// it is decoded: at construction with <see cref="ImageDataSourceOptions.Preload"/>, otherwise in <see cref="CopyImage"/>.</para>
/// <para>Decoding is lazy by default: each <see cref="CopyImage"/> call decodes its file with its own Skia objects,
/// so calls from several threads are safe. The trainer's prefetcher and <see cref="ImageDataSourceExtensions"/> read
/// a whole batch at once, and its files are decoded on up to <see cref="DecodeThreads"/> threads, each image written
/// to its own place (the bytes equal decoding one file after another). With <see cref="ImageDataSourceOptions.Preload"/> every image is decoded
/// once into a byte cache and <see cref="CopyImage"/> only scales bytes.</para>
/// <para>Files are ordered by their path relative to the folder (ordinal), so indices are stable across runs.
/// Hidden files (names starting with '.', such as macOS "._x.png" resource forks) are skipped.
/// JPEG EXIF orientation is not applied.</para>
/// <para>Only files with those extensions are picked up, but each one's format is taken from its content (signature),
/// not its extension: PNG, JPEG, GIF, WebP or BMP content is decoded whatever the name says; anything else (an IDX or
/// TIFF file renamed <c>.png</c>), and animated GIF/WebP files, are refused naming the file. The
/// size the header claims is checked against <see cref="ImageDataSourceOptions.MaxSourcePixels"/> (default
/// 8192 x 8192) before any pixel memory is allocated.</para>
/// </remarks>
public sealed class ImageFolderDataSource : IImageDataSource, IImageBatchReader
{
    private static readonly string[] Extensions = [".png", ".jpg", ".jpeg"];

    private readonly string[] _files;
    private readonly int _imageSize;
    private readonly byte[]? _cache;
    private readonly long _maxSourcePixels;
    private readonly ParallelOptions _parallel;

    /// <summary>Finds and validates the images under <paramref name="folder"/>.</summary>
    /// <param name="folder">The folder to search recursively.</param>
    /// <param name="options">
    /// Size (default 64), colour mode (default RGB), background and preloading; validated with
    /// <see cref="ImageDataSourceOptionsValidator"/> and read once (later changes do not affect the source). The default value is <see langword="null"/>, meaning
    /// <c>new ImageDataSourceOptions()</c>.
    /// </param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">The folder has no images, or a file is empty, of an unsupported format, larger than
    /// <see cref="ImageDataSourceOptions.MaxSourcePixels"/> or cannot be decoded (the message names the file).</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid; the message lists every failure with its value.</exception>
    public ImageFolderDataSource(string folder, ImageDataSourceOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        options ??= new ImageDataSourceOptions();
        new ImageDataSourceOptionsValidator().ThrowIfInvalid(options);

        // Resolve the kind's defaults once; later changes to the caller's instance cannot alter a live source.
        _imageSize = options.ImageSize ?? ImageDataSourceOptions.DefaultFolderImageSize;
        ColorMode = options.ColorMode ?? ColorMode.Rgb;
        Background = options.Background;
        Fit = options.Fit;
        _maxSourcePixels = options.MaxSourcePixels;
        DecodeThreads = options.DecodeThreads ?? ImageDataSourceOptions.DefaultDecodeThreads(Environment.ProcessorCount);
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = DecodeThreads };
        Folder = Path.GetFullPath(folder);
        if (!Directory.Exists(Folder))
        {
            throw new DirectoryNotFoundException($"Image folder '{Folder}' does not exist.");
        }

        _files = FindImages(Folder);
        if (_files.Length == 0)
        {
            throw new InvalidDataException(
                $"Image folder '{Folder}' contains no .png, .jpg or .jpeg files (searched recursively, hidden files skipped).");
        }

        foreach (string file in _files)
        {
            SkiaImageDecoder.Probe(file, _maxSourcePixels);
        }

        Shape = new ImageShape((int)ColorMode, _imageSize, options.ImageWidth ?? _imageSize);
        if (options.Preload)
        {
            _cache = PreloadAll();
        }
    }

    /// <summary>The folder that was searched (full path).</summary>
    public string Folder { get; }

    /// <summary>The image files, in index order.</summary>
    public IReadOnlyList<string> Files => _files;

    /// <summary>The colour mode of the produced images.</summary>
    public ColorMode ColorMode { get; }

    /// <summary>The background that transparency is composited over.</summary>
    public RgbColor Background { get; }

    /// <summary>How images whose sides differ become square.</summary>
    public ImageFit Fit { get; }

    /// <summary>
    /// How many threads decode the files of one batch (<see cref="ImageDataSourceOptions.DecodeThreads"/>, or its
    /// default). Preloading uses every core: nothing else runs then.
    /// </summary>
    public int DecodeThreads { get; }

    /// <summary>Whether all images were decoded into memory at construction.</summary>
    public bool IsPreloaded => _cache is not null;

    /// <inheritdoc />
    public int Count => _files.Length;

    /// <inheritdoc />
    public ImageShape Shape { get; }

    /// <inheritdoc />
    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"image folder '{Folder}' ({Count} images as {Shape} {ColorMode}, background {Background}{(Fit != ImageFit.CenterCrop ? $", fit {Fit}" : "")}{(IsPreloaded ? ", preloaded" : "")})");

    /// <inheritdoc />
    /// <exception cref="InvalidDataException">The file can no longer be decoded (lazy mode only); the message names it.</exception>
    public void CopyImage(int index, Span<float> destination)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Index must be in [0, {Count - 1}] for {Description}.");
        }

        int length = Shape.ElementCount;
        if (destination.Length != length)
        {
            throw new ArgumentOutOfRangeException(nameof(destination), destination.Length,
                $"Destination has {destination.Length} floats; expected {length} for shape {Shape}.");
        }

        if (_cache is not null)
        {
            PixelScaling.ToSigned(_cache.AsSpan((int)((long)index * length), length), destination);
            return;
        }

        byte[] bytes = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            SkiaImageDecoder.Decode(_files[index], Shape, Fit, ColorMode, Background, _maxSourcePixels, bytes.AsSpan(0, length));
            PixelScaling.ToSigned(bytes.AsSpan(0, length), destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>
    /// Decodes the files of <paramref name="indices"/> on up to <see cref="DecodeThreads"/> threads, image i into
    /// <c>destination[i * ElementCount ..]</c>. If files fail, the failure of the first such index is thrown (the same
    /// one a one-at-a-time read would throw), after the other images are done.
    /// </summary>
    void IImageBatchReader.CopyImages(IReadOnlyList<int> indices, float[] destination)
    {
        int length = Shape.ElementCount;
        if (_cache is not null || DecodeThreads == 1 || indices.Count < 2)
        {
            for (int i = 0; i < indices.Count; i++)
            {
                CopyImage(indices[i], destination.AsSpan(i * length, length));
            }

            return;
        }

        var failures = new Exception?[indices.Count];
        Parallel.For(0, indices.Count, _parallel, i =>
        {
            try
            {
                CopyImage(indices[i], destination.AsSpan(i * length, length));
            }
            catch (Exception e)
            {
                failures[i] = e;
            }
        });
        if (Array.Find(failures, f => f is not null) is { } first)
        {
            ExceptionDispatchInfo.Capture(first).Throw();
        }
    }

    private static string[] FindImages(string folder)
    {
        var enumeration = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
            IgnoreInaccessible = false,
        };
        return Directory.EnumerateFiles(folder, "*", enumeration)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .OrderBy(f => Path.GetRelativePath(folder, f), StringComparer.Ordinal)
            .ToArray();
    }

    private byte[] PreloadAll()
    {
        int length = Shape.ElementCount;
        long total = (long)length * _files.Length;
        if (total > Array.MaxLength)
        {
            throw new InvalidOperationException(
                $"Preloading {_files.Length} images of {Shape} needs {total} bytes, more than one array can hold ({Array.MaxLength}); use lazy decoding (Preload = false).");
        }

        var cache = new byte[total];
        try
        {
            Parallel.For(0, _files.Length, i =>
                SkiaImageDecoder.Decode(_files[i], Shape, Fit, ColorMode, Background, _maxSourcePixels,
                    cache.AsSpan((int)((long)i * length), length)));
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }

        return cache;
    }
}
