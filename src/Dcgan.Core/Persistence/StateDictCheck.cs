// Verifies the bytes of a module's state dict in TorchSharp's format (LEB128 count; per tensor: key string, LEB128
// dtype, rank, dimensions, raw data) against a live module, in managed code and before anything is loaded:
// TorchSharp's own load copies tensor by tensor, so a bad entry halfway would leave a half-loaded module.
using static TorchSharp.torch;

namespace Dcgan.Persistence;

/// <summary>Checks that saved state-dict bytes hold exactly the keys, dtypes and shapes of a module.</summary>
internal static class StateDictCheck
{
    /// <summary>Throws unless <paramref name="bytes"/> loads into <paramref name="module"/> with strict key matching.</summary>
    /// <param name="bytes">Bytes written by <c>module.save</c>.</param>
    /// <param name="module">The module they are meant for.</param>
    /// <param name="file">The checkpoint file, for messages.</param>
    /// <param name="what">Which state (an entry name), for messages.</param>
    /// <exception cref="CheckpointException">A key is unknown, repeated or missing, a dtype or shape differs, or the bytes are truncated or too long.</exception>
    public static void ThrowIfDoesNotFit(byte[] bytes, nn.Module module, string file, string what)
    {
        string where = $"Checkpoint '{file}': '{what}'";
        Dictionary<string, Tensor> live = module.state_dict();
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
        try
        {
            long count = Leb128(reader);
            if (count != live.Count)
            {
                throw new CheckpointException($"{where} holds {count} tensors, this model has {live.Count}.");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (long i = 0; i < count; i++)
            {
                string key = reader.ReadString();
                if (!live.TryGetValue(key, out Tensor? tensor) || !seen.Add(key))
                {
                    throw new CheckpointException($"{where}: key '{key}' {(seen.Contains(key) ? "appears twice" : "is not in this model")}.");
                }

                long type = Leb128(reader);
                if (type != (long)tensor.dtype)
                {
                    throw new CheckpointException($"{where}: key '{key}' has dtype {(ScalarType)type} but {tensor.dtype} in this model.");
                }

                long rank = Leb128(reader);
                long[] shape = rank is >= 0 and <= 16 ? new long[rank] : throw new CheckpointException($"{where}: key '{key}' claims {rank} dimensions.");
                for (int d = 0; d < rank; d++)
                {
                    shape[d] = Leb128(reader);
                }

                if (!shape.SequenceEqual(tensor.shape))
                {
                    throw new CheckpointException($"{where}: key '{key}' has shape [{string.Join(", ", shape)}] but [{string.Join(", ", tensor.shape)}] in this model.");
                }

                long size = tensor.NumberOfElements * tensor.ElementSize;
                if (reader.BaseStream.Length - reader.BaseStream.Position < size)
                {
                    throw new CheckpointException($"{where} is truncated: key '{key}' needs {size} bytes, {reader.BaseStream.Length - reader.BaseStream.Position} remain.");
                }

                reader.BaseStream.Position += size;
            }

            if (reader.BaseStream.Position != bytes.Length)
            {
                throw new CheckpointException($"{where} has {bytes.Length - reader.BaseStream.Position} bytes after its last tensor.");
            }
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or IOException)
        {
            throw new CheckpointException($"{where} is truncated or malformed: {e.Message}", e);
        }
    }

    // An unsigned LEB128 number (TorchSharp's BinaryReader.Decode), at most 9 bytes.
    private static long Leb128(BinaryReader reader)
    {
        long value = 0;
        for (int shift = 0; shift < 63; shift += 7)
        {
            byte b = reader.ReadByte();
            value |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new FormatException("a LEB128 number is longer than 9 bytes");
    }
}
