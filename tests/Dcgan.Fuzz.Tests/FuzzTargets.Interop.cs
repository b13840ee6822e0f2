// FuzzTargets (interop and datasets): the CIFAR-10/100 binary reader, NumPy .npy files and PyTorch .pth state dicts.
using System.Text;
using Dcgan.Data;
using Dcgan.Interop;
using Dcgan.Models;

namespace Dcgan.Fuzz.Tests;

public static partial class FuzzTargets
{
    /// <summary>A tiny generator architecture for the .pth seeds: PyTorch layout, 8x8x1, widths 2.</summary>
    private static DcganModelOptions TinyPyTorch()
    {
        DcganModelOptions options = DcganModelOptions.PyTorchExample(8, 1);
        options.LatentDimension = 4;
        options.GeneratorWidth = 2;
        options.DiscriminatorWidth = 2;
        return options;
    }

    public static readonly FuzzTarget Cifar10 = Cifar("cifar10", CifarVariant.Cifar10, "data_batch_1.bin", recordBytes: 3073, labels: 1);

    public static readonly FuzzTarget Cifar100 = Cifar("cifar100", CifarVariant.Cifar100, "train.bin", recordBytes: 3074, labels: 2);

    public static readonly FuzzTarget Npy = new()
    {
        Name = "npy",
        Seeds = [SeedFiles.Npy([3, 4], 1), SeedFiles.Npy([2, 4, 1, 1], 2)],
        PlainFields = NpyHeaderNumbers,
        Place = PlaceAs("z.npy"),
        Read = path => NpyFile.ReadFloat32(path),
        Documented = [typeof(NpyFormatException)],
        AllocationBudget = length => 4 * length + (64 << 10),
        Crafted =
        [
            ("header claims shape (1000000000, 100) and holds 12 floats", () => SeedFiles.NpyWithHeader("(1000000000, 100)", 12)),
            ("header length field claims 65535 bytes", () => [.. SeedFiles.Npy([3, 4], 3)[..8], 0xFF, 0xFF, .. SeedFiles.Npy([3, 4], 3)[10..]]),
        ],
    };

    public static readonly FuzzTarget PyTorchGenerator = new()
    {
        Name = "pth-generator",
        Seeds = [SeedFiles.GeneratorStateDict(TinyPyTorch())],
        EncodedFields = ZipSizeFields,
        Place = PlaceAs("netG.pth"),
        Read = path => PyTorchStateDict.LoadGenerator(path, TinyPyTorch()).Dispose(),
        Documented = [typeof(PyTorchStateDictException)],
        AllocationBudget = length => 16 * length + (4L << 20),
    };

    private static FuzzTarget Cifar(string name, CifarVariant variant, string fileName, int recordBytes, int labels) => new()
    {
        Name = name,
        Seeds = [SeedFiles.Cifar(records: 3, recordBytes, labels, seed: 1), SeedFiles.Cifar(records: 1, recordBytes, labels, seed: 2)],
        Place = PlaceAs(fileName),
        Read = path =>
        {
            new CifarDataSource([path], variant, new ImageDataSourceOptions()).ReadAll();
        },
        Documented = [typeof(CifarFormatException)],
        // The output floats are 4x the file; the reader's labels and file handles cost about 1.5 MB whatever the size.
        AllocationBudget = length => 8 * length + (2L << 20),
        Crafted =
        [
            ("empty file", () => []),
            ("one byte short of a record", () => SeedFiles.Cifar(records: 2, recordBytes, labels, seed: 3)[..^1]),
            ("label 255 in the first record", () => [255, .. SeedFiles.Cifar(records: 1, recordBytes, labels, seed: 4)[1..]]),
        ],
    };

    /// <summary>The digits of the shape tuple and the little-endian header length in a .npy file.</summary>
    private static IReadOnlyList<FuzzField> NpyHeaderNumbers(byte[] npy)
    {
        var fields = new List<FuzzField> { new(8, 2, FieldEncoding.LittleEndian) };
        string header = Encoding.ASCII.GetString(npy, 0, Math.Min(npy.Length, 128));
        int open = header.IndexOf("'shape': (", StringComparison.Ordinal);
        for (int at = open < 0 ? header.Length : open + 10; at < header.Length && header[at] != ')'; at++)
        {
            if (char.IsAsciiDigit(header[at]))
            {
                int start = at;
                while (at < header.Length && char.IsAsciiDigit(header[at]))
                {
                    at++;
                }

                fields.Add(new FuzzField(start, at - start, FieldEncoding.Text));
            }
        }

        return fields;
    }
}
