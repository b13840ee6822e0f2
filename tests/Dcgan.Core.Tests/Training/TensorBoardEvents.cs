// A reader of TensorBoard event files for the tests, written from the format: records of (uint64 length, masked CRC32C
// of the length bytes, data, masked CRC32C of the data), each data an Event protobuf. Every CRC is checked.
using System.Buffers.Binary;
using System.Text;

namespace Dcgan.Core.Tests.Training;

internal sealed record TensorBoardValue(string Tag, float? SimpleValue, byte[]? Png, int ImageWidth, int ImageHeight);

internal sealed record TensorBoardEvent(double WallTime, long Step, string? FileVersion, IReadOnlyList<TensorBoardValue> Values);

internal static class TensorBoardEvents
{
    private static readonly uint[] Table = BuildTable();

    public static List<TensorBoardEvent> Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        var events = new List<TensorBoardEvent>();
        int at = 0;
        while (at < bytes.Length)
        {
            if (bytes.Length - at < 12)
            {
                throw new InvalidDataException($"{path}: {bytes.Length - at} trailing bytes at {at}, less than a record header");
            }

            ulong length = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(at));
            Check(bytes.AsSpan(at, 8), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 8)), path, at, "length");
            at += 12;
            if ((ulong)(bytes.Length - at) < length + 4)
            {
                throw new InvalidDataException($"{path}: record at {at - 12} says {length} bytes, only {bytes.Length - at - 4} follow");
            }

            ReadOnlySpan<byte> data = bytes.AsSpan(at, (int)length);
            Check(data, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + (int)length)), path, at, "data");
            events.Add(ParseEvent(data.ToArray()));
            at += (int)length + 4;
        }

        return events;
    }

    public static uint MaskedCrc32C(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFFu;
        foreach (byte b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        crc ^= 0xFFFFFFFFu;
        return ((crc >> 15) | (crc << 17)) + 0xa282ead8u;
    }

    private static void Check(ReadOnlySpan<byte> data, uint stored, string path, int offset, string what)
    {
        uint computed = MaskedCrc32C(data);
        if (computed != stored)
        {
            throw new InvalidDataException($"{path}: masked CRC32C of the {what} at {offset} is {stored:x8}, computed {computed:x8}");
        }
    }

    // Event: 1 wall_time (double), 2 step (int64), 3 file_version (string), 5 summary (Summary).
    private static TensorBoardEvent ParseEvent(byte[] data)
    {
        double wallTime = 0;
        long step = 0;
        string? version = null;
        var values = new List<TensorBoardValue>();
        foreach ((int field, object value) in Fields(data))
        {
            switch (field)
            {
                case 1: wallTime = BitConverter.Int64BitsToDouble((long)(ulong)value); break;
                case 2: step = (long)(ulong)value; break;
                case 3: version = Encoding.UTF8.GetString((byte[])value); break;
                case 5:
                    // Summary: 1 value (repeated Value).
                    values.AddRange(Fields((byte[])value).Where(f => f.Field == 1).Select(f => ParseValue((byte[])f.Value)));
                    break;
            }
        }

        return new TensorBoardEvent(wallTime, step, version, values);
    }

    // Summary.Value: 1 tag, 2 simple_value (float), 4 image (Image: 1 height, 2 width, 3 colorspace, 4 encoded_image_string).
    private static TensorBoardValue ParseValue(byte[] data)
    {
        string tag = "";
        float? simple = null;
        byte[]? png = null;
        int width = 0, height = 0;
        foreach ((int field, object value) in Fields(data))
        {
            switch (field)
            {
                case 1: tag = Encoding.UTF8.GetString((byte[])value); break;
                case 2: simple = BitConverter.UInt32BitsToSingle((uint)value); break;
                case 4:
                    foreach ((int f, object v) in Fields((byte[])value))
                    {
                        if (f == 1) height = (int)(ulong)v;
                        if (f == 2) width = (int)(ulong)v;
                        if (f == 4) png = (byte[])v;
                    }

                    break;
            }
        }

        return new TensorBoardValue(tag, simple, png, width, height);
    }

    // Protobuf wire format: varint (0) -> ulong, 64-bit (1) -> ulong bits, length-delimited (2) -> byte[], 32-bit (5) -> uint bits.
    private static IEnumerable<(int Field, object Value)> Fields(byte[] data)
    {
        int at = 0;
        while (at < data.Length)
        {
            ulong key = Varint(data, ref at);
            int field = (int)(key >> 3);
            switch ((int)(key & 7))
            {
                case 0: yield return (field, Varint(data, ref at)); break;
                case 1: yield return (field, BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(at))); at += 8; break;
                case 2:
                    int length = (int)Varint(data, ref at);
                    yield return (field, data.AsSpan(at, length).ToArray());
                    at += length;
                    break;
                case 5: yield return (field, BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at))); at += 4; break;
                default: throw new InvalidDataException($"unsupported wire type {key & 7} of field {field}");
            }
        }
    }

    private static ulong Varint(byte[] data, ref int at)
    {
        ulong value = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = data[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            uint c = i;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0x82F63B78u ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        return table;
    }
}
