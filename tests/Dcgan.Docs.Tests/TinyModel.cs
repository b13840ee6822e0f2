// TinyModel: a tiny model trained once per test run by the dcgan tool itself (64 random 28x28 images, widths 8,
// one epoch of two batches), which the runnable shell blocks of the docs use as their checkpoint and data, and a
// labelled Fashion-MNIST-shaped folder of random images for the dcgan-experiments commands.
using System.Buffers.Binary;
using System.IO.Compression;
using Dcgan.Data;

namespace Dcgan.Docs.Tests;

/// <summary>A temporary folder with a tiny IDX file and a run folder trained on it.</summary>
public sealed class TinyModel : IDisposable
{
    private const int Images = 64;
    private const int Side = 28;

    public TinyModel()
    {
        Folder = Directory.CreateTempSubdirectory("dcgan-docs-tests-").FullName;
        Data = Path.Combine(Folder, "tiny-images-idx3-ubyte");
        WriteIdxImages(Data);
        Fashion = Directory.CreateDirectory(Path.Combine(Folder, "tiny-fashion")).FullName;
        WriteFashionFolder(Fashion, train: 256, test: 128);
        ShellResult train = ShellBlockRunner.Execute(Folder, this,
            $"dcgan train --data '{Data}' --epochs 1 --batch-size 32 --generator-width 8 --discriminator-width 8 --output '{RunFolder}'");
        if (train.ExitCode != 0)
        {
            throw new InvalidOperationException($"Training the tiny model failed with exit code {train.ExitCode}:\n{train.Output}");
        }
    }

    /// <summary>The temporary folder.</summary>
    public string Folder { get; }

    /// <summary>The tiny IDX image file ($TINY_DATA in a run directive).</summary>
    public string Data { get; }

    /// <summary>A folder with gzipped train-* (256) and t10k-* (128) IDX images and labels 0-9 ($TINY_FASHION).</summary>
    public string Fashion { get; }

    /// <summary>The trained run folder ($TINY_RUN in a run directive).</summary>
    public string RunFolder => Path.Combine(Folder, "tiny-run");

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static void WriteFashionFolder(string folder, int train, int test)
    {
        var random = new Random(2);
        foreach ((string images, string labels, int count) in new[]
        {
            (FashionMnist.TrainImagesFile, FashionMnist.TrainLabelsFile, train),
            (FashionMnist.TestImagesFile, FashionMnist.TestLabelsFile, test),
        })
        {
            using (var file = new BinaryWriter(new GZipStream(File.Create(Path.Combine(folder, images)), CompressionLevel.Fastest)))
            {
                WriteWords(file, 0x00000803, count, Side, Side);
                var pixels = new byte[count * Side * Side];
                random.NextBytes(pixels);
                file.Write(pixels);
            }

            using (var file = new BinaryWriter(new GZipStream(File.Create(Path.Combine(folder, labels)), CompressionLevel.Fastest)))
            {
                WriteWords(file, 0x00000801, count);
                file.Write(Enumerable.Range(0, count).Select(i => (byte)(i % 10)).ToArray());
            }
        }
    }

    private static void WriteWords(BinaryWriter file, params int[] words)
    {
        foreach (int word in words)
        {
            file.Write(BinaryPrimitives.ReverseEndianness(word));
        }
    }

    // IDX3: magic 0x00000803 (unsigned bytes, 3 dimensions), then the big-endian sizes, then the pixels.
    private static void WriteIdxImages(string path)
    {
        using var file = new BinaryWriter(File.Create(path));
        WriteWords(file, 0x00000803, Images, Side, Side);

        var pixels = new byte[Images * Side * Side];
        new Random(1).NextBytes(pixels);
        file.Write(pixels);
    }
}
