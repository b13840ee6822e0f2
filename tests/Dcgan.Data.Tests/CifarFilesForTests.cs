// Writes small CIFAR-10 / CIFAR-100 binary files from known pixels and labels, for the CIFAR reader's tests.
namespace Dcgan.Data.Tests;

internal static class CifarFilesForTests
{
    /// <summary>The pixel byte of record <paramref name="record"/> at channel c, row y, column x.</summary>
    public static byte Pixel(int record, int c, int y, int x) => (byte)((record * 31 + c * 101 + y * 3 + x * 5) % 256);

    /// <summary>Record <paramref name="record"/>'s 3072 pixel bytes: R plane, G plane, B plane, each 32 rows of 32.</summary>
    public static byte[] Pixels(int record)
    {
        var bytes = new byte[3072];
        for (int c = 0; c < 3; c++)
        {
            for (int y = 0; y < 32; y++)
            {
                for (int x = 0; x < 32; x++)
                {
                    bytes[c * 1024 + y * 32 + x] = Pixel(record, c, y, x);
                }
            }
        }

        return bytes;
    }

    /// <summary>A CIFAR-10 file: per record, one label byte then the pixels of <see cref="Pixels"/> for record first + i.</summary>
    public static byte[] Cifar10(byte[] labels, int first = 0)
    {
        using var stream = new MemoryStream();
        for (int i = 0; i < labels.Length; i++)
        {
            stream.WriteByte(labels[i]);
            stream.Write(Pixels(first + i));
        }

        return stream.ToArray();
    }

    /// <summary>A CIFAR-100 file: per record, the coarse and fine label bytes then the pixels.</summary>
    public static byte[] Cifar100(byte[] coarse, byte[] fine)
    {
        using var stream = new MemoryStream();
        for (int i = 0; i < fine.Length; i++)
        {
            stream.WriteByte(coarse[i]);
            stream.WriteByte(fine[i]);
            stream.Write(Pixels(i));
        }

        return stream.ToArray();
    }
}
