// SeedFiles: the valid inputs the mutator starts from, made in the test (no binary fixtures): small IDX files,
// PNG/JPEG/WebP/GIF/BMP images and a checkpoint of tiny networks.
using System.Buffers.Binary;
using System.IO.Compression;
using Dcgan.Data;
using Dcgan.Models;
using Dcgan.Persistence;
using Dcgan.Training;
using SkiaSharp;

namespace Dcgan.Fuzz.Tests;

internal static partial class SeedFiles
{
    private static readonly Lazy<(byte[] Manifest, (string Name, byte[] Bytes)[] Entries)> TinyCheckpoint = new(MakeCheckpoint);

    public static byte[] Idx(int[] dims, int seed)
    {
        int payload = dims.Aggregate(1, (a, b) => a * b);
        var bytes = new byte[4 + 4 * dims.Length + payload];
        bytes[2] = 0x08;
        bytes[3] = (byte)dims.Length;
        for (int i = 0; i < dims.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * i), dims[i]);
        }

        new Random(seed).NextBytes(bytes.AsSpan(4 + 4 * dims.Length));
        return bytes;
    }

    public static byte[] Gzip(byte[] data)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    public static byte[] Image(SKEncodedImageFormat format, int width, int height, int seed, int quality = 90)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)(x * 16), (byte)(y * 16), (byte)(128 + random.Next(128))));
            }
        }

        using SKData data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    /// <summary>A 2x2 GIF89a with a 4-colour table; LZW codes 4,0,4,1,4,2,4,3,5 (a clear code before every pixel, 3 bits each).</summary>
    public static byte[] Gif() =>
    [
        .. "GIF89a"u8, 2, 0, 2, 0, 0x81, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255,
        0x2C, 0, 0, 0, 0, 2, 0, 2, 0, 0, 2, 4, 0x04, 0x43, 0x71, 0x05, 0, 0x3B,
    ];

    /// <summary>A 3x2 24-bit BMP (rows bottom-up, padded to 4 bytes).</summary>
    public static byte[] Bmp()
    {
        const int RowBytes = 12, Pixels = RowBytes * 2;
        var b = new byte[54 + Pixels];
        b[0] = (byte)'B';
        b[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(2), b.Length);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(18), 3);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(22), 2);
        BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(28), 24);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(34), Pixels);
        for (int i = 0; i < Pixels; i++)
        {
            b[54 + i] = (byte)(i * 37);
        }

        return b;
    }

    /// <summary>The name of the generator's weights in a checkpoint archive (the format, as written by the library).</summary>
    public const string GeneratorWeightsEntry = "generator.weights";

    // The checkpoint format's JSON entry and its SHA-256 entry (the format is internal to Dcgan.Core; the fuzzer
    // writes archives by hand).
    private const string ManifestEntry = "manifest.json";
    private const string ManifestHashEntry = "manifest.sha256";

    /// <summary>The manifest of a checkpoint of tiny networks (the plain layer the mutator edits).</summary>
    public static byte[] CheckpointManifest => TinyCheckpoint.Value.Manifest;

    /// <summary>A checkpoint archive with <paramref name="manifest"/> and the tiny checkpoint's binary entries.</summary>
    public static byte[] CheckpointWith(byte[] manifest) => CheckpointWith(manifest, "", []);

    /// <summary>As <see cref="CheckpointWith(byte[])"/>, with entry <paramref name="replaced"/> holding <paramref name="content"/>.</summary>
    public static byte[] CheckpointWith(byte[] manifest, string replaced, byte[] content)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach ((string name, byte[] bytes) in TinyCheckpoint.Value.Entries.Prepend((ManifestEntry, manifest)))
            {
                using Stream stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                stream.Write(name == replaced ? content : name == ManifestHashEntry ? HashOf(manifest) : bytes);
            }
        }

        return output.ToArray();
    }

    // manifest.sha256 of the (mutated) manifest, so that mutations reach the parser and the range checks instead of
    // all stopping at the hash.
    private static byte[] HashOf(byte[] manifest) =>
        System.Text.Encoding.ASCII.GetBytes(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(manifest)));

    private static (byte[], (string, byte[])[]) MakeCheckpoint()
    {
        string folder = Path.Combine(Path.GetTempPath(), "dcgan-fuzz-seed-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string images = Path.Combine(folder, "tiny-images-idx3-ubyte");
            File.WriteAllBytes(images, Idx([16, 8, 8], seed: 3));
            var architecture = new DcganModelOptions { ImageSize = 8, Channels = 1, LatentDimension = 4, GeneratorWidth = 2, DiscriminatorWidth = 2 };
            (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(architecture, 5);
            using (g)
            using (d)
            using (var trainer = new GanTrainer(g, d, IdxImageDataSource.Open(images), new GanTrainerSetup
            {
                Options = new GanTrainerOptions { Epochs = 1, BatchSize = 8, Seed = 5, Device = "cpu", FixedSampleCount = 2 },
            }))
            {
                trainer.Fit();
                string file = Path.Combine(folder, "tiny.dcgan");
                trainer.SaveCheckpoint(file);
                using var zip = ZipFile.OpenRead(file);
                byte[] manifest = [];
                var entries = new List<(string, byte[])>();
                foreach (ZipArchiveEntry entry in zip.Entries)
                {
                    using var stream = entry.Open();
                    var bytes = new MemoryStream();
                    stream.CopyTo(bytes);
                    if (entry.FullName == ManifestEntry)
                    {
                        // The time and the temporary folder's name vary between runs; fixed values keep the corpus deterministic.
                        var json = System.Text.Json.Nodes.JsonNode.Parse(bytes.ToArray())!;
                        json["CreatedUtc"] = "2026-01-01T00:00:00+00:00";
                        json["DataDescription"] = "IDX u8 [16, 8, 8] 'tiny-images-idx3-ubyte'";
                        manifest = System.Text.Encoding.UTF8.GetBytes(json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
                    }
                    else
                    {
                        entries.Add((entry.FullName, bytes.ToArray()));
                    }
                }

                return (manifest, entries.ToArray());
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
