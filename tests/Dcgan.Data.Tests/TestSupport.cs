// Helpers shared by the data tests: temp folders, IDX writers, locating the shipped Fashion-MNIST split.
using System.Buffers.Binary;
using System.IO.Compression;

namespace Dcgan.Data.Tests;

internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dcgan-data-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal static class Idx
{
    public static byte[] Build(byte type, int[] dims, byte[] payload)
    {
        var bytes = new byte[4 + 4 * dims.Length + payload.Length];
        bytes[2] = type;
        bytes[3] = (byte)dims.Length;
        for (int i = 0; i < dims.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * i), dims[i]);
        }

        payload.CopyTo(bytes, 4 + 4 * dims.Length);
        return bytes;
    }

    public static byte[] Images(int n, int h, int w, int seed = 1)
    {
        var payload = new byte[n * h * w];
        new Random(seed).NextBytes(payload);
        payload[0] = 0;
        payload[1] = 255;
        return Build(0x08, [n, h, w], payload);
    }

    public static byte[] Gzip(byte[] data)
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(data);
        }

        return ms.ToArray();
    }
}

internal static class ShippedData
{
    /// <summary>Walks up from the test binaries to the repository's data/fashion-mnist folder.</summary>
    public static string FashionMnistFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "data", "fashion-mnist");
                if (File.Exists(Path.Combine(candidate, "t10k-images-idx3-ubyte.gz")))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException($"data/fashion-mnist not found above {AppContext.BaseDirectory}");
        }
    }

    public static string TestImages => Path.Combine(FashionMnistFolder, "t10k-images-idx3-ubyte.gz");

    public static string TestLabels => Path.Combine(FashionMnistFolder, "t10k-labels-idx1-ubyte.gz");
}
