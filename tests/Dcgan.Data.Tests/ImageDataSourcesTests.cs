using Dcgan.Models;

namespace Dcgan.Data.Tests;

public class ImageDataSourcesTests
{
    [Fact]
    public void ShippedFolder_OpensTheTestSplitWithLabels()
    {
        var source = ImageDataSources.Open(ShippedData.FashionMnistFolder);

        var idx = source.Should().BeOfType<IdxImageDataSource>().Which;
        idx.Count.Should().Be(10000);
        idx.ImagesPath.Should().EndWith("t10k-images-idx3-ubyte.gz");
        idx.LabelsPath.Should().EndWith("t10k-labels-idx1-ubyte.gz");
        idx.GetLabel(0).Should().Be(9);
        FashionMnist.ClassNames[idx.GetLabel(0)].Should().Be("Ankle boot");
    }

    [Fact]
    public void FolderWithTrainAndTest_PrefersTrain_AndRawOverGzip()
    {
        using var tmp = new TempDir();
        File.WriteAllBytes(tmp.File("t10k-images-idx3-ubyte.gz"), Idx.Gzip(Idx.Images(2, 4, 4)));
        File.WriteAllBytes(tmp.File("train-images-idx3-ubyte.gz"), Idx.Gzip(Idx.Images(3, 4, 4)));
        File.WriteAllBytes(tmp.File("train-images-idx3-ubyte"), Idx.Images(3, 4, 4));
        File.WriteAllBytes(tmp.File("train-labels-idx1-ubyte.gz"), Idx.Gzip(Idx.Build(0x08, [3], [4, 5, 6])));

        var idx = ImageDataSources.Open(tmp.Path, new ImageDataSourceOptions { ImageSize = 8 }).Should().BeOfType<IdxImageDataSource>().Which;

        idx.ImagesPath.Should().Be(tmp.File("train-images-idx3-ubyte"));
        idx.LabelsPath.Should().Be(tmp.File("train-labels-idx1-ubyte.gz"));
        idx.Labels.Should().Equal(4, 5, 6);
        idx.Shape.Should().Be(new ImageShape(1, 8, 8));
    }

    [Fact]
    public void IdxFilePath_OpensThatFile_AndDotSpellingIsAccepted()
    {
        using var tmp = new TempDir();
        File.WriteAllBytes(tmp.File("my-images.idx3-ubyte"), Idx.Images(2, 3, 3));
        File.WriteAllBytes(tmp.File("my-labels.idx1-ubyte"), Idx.Build(0x08, [2], [1, 0]));

        var fromFile = ImageDataSources.Open(tmp.File("my-images.idx3-ubyte")).Should().BeOfType<IdxImageDataSource>().Which;
        var fromFolder = ImageDataSources.Open(tmp.Path).Should().BeOfType<IdxImageDataSource>().Which;

        fromFile.Labels.Should().Equal(1, 0);
        fromFolder.ImagesPath.Should().Be(fromFile.ImagesPath);
    }

    [Fact]
    public void SeveralNonTrainIdxFiles_AreAmbiguous()
    {
        using var tmp = new TempDir();
        File.WriteAllBytes(tmp.File("a-images-idx3-ubyte"), Idx.Images(2, 3, 3));
        File.WriteAllBytes(tmp.File("b-images-idx3-ubyte"), Idx.Images(2, 3, 3));

        ((Action)(() => ImageDataSources.Open(tmp.Path))).Should().Throw<ArgumentException>()
            .WithMessage("*several IDX image files*a-images-idx3-ubyte*b-images-idx3-ubyte*");
    }

    [Fact]
    public void ImageFolder_OpensAsImageFolderSource_WithDefaults()
    {
        using var tmp = new TempDir();
        ImageFolderDataSourceTests.WriteNoise(tmp.File("x.png"), 10, 10, 1);

        var source = ImageDataSources.Open(tmp.Path).Should().BeOfType<ImageFolderDataSource>().Which;
        source.Shape.Should().Be(new ImageShape(3, 64, 64));

        var gray = ImageDataSources.Open(tmp.Path, new ImageDataSourceOptions { ImageSize = 32, ColorMode = ColorMode.Grayscale });
        gray.Shape.Should().Be(new ImageShape(1, 32, 32));
    }

    [Fact]
    public void BadPaths_GiveClearErrors()
    {
        ((Action)(() => ImageDataSources.Open(" "))).Should().Throw<ArgumentException>().WithMessage("*empty*");
        ((Action)(() => ImageDataSources.Open("/nonexistent/dcgan-data"))).Should().Throw<FileNotFoundException>()
            .WithMessage("*'/nonexistent/dcgan-data' does not exist*");

        using var tmp = new TempDir();
        ((Action)(() => ImageDataSources.Open(tmp.Path))).Should().Throw<InvalidDataException>().WithMessage("*contains no .png*");
        ImageFolderDataSourceTests.WriteNoise(tmp.File("one.png"), 4, 4, 1);
        ((Action)(() => ImageDataSources.Open(tmp.File("one.png")))).Should().Throw<ArgumentException>().WithMessage("*single image*");
        ((Action)(() => ImageDataSources.Open(ShippedData.TestImages, new ImageDataSourceOptions { ColorMode = ColorMode.Rgb })))
            .Should().Throw<ArgumentException>().WithMessage("*grayscale*Rgb*");
    }

    [Fact]
    public void FashionMnistLocation_PrefersTrainThenTestThenFails()
    {
        using var withTrain = new TempDir();
        File.WriteAllBytes(withTrain.File("train-images-idx3-ubyte"), []);
        using var empty = new TempDir();

        FashionMnist.FindLocation([empty.Path, ShippedData.FashionMnistFolder, withTrain.Path]).Should().Be(withTrain.Path);
        FashionMnist.FindLocation([empty.Path, ShippedData.FashionMnistFolder]).Should().Be(ShippedData.FashionMnistFolder);
        ((Action)(() => FashionMnist.FindLocation([empty.Path]))).Should().Throw<DirectoryNotFoundException>()
            .WithMessage($"*'{empty.Path}'*train-images-idx3-ubyte.gz*");

        string expected = File.Exists(Path.Combine(FashionMnist.SystemFolder, FashionMnist.TrainImagesFile))
            ? FashionMnist.SystemFolder
            : ShippedData.FashionMnistFolder;
        FashionMnist.DefaultLocation(ShippedData.FashionMnistFolder).Should().Be(expected);
    }

    [SkippableFact]
    public void SystemFashionMnist_WhenInstalled_OpensTheTrainSplit()
    {
        Skip.IfNot(File.Exists(Path.Combine(FashionMnist.SystemFolder, FashionMnist.TrainImagesFile)),
            $"the full Fashion-MNIST is not installed in {FashionMnist.SystemFolder}: apt-get install dataset-fashion-mnist (scripts/test.sh does)");

        var idx = (IdxImageDataSource)ImageDataSources.Open(FashionMnist.SystemFolder);
        idx.Count.Should().Be(60000);
        idx.Shape.Should().Be(new ImageShape(1, 28, 28));
        idx.HasLabels.Should().BeTrue();
    }
}
