// CifarDataSource: CIFAR-10 / CIFAR-100 binary files (32x32 RGB with labels), streamed from disk or preloaded.
using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace Dcgan.Data;

/// <summary>
/// An <see cref="IImageDataSource"/> over CIFAR-10 or CIFAR-100 binary files (see <see cref="CifarVariant"/> for the
/// record layouts), with their labels.
/// </summary>
/// <remarks>
/// <para>Construction reads every file once, sequentially: it checks that each is a whole, non-zero number of records
/// and that every label is in range (a <see cref="CifarFormatException"/> names the file, record and byte offset
/// otherwise), and keeps the labels (1 or 2 bytes per image). The pixels stay on disk and each
/// <see cref="CopyImage"/> call reads its 3072 bytes with a positioned read, so memory stays flat whatever the size;
/// with <see cref="ImageDataSourceOptions.Preload"/> they are kept in memory instead (3 KiB per image, 150 MB for the
/// CIFAR-10 training set). Either way the instance is immutable and <see cref="CopyImage"/> may be called from several
/// threads at once.</para>
/// <para>Images are indexed in file order (files in the order given), record by record. Options:
/// <see cref="ImageDataSourceOptions.ImageSize"/> (default 32, the native size; other sizes are resampled with the IDX
/// reader's bilinear triangle filter), <see cref="ImageDataSourceOptions.ColorMode"/> (default RGB; grayscale is BT.601
/// luma). <see cref="ImageDataSourceOptions.Background"/> does not apply (CIFAR has no transparency).</para>
/// </remarks>
public sealed class CifarDataSource : IImageDataSource
{
    private const int NativeSize = 32;
    private const int Plane = NativeSize * NativeSize;

    private readonly string[] _files;
    private readonly int[] _firstRecord;
    private readonly byte[] _labels;
    private readonly byte[]? _coarseLabels;
    private readonly byte[]? _cache;
    private readonly Resampler? _resampler;

    /// <summary>Opens and validates CIFAR binary files of one variant.</summary>
    /// <param name="files">The files, in index order (for example <c>data_batch_1.bin</c> .. <c>data_batch_5.bin</c>).</param>
    /// <param name="variant">The record layout of every file.</param>
    /// <param name="options">
    /// Size (default 32), colour mode (default RGB) and preloading; validated with
    /// <see cref="ImageDataSourceOptionsValidator"/>. The default value is <see langword="null"/>, meaning
    /// <c>new ImageDataSourceOptions()</c>.
    /// </param>
    /// <exception cref="ArgumentException">No files were given.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="CifarFormatException">A file is malformed; the message names the file, record and offset.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid.</exception>
    public CifarDataSource(IReadOnlyList<string> files, CifarVariant variant, ImageDataSourceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            throw new ArgumentException($"No {CifarFiles.Name(variant)} files were given; expected at least one .bin file.", nameof(files));
        }

        if (!Enum.IsDefined(variant))
        {
            throw new ArgumentOutOfRangeException(nameof(variant), variant, "Expected Cifar10 or Cifar100.");
        }

        options ??= new ImageDataSourceOptions();
        new ImageDataSourceOptionsValidator().ThrowIfInvalid(options);
        Variant = variant;
        ColorMode = options.ColorMode ?? ColorMode.Rgb;
        _files = files.Select(Path.GetFullPath).ToArray();
        _firstRecord = new int[_files.Length + 1];
        for (int i = 0; i < _files.Length; i++)
        {
            if (!File.Exists(_files[i]))
            {
                throw new FileNotFoundException($"{CifarFiles.Name(variant)} file '{_files[i]}' does not exist.", _files[i]);
            }

            long total = (long)_firstRecord[i] + CifarFiles.CountRecords(_files[i], variant);
            _firstRecord[i + 1] = total <= int.MaxValue
                ? (int)total
                : throw new CifarFormatException(_files[i], -1, -1, $"the files hold {total} records together; at most {int.MaxValue} are supported.");
        }

        int count = _firstRecord[^1];
        _labels = new byte[count];
        _coarseLabels = variant == CifarVariant.Cifar100 ? new byte[count] : null;
        if (options.Preload)
        {
            long bytes = (long)count * CifarFiles.PixelBytes;
            _cache = bytes <= Array.MaxLength
                ? new byte[bytes]
                : throw new InvalidOperationException($"Preloading {count} CIFAR images needs {bytes} bytes, more than one array holds; use Preload = false (streaming).");
        }

        for (int i = 0; i < _files.Length; i++)
        {
            CifarFiles.Scan(_files[i], variant, _firstRecord[i + 1] - _firstRecord[i], _firstRecord[i], _labels, _coarseLabels, _cache);
        }

        int size = options.ImageSize ?? NativeSize;
        if (options.ImageWidth is int width && width != size)
        {
            throw new ArgumentException(
                $"CIFAR data gives square images, but ImageWidth {width} (ImageSize {size}) was requested; non-square sizes are for image folders and LMDB, which fit each image with ImageFit.", nameof(options));
        }

        _resampler = size == NativeSize ? null : new Resampler(NativeSize, NativeSize, size, size);
        Shape = new ImageShape((int)ColorMode, size, size);
    }

    /// <summary>The record layout.</summary>
    public CifarVariant Variant { get; }

    /// <summary>The files, in index order (full paths).</summary>
    public IReadOnlyList<string> Files => _files;

    /// <summary>The colour mode of the produced images.</summary>
    public ColorMode ColorMode { get; }

    /// <summary>Whether the pixels were read into memory at construction.</summary>
    public bool IsPreloaded => _cache is not null;

    /// <summary>The labels, one per image: the class (0-9) for CIFAR-10, the fine label (0-99) for CIFAR-100.</summary>
    public IReadOnlyList<byte> Labels => _labels;

    /// <summary>The CIFAR-100 coarse labels (0-19), one per image, or <see langword="null"/> for CIFAR-10.</summary>
    public IReadOnlyList<byte>? CoarseLabels => _coarseLabels;

    /// <inheritdoc />
    public int Count => _labels.Length;

    /// <inheritdoc />
    public ImageShape Shape { get; }

    /// <inheritdoc />
    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"{CifarFiles.Name(Variant)} {FileList()} ({Count} images 3x32x32{(Shape.Height != NativeSize ? $" resized to {Shape.Height}x{Shape.Width}" : "")} as {ColorMode}, labelled{(IsPreloaded ? ", preloaded" : "")})");

    /// <summary>The label of image <paramref name="index"/>: the class for CIFAR-10, the fine label for CIFAR-100.</summary>
    /// <param name="index">0 to <see cref="Count"/> - 1.</param>
    /// <returns>0-9 (CIFAR-10) or 0-99 (CIFAR-100).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the set.</exception>
    public int GetLabel(int index)
    {
        CheckIndex(index);
        return _labels[index];
    }

    /// <inheritdoc />
    /// <exception cref="CifarFormatException">The file became shorter since the source was opened (streaming mode).</exception>
    public void CopyImage(int index, Span<float> destination)
    {
        CheckIndex(index);
        if (destination.Length != Shape.ElementCount)
        {
            throw new ArgumentOutOfRangeException(nameof(destination), destination.Length,
                $"Destination has {destination.Length} floats; expected {Shape.ElementCount} for shape {Shape}.");
        }

        Span<byte> rgb = stackalloc byte[CifarFiles.PixelBytes];   // [3, 32, 32]
        ReadPixels(index, rgb);
        Span<byte> planes = rgb;
        if (ColorMode == ColorMode.Grayscale)
        {
            planes = rgb[..Plane];                                  // [1, 32, 32], luma written over the R plane
            for (int i = 0; i < Plane; i++)
            {
                planes[i] = (byte)((rgb[i] * 299 + rgb[Plane + i] * 587 + rgb[2 * Plane + i] * 114 + 500) / 1000);
            }
        }

        if (_resampler is null)
        {
            PixelScaling.ToSigned(planes, destination);
            return;
        }

        int target = Shape.Height * Shape.Width;
        for (int c = 0; c < Shape.Channels; c++)
        {
            _resampler.Resample(planes.Slice(c * Plane, Plane), destination.Slice(c * target, target));
        }
    }

    private void ReadPixels(int index, Span<byte> destination)
    {
        if (_cache is not null)
        {
            _cache.AsSpan(index * CifarFiles.PixelBytes, CifarFiles.PixelBytes).CopyTo(destination);
            return;
        }

        // _firstRecord is strictly increasing (no file is empty): the file is the last one starting at or before index.
        int file = Array.BinarySearch(_firstRecord, index);
        file = file >= 0 ? file : ~file - 1;

        long record = index - _firstRecord[file];
        long offset = record * CifarFiles.RecordBytes(Variant) + CifarFiles.LabelBytes(Variant);
        using SafeFileHandle handle = File.OpenHandle(_files[file], FileMode.Open, FileAccess.Read, FileShare.Read);
        int read = 0;
        while (read < destination.Length)
        {
            int n = RandomAccess.Read(handle, destination[read..], offset + read);
            if (n == 0)
            {
                throw new CifarFormatException(_files[file], record, offset + read,
                    $"the file ended after {read} of the record's {CifarFiles.PixelBytes} pixel bytes; it became shorter since it was opened.");
            }

            read += n;
        }
    }

    private void CheckIndex(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Index must be in [0, {Count - 1}] for {Description}.");
        }
    }

    private string FileList() => _files.Length == 1
        ? $"'{_files[0]}'"
        : $"{Path.GetFileName(_files[0])} .. {Path.GetFileName(_files[^1])} ({_files.Length} files) in '{Path.GetDirectoryName(_files[0])}'";
}
