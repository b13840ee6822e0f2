// FuzzTarget: one reader under fuzzing, described as data, so a new reader (CIFAR binary, LMDB, .pth) is one more
// entry in FuzzTargets: its valid seed files, how its bytes are layered, where its numeric fields are, how to read it,
// and which exception types it documents.
namespace Dcgan.Fuzz.Tests;

/// <summary>A numeric field in a file's bytes that the mutator may set to a huge, zero or off-by-one value.</summary>
/// <param name="Offset">First byte of the field.</param>
/// <param name="Length">Bytes of the field (4 for an int32; for text, the digits' length).</param>
/// <param name="Encoding">How the value is stored.</param>
public readonly record struct FuzzField(int Offset, int Length, FieldEncoding Encoding);

/// <summary>How a <see cref="FuzzField"/> stores its value.</summary>
public enum FieldEncoding
{
    /// <summary>Unsigned big-endian integer (IDX, PNG).</summary>
    BigEndian,

    /// <summary>Unsigned little-endian integer (zip, gzip, BMP, GIF).</summary>
    LittleEndian,

    /// <summary>Decimal digits in text (JSON); the replacement may change the length.</summary>
    Text,
}

/// <summary>A reader under fuzzing.</summary>
public sealed class FuzzTarget
{
    /// <summary>A short name, used in test names and failure reports.</summary>
    public required string Name { get; init; }

    /// <summary>Valid inputs in their inner (plain) form; each must be accepted by <see cref="Read"/> after <see cref="Encode"/>.</summary>
    public required IReadOnlyList<byte[]> Seeds { get; init; }

    /// <summary>Turns the plain form into the file's bytes (gzip-compress, re-zip, fix a CRC); identity by default.</summary>
    public Func<byte[], byte[]> Encode { get; init; } = plain => plain;

    /// <summary>Numeric fields of the plain form (dimension sizes, chunk lengths, JSON numbers).</summary>
    public Func<byte[], IReadOnlyList<FuzzField>> PlainFields { get; init; } = _ => [];

    /// <summary>Numeric fields of the encoded form (zip size fields, gzip trailer).</summary>
    public Func<byte[], IReadOnlyList<FuzzField>> EncodedFields { get; init; } = _ => [];

    /// <summary>Writes the input under a fresh folder and returns what <see cref="Read"/> is given; by default the file "input".</summary>
    public Func<string, byte[], string> Place { get; init; } = (folder, bytes) =>
    {
        string path = Path.Combine(folder, "input");
        File.WriteAllBytes(path, bytes);
        return path;
    };

    /// <summary>Reads fully (every byte that a consumer would use), throwing the documented exceptions on bad input.</summary>
    public required Action<string> Read { get; init; }

    /// <summary>The exception types the reader documents for malformed input.</summary>
    public required IReadOnlyList<Type> Documented { get; init; }

    /// <summary>The name every error message must contain: by default the path that <see cref="Place"/> returned.</summary>
    public Func<string, string> NamedFile { get; init; } = path => path;

    /// <summary>Managed bytes the reading thread may allocate for a file of a given length: a small multiple plus a constant.</summary>
    public Func<long, long> AllocationBudget { get; init; } = length => 8 * length + (1L << 20);

    /// <summary>How many mutated inputs the corpus holds for this target.</summary>
    public int Cases { get; init; } = 80;

    /// <summary>Hand-made malformed inputs (bombs, exact edge cases) that random mutation would rarely produce; case numbers follow the mutated ones.</summary>
    public IReadOnlyList<(string Description, Func<byte[]> Bytes)> Crafted { get; init; } = [];

    /// <summary>Every case number of the corpus: the mutated inputs, then the crafted ones.</summary>
    public int TotalCases => Cases + Crafted.Count;

    /// <summary>The input of case <paramref name="caseNumber"/>: mutated by <see cref="Mutator"/> or crafted.</summary>
    public MutatedInput Input(int caseNumber) => caseNumber < Cases
        ? Mutator.Create(this, caseNumber)
        : new MutatedInput(caseNumber, 0, $"{Name} case {caseNumber} (crafted): {Crafted[caseNumber - Cases].Description}", Crafted[caseNumber - Cases].Bytes());

    /// <inheritdoc />
    public override string ToString() => Name;
}
