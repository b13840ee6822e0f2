// Writes small LMDB environments (key -> encoded image bytes, like LSUN's export) and encodes test images with SkiaSharp.
using LightningDB;
using SkiaSharp;

namespace Dcgan.Data.Tests;

internal static class LmdbFilesForTests
{
    /// <summary>Creates an LMDB environment in <paramref name="folder"/> holding the records, in one write transaction.</summary>
    public static void Write(string folder, IEnumerable<(string Key, byte[] Value)> records)
    {
        LmdbNativeLibrary.EnsureRegistered();
        Directory.CreateDirectory(folder);
        using var environment = new LightningEnvironment(folder, new EnvironmentConfiguration { MapSize = 64L << 20 });
        try
        {
            environment.Open(EnvironmentOpenFlags.None);
        }
        catch (DllNotFoundException e)
        {
            throw new InvalidOperationException($"Writing the test's LMDB: {LmdbNativeLibrary.MissingMessage}", e);
        }

        using var transaction = environment.BeginTransaction();
        using (var database = transaction.OpenDatabase(new DatabaseConfiguration { Flags = DatabaseOpenFlags.Create }))
        {
            foreach ((string key, byte[] value) in records)
            {
                transaction.Put(database, System.Text.Encoding.ASCII.GetBytes(key), value).ThrowOnError();
            }
        }

        transaction.Commit().ThrowOnError();
    }

    /// <summary>A width x height image of <paramref name="pixel"/>(x, y), encoded as <paramref name="format"/>.</summary>
    public static byte[] Encode(int width, int height, Func<int, int, SKColor> pixel, SKEncodedImageFormat format, int quality = 100)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, pixel(x, y));
            }
        }

        using SKData? data = bitmap.Encode(format, quality);
        return data?.ToArray() ?? throw new InvalidOperationException($"SkiaSharp could not encode {format} here.");
    }
}
