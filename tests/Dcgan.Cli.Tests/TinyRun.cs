// A tiny model trained by `dcgan train` itself (64 random 28x28 images, widths 8, one epoch of two batches) in a
// temporary folder, shared by the tests that need a checkpoint.
namespace Dcgan.Cli.Tests;

public sealed class TinyRun : IDisposable
{
    private const int Images = 64;
    private const int Side = 28;

    private int _folders;

    public TinyRun()
    {
        Folder = Directory.CreateTempSubdirectory("dcgan-cli-tests-").FullName;
        WriteIdxImages(Data);
        (int exit, string errors) = ToolRunner.Dcgan("train", "--data", Data, "--epochs", "1", "--batch-size", "32",
            "--generator-width", "8", "--discriminator-width", "8", "--output", RunFolder);
        if (exit != 0)
        {
            throw new InvalidOperationException($"dcgan train exited with {exit}: {errors}");
        }
    }

    /// <summary>The temporary folder; each test makes its own subfolder with <see cref="NewFolder"/>.</summary>
    public string Folder { get; }

    /// <summary>The 64 random 28x28 training images, an IDX file.</summary>
    public string Data => Path.Combine(Folder, "tiny-images-idx3-ubyte");

    /// <summary>The run folder with the checkpoint.</summary>
    public string RunFolder => Path.Combine(Folder, "run");

    public string NewFolder() => Directory.CreateDirectory(Path.Combine(Folder, $"t-{Interlocked.Increment(ref _folders)}")).FullName;

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    // IDX3: magic 0x00000803 (unsigned bytes, 3 dimensions), then the big-endian sizes, then the pixels.
    private static void WriteIdxImages(string path)
    {
        var random = new Random(1);
        using var file = new BinaryWriter(File.Create(path));
        foreach (int word in new[] { 0x00000803, Images, Side, Side })
        {
            file.Write(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(word));
        }

        var pixels = new byte[Images * Side * Side];
        random.NextBytes(pixels);
        file.Write(pixels);
    }
}

[CollectionDefinition(Name)]
public sealed class TinyRunCollection : ICollectionFixture<TinyRun>
{
    public const string Name = "tiny run";
}
