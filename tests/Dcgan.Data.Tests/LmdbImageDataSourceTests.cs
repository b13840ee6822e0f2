// The LMDB (LSUN export) reader on environments written in the test with real WebP, JPEG and PNG bytes.
using System.Security.Cryptography;
using System.Text;
using SkiaSharp;

namespace Dcgan.Data.Tests;

public sealed class LmdbImageDataSourceTests
{
    private const float Tolerance = 6f / 127.5f;   // lossy WebP/JPEG of a flat colour moves it by a few levels

    private static readonly (string Key, SKColor Colour, SKEncodedImageFormat Format)[] Records =
    [
        ("f00d", new SKColor(200, 30, 40), SKEncodedImageFormat.Webp),
        ("0a1b", new SKColor(20, 180, 60), SKEncodedImageFormat.Webp),
        ("beef", new SKColor(30, 40, 220), SKEncodedImageFormat.Jpeg),
        ("5ca1", new SKColor(250, 250, 10), SKEncodedImageFormat.Png),
    ];

    [Fact]
    public void SkiaSharp_encodes_real_webp_here()
    {
        byte[] webp = LmdbFilesForTests.Encode(8, 8, (_, _) => SKColors.Red, SKEncodedImageFormat.Webp);

        Encoding.ASCII.GetString(webp, 0, 4).Should().Be("RIFF");
        Encoding.ASCII.GetString(webp, 8, 4).Should().Be("WEBP");
    }

    [Fact]
    public void Opens_through_ImageDataSources_in_key_order_and_decodes_each_record()
    {
        using var tmp = new TempDir();
        string folder = tmp.File("bedroom_train_lmdb");
        LmdbFilesForTests.Write(folder, Records.Select(r => (r.Key, LmdbFilesForTests.Encode(40, 30, (_, _) => r.Colour, r.Format))));

        using var source = ImageDataSources.Open(folder, new ImageDataSourceOptions { ImageSize = 16 }).Should().BeOfType<LmdbImageDataSource>().Subject;

        source.Count.Should().Be(4);
        source.Shape.Should().Be(new ImageShape(3, 16, 16));
        source.Description.Should().Contain(folder).And.Contain("4 images");
        var byKey = Records.OrderBy(r => r.Key, StringComparer.Ordinal).ToArray();
        for (int i = 0; i < 4; i++)
        {
            Encoding.ASCII.GetString(source.GetKey(i)).Should().Be(byKey[i].Key, "indices follow LMDB's bytewise key order");
            var image = new float[3 * 16 * 16];
            source.CopyImage(i, image);
            image.AsSpan(0, 256).ToArray().Should().OnlyContain(v => Math.Abs(v - PixelScaling.ToSigned(byKey[i].Colour.Red)) <= Tolerance, $"{byKey[i].Format} red");
            image.AsSpan(256, 256).ToArray().Should().OnlyContain(v => Math.Abs(v - PixelScaling.ToSigned(byKey[i].Colour.Green)) <= Tolerance);
            image.AsSpan(512, 256).ToArray().Should().OnlyContain(v => Math.Abs(v - PixelScaling.ToSigned(byKey[i].Colour.Blue)) <= Tolerance);
        }
    }

    [Fact]
    public void Reading_never_changes_the_database_and_two_opens_agree_bitwise()
    {
        using var tmp = new TempDir();
        string folder = tmp.File("db");
        var random = new Random(3);
        LmdbFilesForTests.Write(folder, Enumerable.Range(0, 6).Select(i => ($"k{i}", LmdbFilesForTests.Encode(20, 24,
            (_, _) => new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)), SKEncodedImageFormat.Webp, quality: 80))));
        byte[] before = SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, "data.mdb")));

        float[] first, second;
        using (var a = new LmdbImageDataSource(Path.Combine(folder, "data.mdb"), new ImageDataSourceOptions { ImageSize = 8, ColorMode = ColorMode.Grayscale }))
        {
            a.Folder.Should().Be(folder, "the data.mdb file stands for its folder");
            first = a.ReadAll().Pixels;
        }

        using (var b = new LmdbImageDataSource(folder, new ImageDataSourceOptions { ImageSize = 8, ColorMode = ColorMode.Grayscale }))
        {
            second = b.ReadImages([0, 1, 2, 3, 4, 5]).Pixels;
        }

        first.Select(BitConverter.SingleToUInt32Bits).Should().Equal(second.Select(BitConverter.SingleToUInt32Bits));
        SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, "data.mdb"))).Should().Equal(before);
    }

    [Fact]
    public void A_record_that_is_not_an_image_fails_naming_its_key()
    {
        using var tmp = new TempDir();
        string folder = tmp.File("db");
        LmdbFilesForTests.Write(folder,
        [
            ("a-good", LmdbFilesForTests.Encode(8, 8, (_, _) => SKColors.Gray, SKEncodedImageFormat.Webp)),
            ("b-bad", Encoding.ASCII.GetBytes("this is not an image")),
        ]);
        using var source = new LmdbImageDataSource(folder);

        var act = () => source.CopyImage(1, new float[source.Shape.ElementCount]);

        act.Should().Throw<InvalidDataException>().WithMessage($"LMDB record 1 (key b-bad) in '{folder}' (20 bytes) could not be decoded: its content*which is not a*image.");
    }

    [Fact]
    public void A_record_claiming_more_pixels_than_MaxSourcePixels_is_refused_before_decoding()
    {
        using var tmp = new TempDir();
        string folder = tmp.File("db");
        LmdbFilesForTests.Write(folder,
        [
            ("a", LmdbFilesForTests.Encode(8, 8, (_, _) => SKColors.Gray, SKEncodedImageFormat.Webp)),
            ("b", LmdbFilesForTests.Encode(40, 30, (_, _) => SKColors.Gray, SKEncodedImageFormat.Webp)),
        ]);
        using var source = new LmdbImageDataSource(folder, new ImageDataSourceOptions { MaxSourcePixels = 1000 });

        var act = () => source.CopyImage(1, new float[source.Shape.ElementCount]);

        act.Should().Throw<InvalidDataException>().WithMessage("LMDB record 1 (key b)*claims 40x30 (1200 pixels)*MaxSourcePixels = 1000*");
    }

    [Fact]
    public void A_bad_first_record_an_empty_database_and_a_non_lmdb_file_are_refused_when_opened()
    {
        using var tmp = new TempDir();
        LmdbFilesForTests.Write(tmp.File("bad"), [("x", new byte[] { 1, 2, 3 })]);
        LmdbFilesForTests.Write(tmp.File("empty"), []);
        Directory.CreateDirectory(tmp.File("garbage"));
        File.WriteAllBytes(Path.Combine(tmp.File("garbage"), "data.mdb"), Enumerable.Repeat((byte)7, 16384).ToArray());

        ((Action)(() => ImageDataSources.Open(tmp.File("bad")))).Should().Throw<InvalidDataException>().WithMessage("*key x*could not be decoded*");
        ((Action)(() => ImageDataSources.Open(tmp.File("empty")))).Should().Throw<InvalidDataException>().WithMessage("*has no records*");
        ((Action)(() => ImageDataSources.Open(tmp.File("garbage")))).Should().Throw<InvalidDataException>().WithMessage($"LMDB folder '{tmp.File("garbage")}' could not be opened read-only*");
        ((Action)(() => new LmdbImageDataSource(tmp.File("bad"), new ImageDataSourceOptions { Preload = true }))).Should().Throw<ArgumentException>().WithMessage("*Preload*");
    }
}
