// A tiny stand-in for the Fashion-MNIST folder (gzipped train-* and t10k-* IDX files of random 28x28 images and labels 0-9),
// for the commands that read both splits.
using System.Buffers.Binary;
using System.IO.Compression;
using Dcgan.Data;

namespace Dcgan.Cli.Tests;

internal static class FashionMnistFolder
{
    /// <summary>Writes <paramref name="train"/> and <paramref name="test"/> labelled random images into <paramref name="folder"/>.</summary>
    public static string Write(string folder, int train, int test)
    {
        var random = new Random(2);
        Images(Path.Combine(folder, FashionMnist.TrainImagesFile), train, random);
        Labels(Path.Combine(folder, FashionMnist.TrainLabelsFile), train);
        Images(Path.Combine(folder, FashionMnist.TestImagesFile), test, random);
        Labels(Path.Combine(folder, FashionMnist.TestLabelsFile), test);
        return folder;
    }

    private static void Images(string path, int count, Random random)
    {
        using var file = new BinaryWriter(new GZipStream(File.Create(path), CompressionLevel.Fastest));
        Header(file, 0x00000803, count, 28, 28);
        var pixels = new byte[count * 28 * 28];
        random.NextBytes(pixels);
        file.Write(pixels);
    }

    private static void Labels(string path, int count)
    {
        using var file = new BinaryWriter(new GZipStream(File.Create(path), CompressionLevel.Fastest));
        Header(file, 0x00000801, count);
        file.Write(Enumerable.Range(0, count).Select(i => (byte)(i % 10)).ToArray());
    }

    private static void Header(BinaryWriter file, params int[] words)
    {
        foreach (int word in words)
        {
            file.Write(BinaryPrimitives.ReverseEndianness(word));
        }
    }
}
