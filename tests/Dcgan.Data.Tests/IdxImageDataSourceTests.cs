using Dcgan.Models;

namespace Dcgan.Data.Tests;

public class IdxImageDataSourceTests
{
    [Fact]
    public void ShippedTestSplit_HasShapeLabelsAndSignedPixels()
    {
        var source = IdxImageDataSource.Open(ShippedData.TestImages, ShippedData.TestLabels);

        source.Count.Should().Be(10000);
        source.Shape.Should().Be(new ImageShape(1, 28, 28));
        source.HasLabels.Should().BeTrue();
        source.GetLabel(0).Should().Be(9);
        source.Description.Should().Contain("t10k-images-idx3-ubyte.gz").And.Contain("10000 images");

        var image = new float[784];
        float min = float.MaxValue, max = float.MinValue;
        for (int i = 0; i < 100; i++)
        {
            source.CopyImage(i, image);
            min = Math.Min(min, image.Min());
            max = Math.Max(max, image.Max());
        }

        min.Should().Be(-1f);
        max.Should().Be(1f);
    }

    [Fact]
    public void CopyImage_ScalesEachByteWithToSigned()
    {
        using var tmp = new TempDir();
        File.WriteAllBytes(tmp.File("i"), Idx.Build(0x08, [2, 1, 3], [0, 255, 128, 1, 2, 3]));
        var source = IdxImageDataSource.Open(tmp.File("i"));
        var image = new float[3];

        source.CopyImage(0, image);

        image.Should().Equal(-1f, 1f, PixelScaling.ToSigned(128));
        source.CopyImage(1, image);
        image.Should().Equal(PixelScaling.ToSigned(1), PixelScaling.ToSigned(2), PixelScaling.ToSigned(3));
        source.HasLabels.Should().BeFalse();
        ((Action)(() => source.GetLabel(0))).Should().Throw<InvalidOperationException>().WithMessage("*no labels*");
    }

    [Fact]
    public void LabelCountMismatch_NamesBothFilesAndCounts()
    {
        using var tmp = new TempDir();
        File.WriteAllBytes(tmp.File("images"), Idx.Images(5, 2, 2));
        File.WriteAllBytes(tmp.File("labels"), Idx.Build(0x08, [4], [1, 2, 3, 4]));

        ((Action)(() => IdxImageDataSource.Open(tmp.File("images"), tmp.File("labels")))).Should().Throw<ArgumentException>()
            .WithMessage($"*'{tmp.File("labels")}' has 4 labels*'{tmp.File("images")}' has 5 images*");
    }

    [Fact]
    public void CopyImage_RejectsBadIndexAndSpanLength()
    {
        using var tmp = new TempDir();
        File.WriteAllBytes(tmp.File("i"), Idx.Images(2, 2, 2));
        var source = IdxImageDataSource.Open(tmp.File("i"));

        ((Action)(() => source.CopyImage(2, new float[4]))).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*[0, 1]*");
        ((Action)(() => source.CopyImage(-1, new float[4]))).Should().Throw<ArgumentOutOfRangeException>();
        ((Action)(() => source.CopyImage(0, new float[5]))).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*5 floats*expected 4*");
    }

    [Fact]
    public void Resize_UpscalesRealData_KeepsRangeAndMean()
    {
        var images = IdxReader.ReadImages(ShippedData.TestImages);
        var native = new IdxImageDataSource(images);
        var resized = new IdxImageDataSource(images, imageSize: 32);

        resized.Shape.Should().Be(new ImageShape(1, 32, 32));
        resized.NativeShape.Should().Be(new ImageShape(1, 28, 28));
        var a = new float[784];
        var b = new float[1024];
        native.CopyImage(0, a);
        resized.CopyImage(0, b);
        b.Should().OnlyContain(v => v >= -1f && v <= 1f);
        b.Average().Should().BeApproximately(a.Average(), 0.02f);
    }

    [Fact]
    public void Resize_DownscaleAveragesAndConstantStaysConstant()
    {
        using var tmp = new TempDir();
        File.WriteAllBytes(tmp.File("i"), Idx.Build(0x08, [2, 2, 2], [0, 255, 255, 0, 77, 77, 77, 77]));
        var source = IdxImageDataSource.Open(tmp.File("i"), imageSize: 1);
        var one = new float[1];

        source.CopyImage(0, one);
        one[0].Should().BeApproximately(0f, 1e-6f);
        source.CopyImage(1, one);
        one[0].Should().BeApproximately(PixelScaling.ToSigned(77), 1e-6f);

        var up = IdxImageDataSource.Open(tmp.File("i"), imageSize: 7);
        var big = new float[49];
        up.CopyImage(1, big);
        big.Should().OnlyContain(v => Math.Abs(v - PixelScaling.ToSigned(77)) < 1e-5f);
    }

    [Fact]
    public void ConcurrentCopyImage_MatchesSerial()
    {
        var source = new IdxImageDataSource(IdxReader.ReadImages(ShippedData.TestImages), imageSize: 32);
        int n = 2000, len = source.Shape.ElementCount;
        var serial = new float[n * len];
        for (int i = 0; i < n; i++)
        {
            source.CopyImage(i, serial.AsSpan(i * len, len));
        }

        var parallel = new float[n * len];
        var threads = Enumerable.Range(0, 2).Select(t => new Thread(() =>
        {
            for (int i = t; i < n; i += 2)
            {
                source.CopyImage(i, parallel.AsSpan(i * len, len));
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        parallel.Should().Equal(serial);
    }

    [Fact]
    public void ImageSizeOutOfRange_Throws()
    {
        using var tmp = new TempDir();
        File.WriteAllBytes(tmp.File("i"), Idx.Images(1, 2, 2));
        ((Action)(() => IdxImageDataSource.Open(tmp.File("i"), imageSize: 0))).Should().Throw<ArgumentOutOfRangeException>();
    }
}
