// NpzWriter: a NumPy .npz archive (a zip of .npy files, uncompressed like np.savez) written array by array, each one
// streamed through an NpyWriter, so that memory does not grow with the array.
using System.IO.Compression;

namespace Dcgan.Interop;

/// <summary>
/// Writes a .npz file as <c>np.savez</c> does: one zip entry <c>name.npy</c> per array, stored without compression.
/// <c>np.load(path)['arr_0']</c> reads an array named <c>arr_0</c> back.
/// </summary>
public sealed class NpzWriter : IDisposable
{
    private readonly FileStream _file;
    private readonly ZipArchive _zip;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private NpyWriter? _open;
    private Stream? _openEntry;

    /// <summary>Creates (or replaces) the file at <paramref name="path"/>; its folder must exist.</summary>
    /// <param name="path">The .npz file.</param>
    public NpzWriter(string path)
    {
        _file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        _zip = new ZipArchive(_file, ZipArchiveMode.Create, leaveOpen: false);
    }

    /// <summary>
    /// Starts the array <paramref name="name"/> (entry <c>name.npy</c>); the previous array must be complete. Append its
    /// elements to the returned writer and call <see cref="NpyWriter.Complete"/>; this archive disposes it.
    /// </summary>
    /// <param name="name">The array's key in <c>np.load(path)</c>, e.g. <c>arr_0</c>.</param>
    /// <param name="type">The element type.</param>
    /// <param name="shape">The final shape.</param>
    /// <exception cref="InvalidOperationException">The name is used already, or the previous array is incomplete.</exception>
    public NpyWriter AddArray(string name, NpyDataType type, IReadOnlyList<long> shape)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        CloseOpen();
        if (!_names.Add(name))
        {
            throw new InvalidOperationException($"The .npz archive already has an array named '{name}'.");
        }

        _openEntry = _zip.CreateEntry(name + ".npy", CompressionLevel.NoCompression).Open();
        _open = new NpyWriter(_openEntry, type, shape, leaveOpen: true);
        return _open;
    }

    /// <summary>Finishes the archive (the last array must be complete) and closes the file.</summary>
    public void Dispose()
    {
        try
        {
            CloseOpen();
        }
        finally
        {
            _zip.Dispose();
            _file.Dispose();
        }
    }

    private void CloseOpen()
    {
        if (_open is not null)
        {
            long written = _open.ElementsWritten;
            long total = NpyHeader.ElementCount(_open.Shape);
            _open.Dispose();
            _openEntry!.Dispose();
            _open = null;
            _openEntry = null;
            if (written != total)
            {
                throw new InvalidOperationException($"The previous .npz array has {written} of its {total} elements.");
            }
        }
    }
}
