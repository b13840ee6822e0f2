// The checks an image file passes before it is decoded: the claimed size against a bound (from the header,
// before any pixel memory is allocated) and the format taken from the content, not the extension.
using System.Buffers.Binary;
using SkiaSharp;

namespace Dcgan.Data.Tests;

public class ImageFileChecksTests
{
    [Fact]
    public void PngClaiming60000x60000_IsRefusedFromTheHeader_NamingTheFileAndSize()
    {
        using var tmp = new TempDir();
        ImageFolderDataSourceTests.WriteNoise(tmp.File("good.png"), 8, 8, 1);
        File.WriteAllBytes(tmp.File("huge.png"), ImageBytes.WithPngSize(File.ReadAllBytes(tmp.File("good.png")), 60000, 60000));

        FluentActions.Invoking(() => new ImageFolderDataSource(tmp.Path)).Should().Throw<InvalidDataException>()
            .WithMessage($"*'{tmp.File("huge.png")}'*60000x60000*MaxSourcePixels*");
    }

    [Fact]
    public void FourteenByteGifClaimingAHugeScreen_IsRefusedByTheBound_NotBySkiaFailingToAllocate()
    {
        // Found by AFL (tests/Dcgan.Fuzz.Tests/Found/image/queue-013): before the bound, SKBitmap's constructor threw
        // System.Exception "Unable to allocate pixels for the bitmap", naming no file.
        using var tmp = new TempDir();
        File.WriteAllBytes(tmp.File("tiny.png"), [.. "GIF89a"u8, 0xF7, 0xFF, 0xFF, 0x2C, 0, 0, 0, 0x3B]);

        FluentActions.Invoking(() => new ImageFolderDataSource(tmp.Path)).Should().Throw<InvalidDataException>()
            .WithMessage($"*'{tmp.File("tiny.png")}' (14 bytes) claims 65527x11519*MaxSourcePixels*");
    }

    [Fact]
    public void TheBoundIsAnOption_CheckedAtConstructionAndWhenDecodingLazily()
    {
        using var tmp = new TempDir();
        ImageFolderDataSourceTests.WriteNoise(tmp.File("a.png"), 12, 10, 1);

        new ImageFolderDataSource(tmp.Path, new ImageDataSourceOptions { MaxSourcePixels = 120 }).Count.Should().Be(1);
        FluentActions.Invoking(() => new ImageFolderDataSource(tmp.Path, new ImageDataSourceOptions { MaxSourcePixels = 119 }))
            .Should().Throw<InvalidDataException>().WithMessage($"*'{tmp.File("a.png")}'*12x10 (120 pixels)*119*");

        // A file replaced after construction is checked again when it is decoded.
        var lazy = new ImageFolderDataSource(tmp.Path, new ImageDataSourceOptions { MaxSourcePixels = 200, ImageSize = 4 });
        ImageFolderDataSourceTests.WriteNoise(tmp.File("a.png"), 20, 20, 2);
        FluentActions.Invoking(() => lazy.CopyImage(0, new float[48])).Should().Throw<InvalidDataException>()
            .WithMessage($"*'{tmp.File("a.png")}'*20x20*");
    }

    [Fact]
    public void MaxSourcePixels_HasADocumentedDefaultAndRange()
    {
        new ImageDataSourceOptions().MaxSourcePixels.Should().Be(ImageDataSourceOptions.DefaultMaxSourcePixels).And.Be(8192 * 8192);
        new ImageDataSourceOptionsValidator().Failures(new ImageDataSourceOptions { MaxSourcePixels = 0 })
            .Should().ContainSingle(f => f.StartsWith("MaxSourcePixels = 0:"));
    }

    [Fact]
    public void GifNamedPng_IsDecodedByItsContent()
    {
        using var tmp = new TempDir();
        File.WriteAllBytes(tmp.File("red.png"), ImageBytes.Gif(frames: 1, new SKColor(255, 0, 0)));

        var source = new ImageFolderDataSource(tmp.Path, new ImageDataSourceOptions { ImageSize = 4 });
        var image = new float[48];
        source.CopyImage(0, image);

        image.AsSpan(0, 16).ToArray().Should().OnlyContain(v => v == 1f, "red plane");
        image.AsSpan(16, 32).ToArray().Should().OnlyContain(v => v == -1f, "green and blue planes");
    }

    [Fact]
    public void WebpNamedPng_IsDecodedByItsContent()
    {
        using var tmp = new TempDir();
        using (var bitmap = new SKBitmap(6, 6))
        {
            bitmap.Erase(new SKColor(0, 0, 255));
            using var data = bitmap.Encode(SKEncodedImageFormat.Webp, 100);
            File.WriteAllBytes(tmp.File("blue.png"), data.ToArray());
        }

        var source = new ImageFolderDataSource(tmp.Path, new ImageDataSourceOptions { ImageSize = 6 });
        var image = new float[108];
        source.CopyImage(0, image);

        image.AsSpan(0, 72).ToArray().Should().OnlyContain(v => v <= -1f + 4f / 127.5f, "red and green planes");
        image.AsSpan(72, 36).ToArray().Should().OnlyContain(v => v >= 1f - 4f / 127.5f, "blue plane");
    }

    [Fact]
    public void AnimatedGif_IsRefusedRatherThanReadAsItsFirstFrame()
    {
        using var tmp = new TempDir();
        File.WriteAllBytes(tmp.File("anim.gif.png"), ImageBytes.Gif(frames: 3, new SKColor(0, 255, 0)));

        FluentActions.Invoking(() => new ImageFolderDataSource(tmp.Path)).Should().Throw<InvalidDataException>()
            .WithMessage($"*'{tmp.File("anim.gif.png")}'*animated GIF*3 frames*");
    }

    [Theory]
    [InlineData("tiff", new byte[] { 0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0, 0, 0, 0, 0 }, "*TIFF*")]
    [InlineData("idx", new byte[] { 0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 2, 1, 2, 3, 4 }, "*starts with bytes 00 00 08 03*")]
    [InlineData("wbmp-like", new byte[] { 0, 0, 4, 4, 0xFF, 0xFF, 0xFF, 0xFF }, "*starts with bytes 00 00 04 04*")]
    public void ContentOfAnotherKindNamedPng_IsRefusedNamingTheFileAndWhatItFound(string kind, byte[] content, string expected)
    {
        using var tmp = new TempDir();
        string path = tmp.File(kind + ".png");
        File.WriteAllBytes(path, content);

        FluentActions.Invoking(() => new ImageFolderDataSource(tmp.Path)).Should().Throw<InvalidDataException>()
            .WithMessage($"*'{path}'*").And.Message.Should().Match(expected).And.Contain("PNG, JPEG, GIF, WebP or BMP");
    }

    [Fact]
    public void JpegNamedPng_AndPngNamedJpg_AreDecodedByContent()
    {
        using var tmp = new TempDir();
        using (var bitmap = new SKBitmap(4, 4))
        {
            bitmap.Erase(new SKColor(255, 255, 255));
            File.WriteAllBytes(tmp.File("a.png"), bitmap.Encode(SKEncodedImageFormat.Jpeg, 100).ToArray());
            File.WriteAllBytes(tmp.File("b.jpg"), bitmap.Encode(SKEncodedImageFormat.Png, 100).ToArray());
        }

        var source = new ImageFolderDataSource(tmp.Path, new ImageDataSourceOptions { ImageSize = 4, ColorMode = ColorMode.Grayscale });
        var image = new float[16];
        for (int i = 0; i < 2; i++)
        {
            source.CopyImage(i, image);
            image.Should().OnlyContain(v => v >= 1f - 2f / 127.5f);
        }
    }
}

/// <summary>Hand-made image bytes for the header and format tests.</summary>
internal static class ImageBytes
{
    /// <summary>A copy of <paramref name="png"/> whose IHDR claims another size, with a valid chunk CRC.</summary>
    public static byte[] WithPngSize(byte[] png, int width, int height)
    {
        byte[] copy = (byte[])png.Clone();
        BinaryPrimitives.WriteInt32BigEndian(copy.AsSpan(16), width);   // 8 signature + 4 length + 4 "IHDR"
        BinaryPrimitives.WriteInt32BigEndian(copy.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(29), Dcgan.Data.Crc32.Append(0, copy.AsSpan(12, 17)));   // type + 13 data bytes
        return copy;
    }

    /// <summary>A 1x1 GIF89a of <paramref name="frames"/> frames, every pixel <paramref name="color"/>.</summary>
    public static byte[] Gif(int frames, SKColor color)
    {
        var bytes = new List<byte>();
        bytes.AddRange("GIF89a"u8.ToArray());
        bytes.AddRange([1, 0, 1, 0, 0x80, 0, 0]);                               // 1x1, global table of 2 colours
        bytes.AddRange([color.Red, color.Green, color.Blue, 0, 0, 0]);
        if (frames > 1)
        {
            bytes.AddRange([0x21, 0xFF, 11, .."NETSCAPE2.0"u8.ToArray(), 3, 1, 0, 0, 0]);   // loop forever
        }

        for (int f = 0; f < frames; f++)
        {
            bytes.AddRange([0x21, 0xF9, 4, 0, 10, 0, 0, 0]);                   // graphic control: 100 ms, no transparency
            bytes.AddRange([0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0]);                  // image descriptor 1x1
            bytes.AddRange([2, 2, 0x44, 0x01, 0]);                              // LZW: clear, index 0, end
        }

        bytes.Add(0x3B);
        return bytes.ToArray();
    }
}
