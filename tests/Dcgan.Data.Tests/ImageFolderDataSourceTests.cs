using Dcgan.Models;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Dcgan.Data.Tests;

public class ImageFolderDataSourceTests
{
    private const float Tolerance = 2.5f / 127.5f;   // JPEG and filtering may move a value by a couple of levels

    [Fact]
    public void MixedSizesAndModes_GiveOneShapeAndCompositedValues()
    {
        using var tmp = new TempDir();
        var files = WriteMixedFolder(tmp);

        var rgb = new ImageFolderDataSource(tmp.Path, new ImageDataSourceOptions { ImageSize = 8 });
        var gray = new ImageFolderDataSource(tmp.Path, new ImageDataSourceOptions { ImageSize = 8, ColorMode = ColorMode.Grayscale, Background = RgbColor.Black });

        rgb.Count.Should().Be(5);
        rgb.Files.Select(Path.GetFileName).Should().Equal("a-transparent.png", "b-halfblack.png", "c-gray.PNG", "d-wide.jpeg", "e-red.JPG");
        rgb.Shape.Should().Be(new ImageShape(3, 8, 8));
        gray.Shape.Should().Be(new ImageShape(1, 8, 8));
        rgb.Description.Should().Contain(tmp.Path).And.Contain("5 images");

        Planes(rgb, 0).Should().OnlyContain(v => v == 1f, "fully transparent pixels show the white background");
        Planes(gray, 0).Should().OnlyContain(v => v == -1f, "and the black background in the grayscale source");
        Planes(rgb, 1).Should().OnlyContain(v => Math.Abs(v - PixelScaling.ToSigned(127)) <= Tolerance, "50% black over white is mid gray");
        Planes(rgb, 2).Should().OnlyContain(v => Math.Abs(v - PixelScaling.ToSigned(100)) <= Tolerance, "gray PNG is replicated to R, G and B");
        Planes(gray, 2).Should().OnlyContain(v => Math.Abs(v - PixelScaling.ToSigned(100)) <= Tolerance);

        var wide = Planes(rgb, 3);   // 60x20: blue | green | blue; the centre crop keeps only green
        wide.AsSpan(0, 64).ToArray().Should().OnlyContain(v => v <= -1f + Tolerance, "red plane");
        wide.AsSpan(64, 64).ToArray().Should().OnlyContain(v => v >= 1f - Tolerance, "green plane");
        wide.AsSpan(128, 64).ToArray().Should().OnlyContain(v => v <= -1f + Tolerance, "blue plane");

        Planes(gray, 4).Should().OnlyContain(v => Math.Abs(v - PixelScaling.ToSigned(76)) <= Tolerance, "BT.601 luma of red is 76");
        files.Should().HaveCount(5);
    }

    [Fact]
    public void LazyPreloadedAndConcurrentReads_AgreeExactly()
    {
        using var tmp = new TempDir();
        for (int i = 0; i < 12; i++)
        {
            WriteNoise(tmp.File($"n{i:D2}.png"), 20 + i, 17 + 2 * i, seed: i);
        }

        var lazy = new ImageFolderDataSource(tmp.Path, new ImageDataSourceOptions { ImageSize = 16 });
        var preloaded = new ImageFolderDataSource(tmp.Path, new ImageDataSourceOptions { ImageSize = 16, Preload = true });
        int len = lazy.Shape.ElementCount;
        var serial = new float[lazy.Count * len];
        for (int i = 0; i < lazy.Count; i++)
        {
            lazy.CopyImage(i, serial.AsSpan(i * len, len));
        }

        var fromCache = new float[serial.Length];
        for (int i = 0; i < lazy.Count; i++)
        {
            preloaded.CopyImage(i, fromCache.AsSpan(i * len, len));
        }

        var parallel = new float[serial.Length];
        var threads = Enumerable.Range(0, 2).Select(t => new Thread(() =>
        {
            for (int round = 0; round < 3; round++)
            {
                for (int i = t; i < lazy.Count; i += 2)
                {
                    lazy.CopyImage(i, parallel.AsSpan(i * len, len));
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        preloaded.IsPreloaded.Should().BeTrue();
        fromCache.Should().Equal(serial);
        parallel.Should().Equal(serial);
        serial.Should().OnlyContain(v => v >= -1f && v <= 1f);
    }

    [Fact]
    public void MissingFolder_NamesThePath()
    {
        ((Action)(() => new ImageFolderDataSource("/nonexistent/dcgan-images"))).Should().Throw<DirectoryNotFoundException>()
            .WithMessage("*'/nonexistent/dcgan-images'*");
    }

    [Fact]
    public void FolderWithoutImages_IsAClearError()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("notes.txt"), "not an image");
        File.WriteAllBytes(tmp.File(".hidden.png"), [1, 2, 3]);

        ((Action)(() => new ImageFolderDataSource(tmp.Path))).Should().Throw<InvalidDataException>()
            .WithMessage($"*'{tmp.Path}' contains no .png, .jpg or .jpeg files*");
    }

    [Fact]
    public void ZeroByteFile_IsNamedAtConstruction()
    {
        using var tmp = new TempDir();
        WriteNoise(tmp.File("good.png"), 8, 8, 1);
        File.WriteAllBytes(tmp.File("empty.png"), []);

        ((Action)(() => new ImageFolderDataSource(tmp.Path))).Should().Throw<InvalidDataException>()
            .WithMessage($"*'{tmp.File("empty.png")}' is empty (0 bytes)*");
    }

    [Fact]
    public void NonImageNamedPng_IsNamedAtConstruction()
    {
        using var tmp = new TempDir();
        WriteNoise(tmp.File("good.png"), 8, 8, 1);
        File.WriteAllText(tmp.File("fake.png"), "this is text, not a PNG");

        ((Action)(() => new ImageFolderDataSource(tmp.Path))).Should().Throw<InvalidDataException>()
            .WithMessage($"*'{tmp.File("fake.png")}'*could not be decoded*");
    }

    [Fact]
    public void TruncatedBody_FailsAtPreloadOrAtCopyImage_NamingTheFile()
    {
        using var tmp = new TempDir();
        WriteNoise(tmp.File("cut.png"), 64, 64, 3);
        byte[] bytes = File.ReadAllBytes(tmp.File("cut.png"));
        File.WriteAllBytes(tmp.File("cut.png"), bytes[..(bytes.Length / 2)]);

        var lazy = new ImageFolderDataSource(tmp.Path, new ImageDataSourceOptions { ImageSize = 8 });
        ((Action)(() => lazy.CopyImage(0, new float[192]))).Should().Throw<InvalidDataException>().WithMessage($"*'{tmp.File("cut.png")}'*");
        ((Action)(() => new ImageFolderDataSource(tmp.Path, new ImageDataSourceOptions { ImageSize = 8, Preload = true })))
            .Should().Throw<InvalidDataException>().WithMessage($"*'{tmp.File("cut.png")}'*");
    }

    [Fact]
    public void BadOptions_AreRejectedWithTheValue()
    {
        using var tmp = new TempDir();
        WriteNoise(tmp.File("good.png"), 8, 8, 1);
        var bad = new ImageDataSourceOptions { ImageSize = 0, ColorMode = (ColorMode)2 };
        OptionsValidationException e = ((Action)(() => new ImageFolderDataSource(tmp.Path, bad)))
            .Should().Throw<OptionsValidationException>().Which;
        e.Failures.Should().HaveCount(2);
        e.Message.Should().Contain("ImageSize = 0").And.Contain("ColorMode = 2");
        ((Action)(() => ImageDataSources.Open(tmp.Path, bad))).Should().Throw<OptionsValidationException>()
            .WithMessage("*ImageSize = 0*ColorMode = 2*");
    }

    internal static List<string> WriteMixedFolder(TempDir tmp)
    {
        Directory.CreateDirectory(tmp.File("sub"));
        var files = new List<string>
        {
            Write(tmp.File("a-transparent.png"), 16, 16, SKColorType.Rgba8888, SKAlphaType.Unpremul, (_, _) => new SKColor(10, 200, 30, 0), SKEncodedImageFormat.Png),
            Write(tmp.File("b-halfblack.png"), 12, 30, SKColorType.Rgba8888, SKAlphaType.Unpremul, (_, _) => new SKColor(0, 0, 0, 128), SKEncodedImageFormat.Png),
            Write(tmp.File("c-gray.PNG"), 5, 5, SKColorType.Gray8, SKAlphaType.Opaque, (_, _) => new SKColor(100, 100, 100), SKEncodedImageFormat.Png),
            Write(tmp.File("d-wide.jpeg"), 60, 20, SKColorType.Rgba8888, SKAlphaType.Opaque,
                (x, _) => x is >= 18 and < 42 ? new SKColor(0, 255, 0) : new SKColor(0, 0, 255), SKEncodedImageFormat.Jpeg),
            Write(Path.Combine(tmp.File("sub"), "e-red.JPG"), 33, 33, SKColorType.Rgba8888, SKAlphaType.Opaque, (_, _) => new SKColor(255, 0, 0), SKEncodedImageFormat.Jpeg),
        };
        return files;
    }

    internal static string WriteNoise(string path, int width, int height, int seed)
    {
        var random = new Random(seed);
        return Write(path, width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul,
            (_, _) => new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)),
            SKEncodedImageFormat.Png);
    }

    private static string Write(string path, int width, int height, SKColorType type, SKAlphaType alpha, Func<int, int, SKColor> pixel, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, type, alpha));
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, pixel(x, y));
            }
        }

        using var data = bitmap.Encode(format, 100);
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }

    private static float[] Planes(IImageDataSource source, int index)
    {
        var image = new float[source.Shape.ElementCount];
        source.CopyImage(index, image);
        return image;
    }
}
