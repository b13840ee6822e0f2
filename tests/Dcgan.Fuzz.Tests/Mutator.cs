// Mutator: turns a valid seed into a malformed input, deterministically from (target, case number): truncations,
// bit flips, random bytes, wrong magic, huge claims, zero sizes, off-by-one counts, appended, deleted and repeated
// chunks; on the plain layer (then encoded, so the damage reaches the parser past compression and checksums) or on
// the encoded bytes themselves.
using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Dcgan.Fuzz.Tests;

/// <summary>One mutated input and how it was made (the description is part of every failure report).</summary>
public sealed record MutatedInput(int Case, int Seed, string Description, byte[] Bytes);

/// <summary>The seeded mutator.</summary>
public static class Mutator
{
    /// <summary>Values a size or count field is set to: huge, negative as int32, just over 2^31, zero, one.</summary>
    private static readonly long[] Claims = [0, 1, 60000, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 1L << 30, 0xFFFF];

    /// <summary>The mutation kinds, in the order the case number cycles through them.</summary>
    public static readonly string[] Kinds =
    [
        "truncate", "bit flips", "random bytes", "wrong magic", "huge claim", "zero size", "count off by one",
        "append garbage", "delete chunk", "repeat chunk", "truncate encoded", "bit flips encoded", "huge claim encoded",
        "empty",
    ];

    /// <summary>
    /// The input of case <paramref name="caseNumber"/> of <paramref name="target"/>. The random seed is
    /// <c>hash(target name) * 7919 + case</c>, recorded in the result, so any case can be replayed alone.
    /// </summary>
    public static MutatedInput Create(FuzzTarget target, int caseNumber)
    {
        int seed = unchecked(StableHash(target.Name) * 7919 + caseNumber);
        var random = new Random(seed);
        byte[] plain = target.Seeds[caseNumber % target.Seeds.Count];
        string kind = Kinds[caseNumber % Kinds.Length];
        string what;
        byte[] bytes;
        if (kind.EndsWith(" encoded", StringComparison.Ordinal))
        {
            byte[] encoded = target.Encode(plain);
            (what, bytes) = Apply(kind[..^" encoded".Length], encoded, target.EncodedFields(encoded), random);
        }
        else if (kind == "empty")
        {
            (what, bytes) = ("empty file", []);
        }
        else
        {
            (what, bytes) = Apply(kind, plain, target.PlainFields(plain), random);
            bytes = target.Encode(bytes);
            what += " (then encoded)";
        }

        return new MutatedInput(caseNumber, seed, $"{target.Name} case {caseNumber} seed {seed} (seed file {caseNumber % target.Seeds.Count}): {what}", bytes);
    }

    private static (string, byte[]) Apply(string kind, byte[] input, IReadOnlyList<FuzzField> fields, Random random)
    {
        byte[] b = (byte[])input.Clone();
        switch (kind)
        {
            case "truncate":
                int keep = random.Next(b.Length);
                return ($"truncated to {keep} of {b.Length} bytes", b[..keep]);
            case "bit flips":
                int flips = random.Next(1, 9);
                var positions = new List<int>();
                for (int i = 0; i < flips; i++)
                {
                    int bit = random.Next(b.Length * 8);
                    b[bit / 8] ^= (byte)(1 << (bit % 8));
                    positions.Add(bit);
                }

                return ($"flipped bits {string.Join(",", positions)}", b);
            case "random bytes":
                int count = random.Next(1, 17), at = random.Next(b.Length);
                for (int i = at; i < Math.Min(b.Length, at + count); i++)
                {
                    b[i] = (byte)random.Next(256);
                }

                return ($"{count} random bytes at {at}", b);
            case "wrong magic":
                int n = random.Next(1, 5);
                for (int i = 0; i < Math.Min(n, b.Length); i++)
                {
                    b[i] = (byte)(b[i] + random.Next(1, 256));
                }

                return ($"first {n} bytes changed", b);
            case "huge claim" or "zero size" or "count off by one" when fields.Count > 0:
                FuzzField field = fields[random.Next(fields.Count)];
                long old = ReadField(b, field);
                long value = kind switch
                {
                    "huge claim" => Claims[2 + random.Next(Claims.Length - 2)],
                    "zero size" => 0,
                    _ => old + (random.Next(2) == 0 ? -1 : 1),
                };
                return ($"{kind}: field at {field.Offset} ({field.Encoding}) {old} -> {value}", WriteField(b, field, value));
            case "huge claim" or "zero size" or "count off by one":
                return Apply("random bytes", input, fields, random);
            case "append garbage":
                var extra = new byte[random.Next(1, 1025)];
                random.NextBytes(extra);
                return ($"{extra.Length} garbage bytes appended", [.. b, .. extra]);
            case "delete chunk":
                int start = random.Next(b.Length), length = random.Next(1, Math.Max(2, b.Length / 4));
                length = Math.Min(length, b.Length - start);
                return ($"deleted {length} bytes at {start}", [.. b[..start], .. b[(start + length)..]]);
            case "repeat chunk":
                int from = random.Next(b.Length), size = Math.Min(random.Next(1, 257), b.Length - from);
                return ($"repeated {size} bytes at {from}", [.. b[..(from + size)], .. b[from..]]);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private static long ReadField(byte[] b, FuzzField f) => f.Encoding switch
    {
        FieldEncoding.Text => long.TryParse(Encoding.ASCII.GetString(b, f.Offset, f.Length), CultureInfo.InvariantCulture, out long v) ? v : 0,
        FieldEncoding.BigEndian => f.Length == 2 ? BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(f.Offset)) : BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(f.Offset)),
        _ => f.Length == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(f.Offset)) : BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(f.Offset)),
    };

    private static byte[] WriteField(byte[] b, FuzzField f, long value)
    {
        switch (f.Encoding)
        {
            case FieldEncoding.Text:
                byte[] digits = Encoding.ASCII.GetBytes(value.ToString(CultureInfo.InvariantCulture));
                return [.. b[..f.Offset], .. digits, .. b[(f.Offset + f.Length)..]];
            case FieldEncoding.BigEndian when f.Length == 2:
                BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(f.Offset), unchecked((ushort)value));
                break;
            case FieldEncoding.BigEndian:
                BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(f.Offset), unchecked((uint)value));
                break;
            case FieldEncoding.LittleEndian when f.Length == 2:
                BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(f.Offset), unchecked((ushort)value));
                break;
            default:
                BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(f.Offset), unchecked((uint)value));
                break;
        }

        return b;
    }

    /// <summary>A hash of a string that is the same in every process (string.GetHashCode is randomised).</summary>
    public static int StableHash(string text)
    {
        int hash = 17;
        foreach (char c in text)
        {
            hash = unchecked(hash * 31 + c);
        }

        return hash & 0x7FFFFFFF;
    }
}
