// CifarFiles: recognises CIFAR-10/100 binary files and folders by their published file names, and checks a file's
// records (length, labels) in one sequential pass.
using System.Text.RegularExpressions;

namespace Dcgan.Data;

/// <summary>Finds the CIFAR binary files a path stands for, and validates their records.</summary>
internal static partial class CifarFiles
{
    /// <summary>Pixel bytes per record: 3 planes of 32x32.</summary>
    public const int PixelBytes = 3 * 32 * 32;

    /// <summary>The folder names the CIFAR tarballs extract to.</summary>
    private static readonly string[] ArchiveFolders = ["cifar-10-batches-bin", "cifar-100-binary"];

    /// <summary>Label bytes before the pixels of each record.</summary>
    public static int LabelBytes(CifarVariant variant) => variant == CifarVariant.Cifar10 ? 1 : 2;

    /// <summary>The whole record length (3073 or 3074 bytes).</summary>
    public static int RecordBytes(CifarVariant variant) => LabelBytes(variant) + PixelBytes;

    /// <summary>The variant a single file's name says it is, or <see langword="null"/> for any other name.</summary>
    public static CifarVariant? VariantOfFile(string path)
    {
        string name = Path.GetFileName(path);
        if (Cifar10Name().IsMatch(name))
        {
            return CifarVariant.Cifar10;
        }

        return Cifar100Name().IsMatch(name) ? CifarVariant.Cifar100 : null;
    }

    /// <summary>
    /// The CIFAR files a folder holds, training split first: <c>data_batch_*.bin</c> (all, by number) else
    /// <c>test_batch.bin</c>; <c>train.bin</c> else <c>test.bin</c>. A folder holding none of them but exactly one of the
    /// tarballs' own folders (<c>cifar-10-batches-bin</c>, <c>cifar-100-binary</c>) is looked into. Returns
    /// <see langword="null"/> when the folder is not a CIFAR folder.
    /// </summary>
    public static (CifarVariant Variant, string[] Files)? FindInFolder(string folder)
    {
        string[] batches = Directory.EnumerateFiles(folder, "*.bin")
            .Where(f => TrainBatchName().IsMatch(Path.GetFileName(f)))
            .OrderBy(f => int.Parse(TrainBatchName().Match(Path.GetFileName(f)).Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();
        if (batches.Length > 0)
        {
            return (CifarVariant.Cifar10, batches);
        }

        foreach ((string name, CifarVariant variant) in new[]
        {
            ("test_batch.bin", CifarVariant.Cifar10), ("train.bin", CifarVariant.Cifar100), ("test.bin", CifarVariant.Cifar100),
        })
        {
            string file = Path.Combine(folder, name);
            if (File.Exists(file))
            {
                return (variant, [file]);
            }
        }

        string[] archives = ArchiveFolders.Select(a => Path.Combine(folder, a)).Where(Directory.Exists).ToArray();
        return archives.Length == 1 ? FindInFolder(archives[0]) : null;
    }

    /// <summary>The number of records of <paramref name="path"/>; throws unless its length is a whole, non-zero number of records.</summary>
    public static int CountRecords(string path, CifarVariant variant)
    {
        int record = RecordBytes(variant);
        long length = new FileInfo(path).Length;
        if (length == 0)
        {
            throw new CifarFormatException(path, -1, -1, $"the file is empty (0 bytes); expected {record}-byte {Name(variant)} records.");
        }

        if (length % record != 0)
        {
            long whole = length / record;
            throw new CifarFormatException(path, whole, whole * record,
                $"the file has {length} bytes, which is not a multiple of the {record}-byte {Name(variant)} record: {whole} whole records, " +
                $"then {length % record} bytes of a truncated record.{Hint(variant, length)}");
        }

        if (length / record > int.MaxValue)
        {
            throw new CifarFormatException(path, -1, -1, $"the file has {length / record} records; at most {int.MaxValue} are supported.");
        }

        return (int)(length / record);
    }

    /// <summary>
    /// Reads the <paramref name="count"/> records of <paramref name="path"/> once, checking every label's range, and
    /// writes the labels (fine labels for CIFAR-100) and coarse labels from <paramref name="first"/> on; with
    /// <paramref name="pixels"/>, also the pixel bytes (<see cref="PixelBytes"/> per record).
    /// </summary>
    public static void Scan(string path, CifarVariant variant, int count, int first, byte[] labels, byte[]? coarse, byte[]? pixels)
    {
        int record = RecordBytes(variant);
        const int chunkRecords = 512;
        byte[] buffer = new byte[chunkRecords * record];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        for (int start = 0; start < count; start += chunkRecords)
        {
            int n = Math.Min(chunkRecords, count - start);
            stream.ReadExactly(buffer, 0, n * record);
            for (int i = 0; i < n; i++)
            {
                ReadOnlySpan<byte> r = buffer.AsSpan(i * record, record);
                long index = start + i;
                int target = first + start + i;
                if (variant == CifarVariant.Cifar10)
                {
                    labels[target] = CheckLabel(path, index, index * record, r[0], 9, "label");
                }
                else
                {
                    coarse![target] = CheckLabel(path, index, index * record, r[0], 19, "coarse label");
                    labels[target] = CheckLabel(path, index, index * record + 1, r[1], 99, "fine label");
                }

                if (pixels is not null)
                {
                    r[LabelBytes(variant)..].CopyTo(pixels.AsSpan(target * PixelBytes, PixelBytes));
                }
            }
        }
    }

    /// <summary>"CIFAR-10" or "CIFAR-100".</summary>
    public static string Name(CifarVariant variant) => variant == CifarVariant.Cifar10 ? "CIFAR-10" : "CIFAR-100";

    private static byte CheckLabel(string path, long record, long offset, byte value, int max, string what) =>
        value <= max
            ? value
            : throw new CifarFormatException(path, record, offset, $"the {what} is {value}; expected 0 to {max}.");

    /// <summary>Says so when the length fits the other variant's record (a CIFAR-100 file read as CIFAR-10 or back).</summary>
    private static string Hint(CifarVariant variant, long length)
    {
        CifarVariant other = variant == CifarVariant.Cifar10 ? CifarVariant.Cifar100 : CifarVariant.Cifar10;
        return length % RecordBytes(other) == 0
            ? $" The length is a whole number of {RecordBytes(other)}-byte {Name(other)} records: is this a {Name(other)} file?"
            : string.Empty;
    }

    [GeneratedRegex(@"^data_batch_(?<n>[0-9]{1,6})\.bin$", RegexOptions.CultureInvariant)]
    private static partial Regex TrainBatchName();

    [GeneratedRegex(@"^(data_batch_[0-9]{1,6}|test_batch)\.bin$", RegexOptions.CultureInvariant)]
    private static partial Regex Cifar10Name();

    [GeneratedRegex(@"^(train|test)\.bin$", RegexOptions.CultureInvariant)]
    private static partial Regex Cifar100Name();
}
