// FuzzTargets: every reader in the corpus. To fuzz a new reader (CIFAR binary, LMDB, PyTorch .pth), add one entry
// here: its seed files, its layers and fields, the call that reads it fully, and its documented exception types.
using System.Buffers.Binary;
using System.Text.RegularExpressions;
using Dcgan.Data;
using Dcgan.Persistence;
using SkiaSharp;

namespace Dcgan.Fuzz.Tests;

public static partial class FuzzTargets
{
    private static readonly ImageDataSourceOptions DecodeEverything = new() { ImageSize = 8, Preload = true };

    public static readonly FuzzTarget IdxRaw = new()
    {
        Name = "idx-raw",
        Seeds = [SeedFiles.Idx([6, 5, 4], 1), SeedFiles.Idx([3, 28, 28], 2), SeedFiles.Idx([1, 1, 1], 3)],
        PlainFields = IdxDimensions,
        Read = path => IdxReader.ReadImages(path),
        Documented = [typeof(IdxFormatException)],
        AllocationBudget = length => 4 * length + (64 << 10),
    };

    public static readonly FuzzTarget IdxGzip = new()
    {
        Name = "idx-gzip",
        Seeds = [SeedFiles.Idx([6, 5, 4], 4), SeedFiles.Idx([3, 28, 28], 5), SeedFiles.Idx([40, 8, 8], 6)],
        Encode = SeedFiles.Gzip,
        PlainFields = IdxDimensions,
        EncodedFields = bytes => bytes.Length < 18 ? [] : [new(bytes.Length - 8, 4, FieldEncoding.LittleEndian), new(bytes.Length - 4, 4, FieldEncoding.LittleEndian)],
        Read = path => IdxReader.ReadImages(path),
        Documented = [typeof(IdxFormatException)],
        // The reader starts from a 64 KiB buffer and grows it only as decompressed bytes arrive.
        AllocationBudget = length => 8 * length + (1L << 20),
        Crafted =
        [
            ("header claims [1, 1000, 1000]; 50 MB of zeros follow (trailing-data bomb)",
                () => SeedFiles.Gzip([.. SeedFiles.Idx([1, 1000, 1000], 0)[..16], .. new byte[50_000_000]])),
            ("header claims [60000, 1000, 1000] and nothing follows",
                () => SeedFiles.Gzip([0, 0, 8, 3, 0, 0, 0xEA, 0x60, 0, 0, 0x03, 0xE8, 0, 0, 0x03, 0xE8])),
        ],
    };

    public static readonly FuzzTarget Png = SingleImage("png", ".png",
        [SeedFiles.Image(SKEncodedImageFormat.Png, 9, 7, 1), SeedFiles.Image(SKEncodedImageFormat.Png, 16, 16, 2)], PngChunks, FixPngCrcs);

    public static readonly FuzzTarget Jpeg = SingleImage("jpeg", ".jpg",
        [SeedFiles.Image(SKEncodedImageFormat.Jpeg, 9, 7, 1), SeedFiles.Image(SKEncodedImageFormat.Jpeg, 24, 16, 2, quality: 50)], JpegSegments, null);

    public static readonly FuzzTarget ImageFolder = new()
    {
        Name = "image-folder",
        Seeds = [SeedFiles.Gif(), SeedFiles.Image(SKEncodedImageFormat.Webp, 8, 6, 3), SeedFiles.Bmp(), SeedFiles.Image(SKEncodedImageFormat.Png, 5, 5, 4)],
        PlainFields = OtherImageFields,
        Place = (folder, bytes) =>
        {
            File.WriteAllBytes(Path.Combine(folder, "a-good.png"), SeedFiles.Image(SKEncodedImageFormat.Png, 6, 6, 9));
            Directory.CreateDirectory(Path.Combine(folder, "sub"));
            File.WriteAllBytes(Path.Combine(folder, "sub", "b-good.jpeg"), SeedFiles.Image(SKEncodedImageFormat.Jpeg, 6, 6, 10));
            File.WriteAllBytes(Path.Combine(folder, "zz-mutated.png"), bytes);
            return folder;
        },
        NamedFile = folder => Path.Combine(folder, "zz-mutated.png"),
        Read = folder => new ImageFolderDataSource(folder, DecodeEverything),
        Documented = [typeof(InvalidDataException)],
    };

    public static readonly FuzzTarget CheckpointArchiveRead = Checkpoint("checkpoint-archive", path => Checkpoints.Verify(path));

    public static readonly FuzzTarget CheckpointGenerator = Checkpoint("checkpoint-generator", path =>
    {
        (Dcgan.Models.DcganGenerator generator, _) = CheckpointModels.LoadGenerator<Dcgan.Models.DcganGenerator>(path);
        generator.Dispose();
    });

    // Lazy: the targets are fields of several files of this partial class, whose initialisation order is not defined.
    private static readonly Lazy<IReadOnlyDictionary<string, FuzzTarget>> AllTargets = new(CreateAll);

    /// <summary>Every target, by name.</summary>
    public static IReadOnlyDictionary<string, FuzzTarget> All => AllTargets.Value;

    private static IReadOnlyDictionary<string, FuzzTarget> CreateAll() => new[]
    {
        IdxRaw, IdxGzip, Png, Jpeg, ImageFolder, CheckpointArchiveRead, CheckpointGenerator, Cifar10, Cifar100, Npy, PyTorchGenerator,
    }.ToDictionary(t => t.Name);

    private static FuzzTarget SingleImage(string name, string extension, byte[][] seeds, Func<byte[], IReadOnlyList<FuzzField>> fields, Func<byte[], byte[]>? encode) => new()
    {
        Name = name,
        Seeds = seeds,
        Encode = encode ?? (plain => plain),
        PlainFields = fields,
        Place = (folder, bytes) =>
        {
            File.WriteAllBytes(Path.Combine(folder, "input" + extension), bytes);
            return folder;
        },
        NamedFile = folder => Path.Combine(folder, "input" + extension),
        Read = folder => new ImageFolderDataSource(folder, DecodeEverything),
        Documented = [typeof(InvalidDataException)],
    };

    private static FuzzTarget Checkpoint(string name, Action<string> read) => new()
    {
        Name = name,
        Seeds = [SeedFiles.CheckpointManifest],
        Encode = SeedFiles.CheckpointWith,
        PlainFields = JsonNumbers,
        EncodedFields = ZipSizeFields,
        Place = PlaceAs("input.dcgan"),
        Read = read,
        Documented = [typeof(CheckpointException)],
        AllocationBudget = length => 16 * length + (4L << 20),
        Cases = 100,
        Crafted =
        [
            ("deflate bomb: the generator weights entry inflates to 64 MB of zeros",
                () => SeedFiles.CheckpointWith(SeedFiles.CheckpointManifest, SeedFiles.GeneratorWeightsEntry, new byte[64 << 20])),
            ("manifest.json inflates to 64 MB of spaces", () => SeedFiles.CheckpointWith([.. new byte[64 << 20].Select(_ => (byte)' '), .. SeedFiles.CheckpointManifest])),
            ("manifest architecture DiscriminatorWidth 60000", () => SeedFiles.CheckpointWith(System.Text.Encoding.UTF8.GetBytes(
                System.Text.Encoding.UTF8.GetString(SeedFiles.CheckpointManifest).Replace("\"DiscriminatorWidth\": 2", "\"DiscriminatorWidth\": 60000", StringComparison.Ordinal)))),
            ("zip with no entries", () => [0x50, 0x4B, 5, 6, .. new byte[18]]),
            ("manifest.json with invalid UTF-8 inside a string", () => SeedFiles.CheckpointWith(System.Text.Encoding.UTF8.GetBytes(
                System.Text.Encoding.UTF8.GetString(SeedFiles.CheckpointManifest).Replace("\"Uniform\"", "\"Unif\u00FFrm\"", StringComparison.Ordinal))
                .Select(b => b == 0xC3 ? (byte)0xFF : b).ToArray())),
        ],
    };

    /// <summary>Writes the input as <paramref name="fileName"/> in the case's folder; the reader gets that file's path.</summary>
    private static Func<string, byte[], string> PlaceAs(string fileName) => (folder, bytes) =>
    {
        string path = Path.Combine(folder, fileName);
        File.WriteAllBytes(path, bytes);
        return path;
    };

    private static IReadOnlyList<FuzzField> IdxDimensions(byte[] idx) =>
        Enumerable.Range(0, idx[3]).Select(i => new FuzzField(4 + 4 * i, 4, FieldEncoding.BigEndian)).ToArray();

    /// <summary>Every chunk's length field, and the IHDR width and height.</summary>
    private static IReadOnlyList<FuzzField> PngChunks(byte[] png)
    {
        var fields = new List<FuzzField> { new(16, 4, FieldEncoding.BigEndian), new(20, 4, FieldEncoding.BigEndian) };
        for (int at = 8; at + 12 <= png.Length;)
        {
            fields.Add(new FuzzField(at, 4, FieldEncoding.BigEndian));
            at += 12 + (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at)), int.MaxValue - 12);
        }

        return fields;
    }

    /// <summary>Recomputes every chunk CRC that lies inside the file, so structural damage reaches the decoder.</summary>
    private static byte[] FixPngCrcs(byte[] png)
    {
        byte[] b = (byte[])png.Clone();
        for (int at = 8; at + 12 <= b.Length;)
        {
            long length = BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(at));
            if (at + 12 + length > b.Length)
            {
                break;
            }

            BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(at + 8 + (int)length), Crc32.Append(0, b.AsSpan(at + 4, 4 + (int)length)));
            at += 12 + (int)length;
        }

        return b;
    }

    /// <summary>Every marker segment's length field, and the frame header's height and width.</summary>
    private static IReadOnlyList<FuzzField> JpegSegments(byte[] jpeg)
    {
        var fields = new List<FuzzField>();
        for (int at = 2; at + 4 <= jpeg.Length && jpeg[at] == 0xFF;)
        {
            byte marker = jpeg[at + 1];
            fields.Add(new FuzzField(at + 2, 2, FieldEncoding.BigEndian));
            if (marker is 0xC0 or 0xC2 && at + 9 <= jpeg.Length)
            {
                fields.Add(new FuzzField(at + 5, 2, FieldEncoding.BigEndian));
                fields.Add(new FuzzField(at + 7, 2, FieldEncoding.BigEndian));
            }

            if (marker == 0xDA)
            {
                break;
            }

            at += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
        }

        return fields;
    }

    /// <summary>GIF screen and image sizes, the WebP RIFF size, BMP sizes and offsets; PNG as for the PNG target.</summary>
    private static IReadOnlyList<FuzzField> OtherImageFields(byte[] image) => image[0] switch
    {
        (byte)'G' => [new(6, 2, FieldEncoding.LittleEndian), new(8, 2, FieldEncoding.LittleEndian), new(30, 2, FieldEncoding.LittleEndian), new(32, 2, FieldEncoding.LittleEndian)],
        (byte)'R' => [new(4, 4, FieldEncoding.LittleEndian), new(16, 4, FieldEncoding.LittleEndian)],
        (byte)'B' => [new(2, 4, FieldEncoding.LittleEndian), new(10, 4, FieldEncoding.LittleEndian), new(18, 4, FieldEncoding.LittleEndian), new(22, 4, FieldEncoding.LittleEndian), new(34, 4, FieldEncoding.LittleEndian)],
        _ => PngChunks(image),
    };

    /// <summary>Numbers in value position of the manifest JSON (positions, counts, shapes, sizes).</summary>
    private static IReadOnlyList<FuzzField> JsonNumbers(byte[] json) =>
        JsonNumber().Matches(System.Text.Encoding.ASCII.GetString(json))
            .Select(m => new FuzzField(m.Index, m.Length, FieldEncoding.Text)).ToArray();

    [GeneratedRegex(@"(?<=[:\[,]\s*)\d+")]
    private static partial Regex JsonNumber();

    /// <summary>Size, count and offset fields of every local header, central-directory header and the end record.</summary>
    private static IReadOnlyList<FuzzField> ZipSizeFields(byte[] zip)
    {
        var fields = new List<FuzzField>();
        for (int at = 0; at + 22 <= zip.Length; at++)
        {
            if (zip[at] != 'P' || zip[at + 1] != 'K')
            {
                continue;
            }

            (int, int)[] layout = (zip[at + 2], zip[at + 3]) switch
            {
                (3, 4) => [(18, 4), (22, 4), (26, 2), (28, 2)],
                (1, 2) when at + 46 <= zip.Length => [(20, 4), (24, 4), (28, 2), (30, 2), (32, 2), (42, 4)],
                (5, 6) => [(8, 2), (10, 2), (12, 4), (16, 4)],
                _ => [],
            };
            fields.AddRange(layout.Select(f => new FuzzField(at + f.Item1, f.Item2, FieldEncoding.LittleEndian)));
        }

        return fields;
    }
}
