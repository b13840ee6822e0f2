// LmdbImageDataSource: an LMDB of encoded images (LSUN's export: key -> WebP/JPEG/PNG bytes), read-only and streaming.
using System.Globalization;
using System.Text;
using LightningDB;
using SkiaSharp;

namespace Dcgan.Data;

/// <summary>
/// An <see cref="IImageDataSource"/> over an LMDB database whose values are encoded images, such as the LSUN scene
/// exports (<c>bedroom_train_lmdb/</c>: image id -> WebP bytes); any format SkiaSharp decodes (WebP, JPEG, PNG) works.
/// </summary>
/// <remarks>
/// <para>The environment is opened read-only without locking (like torchvision's LSUN reader), so a database on a
/// read-only disk works and the files are never modified. Construction reads every key once (a cursor pass that
/// touches no values) and keeps them in memory in LMDB's key order (bytewise), so image <c>i</c> is always the same
/// record: the trainer's shuffled epoch order works on these indices, and a resumed run sees exactly the batches of an
/// uninterrupted one. Values stay on disk: each <see cref="CopyImage"/> call reads one record in its own read
/// transaction and decodes it, so memory is the key list (about 40 bytes per LSUN image) whatever the database size,
/// and calls from several threads are safe.</para>
/// <para>Per image: decode → composite over <see cref="ImageDataSourceOptions.Background"/> → fit to a square by
/// <see cref="ImageDataSourceOptions.Fit"/> (default: centre crop, as pytorch/examples and dcgan.torch do for LSUN) →
/// resize to <see cref="ImageDataSourceOptions.ImageSize"/> (default 64) → <see cref="ImageDataSourceOptions.ColorMode"/>
/// (default RGB) → [-1, 1]. Each record passes the image files' checks before any pixel memory is allocated (format by
/// content, a single frame, at most <see cref="ImageDataSourceOptions.MaxSourcePixels"/> pixels in its header). Only the
/// first record is decoded at construction; a later record that cannot be decoded
/// fails in <see cref="CopyImage"/> naming its key. <see cref="ImageDataSourceOptions.Preload"/> is not supported.</para>
/// <para>Native library: LightningDB's bundled Linux build needs glibc 2.38; on older systems (Debian 12, Ubuntu 22.04)
/// the system's <c>liblmdb.so.0</c> (package <c>liblmdb0</c>) is loaded instead.</para>
/// </remarks>
public sealed class LmdbImageDataSource : IImageDataSource, IDisposable
{
    private readonly LightningEnvironment _environment;
    private readonly byte[] _keys;
    private readonly int[] _keyStarts;
    private readonly int _imageSize;
    private readonly long _maxSourcePixels;
    private volatile bool _disposed;

    /// <summary>Opens the LMDB environment in <paramref name="folder"/> (the folder holding <c>data.mdb</c>) and lists its keys.</summary>
    /// <param name="folder">The environment folder, or its <c>data.mdb</c> file.</param>
    /// <param name="options">
    /// Size (default 64), colour mode (default RGB), fit (default centre crop) and background; validated with
    /// <see cref="ImageDataSourceOptionsValidator"/>. The default value is <see langword="null"/>, meaning <c>new ImageDataSourceOptions()</c>.
    /// </param>
    /// <exception cref="DirectoryNotFoundException">The folder or its <c>data.mdb</c> does not exist.</exception>
    /// <exception cref="InvalidDataException">The database cannot be opened, is empty, or its first record is not a decodable image.</exception>
    /// <exception cref="ArgumentException"><see cref="ImageDataSourceOptions.Preload"/> was requested.</exception>
    /// <exception cref="IOException">The native LMDB library cannot be loaded (the message says which package to install).</exception>
    public LmdbImageDataSource(string folder, ImageDataSourceOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        options ??= new ImageDataSourceOptions();
        new ImageDataSourceOptionsValidator().ThrowIfInvalid(options);
        if (options.Preload)
        {
            throw new ArgumentException("Preload = true is not supported for LMDB data (it streams records from the memory-mapped file); leave it false.", nameof(options));
        }

        string full = Path.GetFullPath(folder);
        Folder = Path.GetFileName(full) == "data.mdb" && File.Exists(full) ? Path.GetDirectoryName(full)! : full;
        if (!File.Exists(Path.Combine(Folder, "data.mdb")))
        {
            throw new DirectoryNotFoundException($"LMDB folder '{Folder}' has no data.mdb; expected an LMDB environment folder such as LSUN's bedroom_train_lmdb.");
        }

        _imageSize = options.ImageSize ?? ImageDataSourceOptions.DefaultFolderImageSize;
        _maxSourcePixels = options.MaxSourcePixels;
        ColorMode = options.ColorMode ?? ColorMode.Rgb;
        Fit = options.Fit;
        Background = options.Background;
        Shape = new ImageShape((int)ColorMode, _imageSize, options.ImageWidth ?? _imageSize);
        _environment = Open(Folder);
        try
        {
            (_keys, _keyStarts) = ReadKeys();
            if (Count == 0)
            {
                throw new InvalidDataException($"LMDB database '{Folder}' has no records; expected encoded images.");
            }

            Span<byte> first = new byte[Shape.ElementCount];
            Decode(0, first);
        }
        catch
        {
            _environment.Dispose();
            throw;
        }
    }

    /// <summary>The environment folder (full path).</summary>
    public string Folder { get; }

    /// <summary>The colour mode of the produced images.</summary>
    public ColorMode ColorMode { get; }

    /// <summary>How images whose sides differ become square.</summary>
    public ImageFit Fit { get; }

    /// <summary>The background that transparency is composited over.</summary>
    public RgbColor Background { get; }

    /// <inheritdoc />
    public int Count => _keyStarts.Length - 1;

    /// <inheritdoc />
    public ImageShape Shape { get; }

    /// <inheritdoc />
    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"LMDB '{Folder}' ({Count} images as {Shape} {ColorMode}{(Fit != ImageFit.CenterCrop ? $", fit {Fit}" : "")})");

    /// <summary>The key of image <paramref name="index"/> (a copy of its bytes).</summary>
    /// <param name="index">0 to <see cref="Count"/> - 1.</param>
    /// <returns>The key's bytes; LSUN keys are ASCII image ids.</returns>
    public byte[] GetKey(int index)
    {
        CheckIndex(index);
        return Key(index).ToArray();
    }

    /// <inheritdoc />
    /// <exception cref="InvalidDataException">The record is gone, is not a supported image, claims more than
    /// <see cref="ImageDataSourceOptions.MaxSourcePixels"/> pixels, or cannot be decoded; the message names its key.</exception>
    public void CopyImage(int index, Span<float> destination)
    {
        CheckIndex(index);
        if (destination.Length != Shape.ElementCount)
        {
            throw new ArgumentOutOfRangeException(nameof(destination), destination.Length,
                $"Destination has {destination.Length} floats; expected {Shape.ElementCount} for shape {Shape}.");
        }

        byte[] bytes = new byte[Shape.ElementCount];
        Decode(index, bytes);
        PixelScaling.ToSigned(bytes, destination);
    }

    /// <summary>Closes the environment; reading afterwards throws <see cref="ObjectDisposedException"/>. Idempotent.</summary>
    public void Dispose()
    {
        _disposed = true;
        _environment.Dispose();
    }

    private static LightningEnvironment Open(string folder)
    {
        LmdbNativeLibrary.EnsureRegistered();
        LightningEnvironment? environment = null;
        try
        {
            environment = new LightningEnvironment(folder, new EnvironmentConfiguration { MaxDatabases = 1 });
            environment.Open(EnvironmentOpenFlags.ReadOnly | EnvironmentOpenFlags.NoLock | EnvironmentOpenFlags.NoReadAhead
                | EnvironmentOpenFlags.NoThreadLocalStorage);
            return environment;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException)
        {
            environment?.Dispose();
            throw new IOException($"Cannot open LMDB folder '{folder}': {LmdbNativeLibrary.MissingMessage}", e);
        }
        catch (LightningException e)
        {
            environment?.Dispose();
            throw new InvalidDataException($"LMDB folder '{folder}' could not be opened read-only: {e.Message}", e);
        }
    }

    // Every key in LMDB order, concatenated, with start offsets (one more than the count).
    private (byte[] Keys, int[] Starts) ReadKeys()
    {
        var keys = new MemoryStream();
        var starts = new List<int> { 0 };
        using LightningTransaction transaction = _environment.BeginTransaction(TransactionBeginFlags.ReadOnly);
        using LightningDatabase database = transaction.OpenDatabase();
        using LightningCursor cursor = transaction.CreateCursor(database);
        for (var entry = cursor.First(); entry.resultCode == MDBResultCode.Success; entry = cursor.Next())
        {
            keys.Write(entry.key.AsSpan());
            starts.Add(checked((int)keys.Length));
        }

        return (keys.ToArray(), starts.ToArray());
    }

    private void Decode(int index, Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        byte[] encoded;
        using (LightningTransaction transaction = _environment.BeginTransaction(TransactionBeginFlags.ReadOnly))
        using (LightningDatabase database = transaction.OpenDatabase())
        {
            (MDBResultCode code, _, MDBValue value) = transaction.Get(database, Key(index));
            encoded = code == MDBResultCode.Success
                ? value.CopyToNewArray()
                : throw new InvalidDataException($"{Record(index)} could not be read: LMDB reported {code}.");
        }

        using SKCodec codec = ImageFileChecks.OpenCodec(encoded, Record(index), _maxSourcePixels);
        ImageFitTransform.Decode(codec, Record(index), Shape, Fit, ColorMode, Background, destination);
    }

    private ReadOnlySpan<byte> Key(int index) => _keys.AsSpan(_keyStarts[index], _keyStarts[index + 1] - _keyStarts[index]);

    private string Record(int index)
    {
        ReadOnlySpan<byte> key = Key(index);
        bool printable = !key.IsEmpty && key.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) < 0;
        string shown = printable ? Encoding.ASCII.GetString(key) : "0x" + Convert.ToHexString(key);
        return $"LMDB record {index} (key {shown}) in '{Folder}'";
    }

    private void CheckIndex(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Index must be in [0, {Count - 1}] for {Description}.");
        }
    }
}
