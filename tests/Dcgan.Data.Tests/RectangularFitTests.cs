// Non-square targets (ImageSize high by ImageWidth wide): the three fits on a rectangle, and the square-only readers'
// refusal.
using SkiaSharp;

namespace Dcgan.Data.Tests;

public sealed class RectangularFitTests
{
    [Theory]
    [InlineData(100, 50, 48, 32, 12, 0, 75, 50)]  // wider than 3:2: the sides are cut
    [InlineData(50, 100, 48, 32, 0, 33, 50, 33)]  // taller: the top and bottom are cut, offset rounded down
    [InlineData(60, 40, 48, 32, 0, 0, 60, 40)]    // the same aspect ratio: nothing is cut
    public void Centre_crop_takes_the_largest_centred_rectangle_of_the_targets_aspect_ratio(int width, int height, int targetWidth, int targetHeight, int left, int top, int cropWidth, int cropHeight)
    {
        (SKRectI crop, SKRect target) = ImageFitTransform.Layout(width, height, targetWidth, targetHeight, ImageFit.CenterCrop);
        crop.Should().Be(SKRectI.Create(left, top, cropWidth, cropHeight));
        target.Should().Be(SKRect.Create(0, 0, targetWidth, targetHeight));
    }

    [Fact]
    public void A_wide_image_fitted_to_a_wide_target_by_each_fit()
    {
        using var tmp = new TempDir();
        ThirdsPicture.Write(tmp.File("wide.png"));

        // 60x20 into 20 wide by 10 high (2:1). Centre crop keeps columns 10..49 (40x20): a quarter red, half green, a quarter blue.
        float[] crop = ThirdsPicture.FirstImage(Open(tmp.Path, ImageFit.CenterCrop, out ImageShape shape));
        shape.Should().Be(new ImageShape(3, 10, 20));
        for (int y = 0; y < 10; y++)
        {
            ThirdsPicture.Rgb(crop, y, 2).Should().Be((1, -1, -1));
            ThirdsPicture.Rgb(crop, y, 10).Should().Be((-1, 1, -1));
            ThirdsPicture.Rgb(crop, y, 17).Should().Be((-1, -1, 1));
        }

        // Stretch: all three thirds, each about 6.7 columns wide.
        float[] stretch = ThirdsPicture.FirstImage(Open(tmp.Path, ImageFit.Stretch, out _));
        ThirdsPicture.Rgb(stretch, 5, 3).Should().Be((1, -1, -1));
        ThirdsPicture.Rgb(stretch, 5, 10).Should().Be((-1, 1, -1));
        ThirdsPicture.Rgb(stretch, 5, 16).Should().Be((-1, -1, 1));

        // Pad: scaled by 1/3 to 20x6.67, centred vertically on black.
        float[] pad = ThirdsPicture.FirstImage(Open(tmp.Path, ImageFit.Pad, out _));
        for (int x = 0; x < 20; x++)
        {
            ThirdsPicture.Rgb(pad, 0, x).Should().Be((-1, -1, -1), "the band above the image is the background");
            ThirdsPicture.Rgb(pad, 9, x).Should().Be((-1, -1, -1), "and so is the band below");
        }

        ThirdsPicture.Rgb(pad, 5, 2).Should().Be((1, -1, -1));
        ThirdsPicture.Rgb(pad, 5, 17).Should().Be((-1, -1, 1));
    }

    [Fact]
    public void Idx_data_refuses_a_width_that_makes_it_non_square_naming_both_sizes()
    {
        using var tmp = new TempDir();
        File.WriteAllBytes(tmp.File("t10k-images-idx3-ubyte.gz"), Idx.Gzip(Idx.Images(2, 4, 4)));
        var act = () => ImageDataSources.Open(tmp.File("t10k-images-idx3-ubyte.gz"), new ImageDataSourceOptions { ImageSize = 28, ImageWidth = 56 });
        act.Should().Throw<ArgumentException>().WithMessage("IDX data '*' gives square images, but ImageWidth 56 (ImageSize 28) was requested*");
    }

    private static ImageFolderDataSource Open(string folder, ImageFit fit, out ImageShape shape)
    {
        var source = new ImageFolderDataSource(folder, new ImageDataSourceOptions { ImageSize = 10, ImageWidth = 20, Fit = fit, Background = RgbColor.Black });
        shape = source.Shape;
        return source;
    }
}
