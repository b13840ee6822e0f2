// SeedFiles (interop and datasets): valid CIFAR records, NumPy .npy files and a PyTorch state dict to mutate.
using System.Text;
using Dcgan.Interop;
using Dcgan.Models;

namespace Dcgan.Fuzz.Tests;

internal static partial class SeedFiles
{
    /// <summary><paramref name="records"/> CIFAR records: <paramref name="labels"/> label bytes (in range) then 3072 pixel bytes.</summary>
    public static byte[] Cifar(int records, int recordBytes, int labels, int seed)
    {
        var random = new Random(seed);
        byte[] bytes = new byte[records * recordBytes];
        random.NextBytes(bytes);
        for (int r = 0; r < records; r++)
        {
            for (int l = 0; l < labels; l++)
            {
                bytes[r * recordBytes + l] = (byte)random.Next(10);
            }
        }

        return bytes;
    }

    /// <summary>A float32 .npy file of <paramref name="shape"/> written by the library's writer.</summary>
    public static byte[] Npy(long[] shape, int seed)
    {
        var random = new Random(seed);
        float[] data = Enumerable.Range(0, (int)shape.Aggregate(1L, (a, b) => a * b)).Select(_ => (float)random.NextDouble()).ToArray();
        string path = Path.Combine(Path.GetTempPath(), "dcgan-fuzz-seed-" + Guid.NewGuid().ToString("N") + ".npy");
        try
        {
            NpyFile.Write(path, data, shape);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A version-1.0 .npy header with the shape text <paramref name="shape"/>, followed by <paramref name="floats"/> zeros.</summary>
    public static byte[] NpyWithHeader(string shape, int floats)
    {
        string dictionary = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }";
        int total = (10 + dictionary.Length + 1 + 63) / 64 * 64;
        string header = dictionary.PadRight(total - 10 - 1) + "\n";
        byte[] head = [0x93, .. "NUMPY"u8, 1, 0, (byte)(header.Length & 0xFF), (byte)(header.Length >> 8), .. Encoding.ASCII.GetBytes(header)];
        return [.. head, .. new byte[4 * floats]];
    }

    /// <summary>The state dict of a generator for <paramref name="architecture"/>, as the library saves it for PyTorch.</summary>
    public static byte[] GeneratorStateDict(DcganModelOptions architecture)
    {
        string path = Path.Combine(Path.GetTempPath(), "dcgan-fuzz-seed-" + Guid.NewGuid().ToString("N") + ".pth");
        try
        {
            (DcganGenerator generator, DcganDiscriminator discriminator) = DcganModels.Create(architecture, 7);
            using (generator)
            using (discriminator)
            {
                PyTorchStateDict.Save(generator, path);
            }

            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
