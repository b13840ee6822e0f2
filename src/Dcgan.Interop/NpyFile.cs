// NpyFile: whole .npy arrays in and out (latent vectors, reference outputs); NpyWriter streams large ones.
using System.IO.Compression;
using System.Runtime.InteropServices;

namespace Dcgan.Interop;

/// <summary>Reads and writes NumPy .npy files (float32 and uint8, C order) and reads arrays (float32, float64, uint8) from .npz archives.</summary>
public static class NpyFile
{
    /// <summary>Writes <paramref name="data"/> as a float32 .npy file of shape <paramref name="shape"/>.</summary>
    /// <param name="path">The file; replaced if it exists.</param>
    /// <param name="data">The elements in C order; as many as the shape holds.</param>
    /// <param name="shape">The shape, outermost first.</param>
    /// <exception cref="InvalidOperationException">The element count does not match the shape.</exception>
    public static void Write(string path, ReadOnlySpan<float> data, IReadOnlyList<long> shape)
    {
        using var writer = new NpyWriter(File.Create(path), NpyDataType.Float32, shape, leaveOpen: false);
        writer.Append(data);
        writer.Complete();
    }

    /// <summary>Writes <paramref name="data"/> as a uint8 .npy file of shape <paramref name="shape"/>.</summary>
    /// <param name="path">The file; replaced if it exists.</param>
    /// <param name="data">The elements in C order; as many as the shape holds.</param>
    /// <param name="shape">The shape, outermost first.</param>
    /// <exception cref="InvalidOperationException">The element count does not match the shape.</exception>
    public static void Write(string path, ReadOnlySpan<byte> data, IReadOnlyList<long> shape)
    {
        using var writer = new NpyWriter(File.Create(path), NpyDataType.UInt8, shape, leaveOpen: false);
        writer.Append(data);
        writer.Complete();
    }

    /// <summary>Reads a float32 (<c>'&lt;f4'</c>) .npy file.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="NpyFormatException">Missing, not .npy, another dtype, Fortran order, or truncated (the message says which).</exception>
    public static NpyArray<float> ReadFloat32(string path) => ReadFile<float>(path, NpyDataType.Float32);

    /// <summary>Reads a uint8 (<c>'|u1'</c>) .npy file.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="NpyFormatException">Missing, not .npy, another dtype, Fortran order, or truncated.</exception>
    public static NpyArray<byte> ReadUInt8(string path) => ReadFile<byte>(path, NpyDataType.UInt8);

    /// <summary>Reads the uint8 array <paramref name="name"/> (entry <c>name.npy</c>) of a .npz archive.</summary>
    /// <param name="path">The .npz file.</param>
    /// <param name="name">The array's key, e.g. <c>arr_0</c>.</param>
    /// <exception cref="NpyFormatException">Missing file or array, not a zip, or the array is not uint8 .npy.</exception>
    public static NpyArray<byte> ReadUInt8FromNpz(string path, string name) => ReadNpz<byte>(path, name, NpyDataType.UInt8);

    /// <summary>Reads the float32 array <paramref name="name"/> of a .npz archive.</summary>
    /// <param name="path">The .npz file.</param>
    /// <param name="name">The array's key, e.g. <c>arr_0</c>.</param>
    /// <exception cref="NpyFormatException">Missing file or array, not a zip, or the array is not float32 .npy.</exception>
    public static NpyArray<float> ReadFloat32FromNpz(string path, string name) => ReadNpz<float>(path, name, NpyDataType.Float32);

    /// <summary>Reads the float64 array <paramref name="name"/> of a .npz archive.</summary>
    /// <param name="path">The .npz file.</param>
    /// <param name="name">The array's key, e.g. <c>sigma</c>.</param>
    /// <exception cref="NpyFormatException">Missing file or array, not a zip, or the array is not float64 .npy.</exception>
    public static NpyArray<double> ReadFloat64FromNpz(string path, string name) => ReadNpz<double>(path, name, NpyDataType.Float64);

    /// <summary>
    /// Reads the array <paramref name="name"/> of a .npz archive as float64, converting float32 (<c>'&lt;f4'</c>) exactly,
    /// for values that NumPy code saves in either precision (clean-fid's mu is float32, pytorch-fid's float64).
    /// </summary>
    internal static NpyArray<double> ReadFloatingFromNpz(string path, string name) =>
        ReadNpz<double>(path, name, NpyDataType.Float64, allowFloat32: true);

    private static NpyArray<T> ReadFile<T>(string path, NpyDataType type)
        where T : unmanaged
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new NpyFormatException($".npy file '{full}' does not exist.");
        }

        using FileStream stream = File.OpenRead(full);
        return Read<T>(stream, full, type);
    }

    private static NpyArray<T> ReadNpz<T>(string path, string name, NpyDataType type, bool allowFloat32 = false)
        where T : unmanaged
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new NpyFormatException($".npz file '{full}' does not exist.");
        }

        try
        {
            using ZipArchive zip = ZipFile.OpenRead(full);
            ZipArchiveEntry entry = zip.GetEntry(name + ".npy")
                ?? throw new NpyFormatException($"'{full}' has no array '{name}'; it has: {string.Join(", ", zip.Entries.Select(e => Path.GetFileNameWithoutExtension(e.FullName)))}.");
            using Stream stream = entry.Open();
            return Read<T>(stream, $"{full}:{name}", type, allowFloat32);
        }
        catch (InvalidDataException e)
        {
            throw new NpyFormatException($"'{full}' is not a .npz (zip) archive: {e.Message}", e);
        }
    }

    private static NpyArray<T> Read<T>(Stream stream, string name, NpyDataType type, bool allowFloat32 = false)
        where T : unmanaged
    {
        (NpyDataType found, long[] shape) = NpyHeader.Read(stream, name);
        if (allowFloat32 && type == NpyDataType.Float64 && found == NpyDataType.Float32)
        {
            NpyArray<float> narrow = ReadData<float>(stream, name, found, shape);
            return (NpyArray<T>)(object)new NpyArray<double>(shape, [.. narrow.Data.Select(v => (double)v)]);
        }

        if (found != type)
        {
            throw new NpyFormatException($"'{name}' holds {found} elements ('{NpyHeader.Descr(found)}'); expected {type} ('{NpyHeader.Descr(type)}').");
        }

        return ReadData<T>(stream, name, type, shape);
    }

    private static NpyArray<T> ReadData<T>(Stream stream, string name, NpyDataType type, long[] shape)
        where T : unmanaged
    {
        long count = NpyHeader.ElementCount(shape);
        if (count > Array.MaxLength / NpyHeader.ElementSize(type))
        {
            throw new NpyFormatException($"'{name}' has shape {NpyHeader.ShapeText(shape)}: too large to read into one array.");
        }

        // A seekable stream (a .npy file) must hold the claimed data before anything is allocated for it; a zip entry's
        // stream is not seekable and is read as it comes (the .npz's own size limits apply).
        long needed = count * NpyHeader.ElementSize(type);
        if (stream.CanSeek && stream.Length - stream.Position < needed)
        {
            throw new NpyFormatException(
                $"'{name}' is truncated: its shape {NpyHeader.ShapeText(shape)} needs {needed} bytes of data, but only {stream.Length - stream.Position} bytes follow its header at offset {stream.Position}.");
        }

        var data = new T[count];
        NpyHeader.ReadExactly(stream, MemoryMarshal.AsBytes(data.AsSpan()), name);
        if (!BitConverter.IsLittleEndian && type == NpyDataType.Float32)
        {
            Span<int> words = MemoryMarshal.Cast<T, int>(data.AsSpan());
            System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(words, words);
        }
        else if (!BitConverter.IsLittleEndian && type == NpyDataType.Float64)
        {
            Span<long> words = MemoryMarshal.Cast<T, long>(data.AsSpan());
            System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(words, words);
        }

        return new NpyArray<T>(shape, data);
    }
}
