// NpyWriter: writes one .npy array to a stream in pieces (the header first, then the elements as they come), so that
// tens of thousands of images need memory for one batch only. Complete() checks that every element was written.
using System.Runtime.InteropServices;

namespace Dcgan.Interop;

/// <summary>
/// Streams one array in NumPy's .npy format (version 1.0, C order, little-endian) to a stream: construct it with the
/// final shape, <see cref="Append(ReadOnlySpan{float})"/> (or the byte overload) the elements in C order, then
/// <see cref="Complete"/>.
/// </summary>
public sealed class NpyWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly long _total;
    private long _written;
    private bool _disposed;

    /// <summary>Writes the header for <paramref name="shape"/> to <paramref name="stream"/>.</summary>
    /// <param name="stream">A writable stream, positioned where the .npy file begins.</param>
    /// <param name="type">The element type.</param>
    /// <param name="shape">The final shape, outermost first; no negative dimensions.</param>
    /// <param name="leaveOpen">Whether disposing the writer leaves <paramref name="stream"/> open.</param>
    public NpyWriter(Stream stream, NpyDataType type, IReadOnlyList<long> shape, bool leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        DataType = type;
        Shape = [.. shape];
        _total = NpyHeader.ElementCount(Shape);
        _stream.Write(NpyHeader.Build(type, Shape));
    }

    /// <summary>The element type.</summary>
    public NpyDataType DataType { get; }

    /// <summary>The array's shape.</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>Elements written so far.</summary>
    public long ElementsWritten => _written;

    /// <summary>Appends float32 elements (little-endian on every platform).</summary>
    /// <param name="values">The next elements in C order.</param>
    /// <exception cref="InvalidOperationException">The array holds another type, or more elements than the shape holds would be written.</exception>
    public void Append(ReadOnlySpan<float> values) => AppendLittleEndian(values, NpyDataType.Float32);

    /// <summary>Appends float64 elements (little-endian on every platform).</summary>
    /// <param name="values">The next elements in C order.</param>
    /// <exception cref="InvalidOperationException">The array holds another type, or more elements than the shape holds would be written.</exception>
    public void Append(ReadOnlySpan<double> values) => AppendLittleEndian(values, NpyDataType.Float64);

    /// <summary>Appends uint8 elements.</summary>
    /// <param name="values">The next elements in C order.</param>
    /// <exception cref="InvalidOperationException">The array holds another type, or more elements than the shape holds would be written.</exception>
    public void Append(ReadOnlySpan<byte> values)
    {
        Reserve(NpyDataType.UInt8, values.Length);
        _stream.Write(values);
    }

    /// <summary>Checks that every element of the shape was written and flushes the stream.</summary>
    /// <exception cref="InvalidOperationException">Fewer elements were written than the shape holds.</exception>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_written != _total)
        {
            throw new InvalidOperationException($"The .npy array of shape {NpyHeader.ShapeText(Shape)} needs {_total} elements; {_written} were written.");
        }

        _stream.Flush();
    }

    /// <summary>Closes the stream unless the writer was made with leaveOpen (does not call <see cref="Complete"/>).</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            if (!_leaveOpen)
            {
                _stream.Dispose();
            }
        }
    }

    private void AppendLittleEndian<T>(ReadOnlySpan<T> values, NpyDataType type)
        where T : unmanaged
    {
        Reserve(type, values.Length);
        if (BitConverter.IsLittleEndian)
        {
            _stream.Write(MemoryMarshal.AsBytes(values));
            return;
        }

        byte[] bytes = MemoryMarshal.AsBytes(values).ToArray();                // big-endian host: swap each element's bytes
        int size = NpyHeader.ElementSize(type);
        for (int i = 0; i < bytes.Length; i += size)
        {
            Array.Reverse(bytes, i, size);
        }

        _stream.Write(bytes);
    }

    private void Reserve(NpyDataType type, int count)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (type != DataType)
        {
            throw new InvalidOperationException($"This .npy array holds {DataType}; {type} elements cannot be appended.");
        }

        if (_written + count > _total)
        {
            throw new InvalidOperationException($"The .npy array of shape {NpyHeader.ShapeText(Shape)} holds {_total} elements; {_written + count} would be written.");
        }

        _written += count;
    }
}
