// The image-folder reader's fit-to-square option: centre crop (the default, pytorch/examples' transform), stretch, pad.
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Dcgan.Data.Tests;

public sealed class ImageFitTests
{
    [Fact]
    public void Centre_crop_is_the_default_and_keeps_the_middle_square_of_a_wide_image()
    {
        using var tmp = new TempDir();
        ThirdsPicture.Write(tmp.File("wide.png"));

        var byDefault = new ImageFolderDataSource(tmp.Path, new ImageDataSourceOptions { ImageSize = 20 });
        var explicitCrop = new ImageFolderDataSource(tmp.Path, new ImageDataSourceOptions { ImageSize = 20, Fit = ImageFit.CenterCrop });

        new ImageDataSourceOptions().Fit.Should().Be(ImageFit.CenterCrop);
        float[] image = ThirdsPicture.FirstImage(byDefault);
        image.Select(BitConverter.SingleToUInt32Bits).Should().Equal(ThirdsPicture.FirstImage(explicitCrop).Select(BitConverter.SingleToUInt32Bits));
        image.AsSpan(0, 400).ToArray().Should().OnlyContain(v => v == -1f, "no red: the left third is cut off");
        image.AsSpan(400, 400).ToArray().Should().OnlyContain(v => v == 1f, "the 20x20 centre square is all green");
        image.AsSpan(800, 400).ToArray().Should().OnlyContain(v => v == -1f, "no blue: the right third is cut off");
        byDefault.Description.Should().NotContain("fit");
    }

    [Fact]
    public void Stretch_squashes_all_three_thirds_into_the_square()
    {
        using var tmp = new TempDir();
        ThirdsPicture.Write(tmp.File("wide.png"));

        var source = new ImageFolderDataSource(tmp.Path, new ImageDataSourceOptions { ImageSize = 20, Fit = ImageFit.Stretch });
        float[] image = ThirdsPicture.FirstImage(source);

        for (int y = 0; y < 20; y++)
        {
            ThirdsPicture.Rgb(image, y, 2).Should().Be((1, -1, -1), $"row {y} starts red");
            ThirdsPicture.Rgb(image, y, 10).Should().Be((-1, 1, -1), $"row {y} is green in the middle");
            ThirdsPicture.Rgb(image, y, 17).Should().Be((-1, -1, 1), $"row {y} ends blue");
        }

        source.Description.Should().Contain("fit Stretch");
    }

    [Fact]
    public void Pad_letterboxes_the_whole_image_on_the_background()
    {
        using var tmp = new TempDir();
        ThirdsPicture.Write(tmp.File("wide.png"));

        var source = new ImageFolderDataSource(tmp.Path,
            new ImageDataSourceOptions { ImageSize = 20, Fit = ImageFit.Pad, Background = RgbColor.Black });
        float[] image = ThirdsPicture.FirstImage(source);

        // 60x20 scaled by 1/3 is 20x6.67, centred: rows 6.67 .. 13.33 hold the image, the rest is background.
        for (int x = 0; x < 20; x++)
        {
            ThirdsPicture.Rgb(image, 2, x).Should().Be((-1, -1, -1), "the band above the image is the black background");
            ThirdsPicture.Rgb(image, 17, x).Should().Be((-1, -1, -1), "and so is the band below");
        }

        ThirdsPicture.Rgb(image, 10, 2).Should().Be((1, -1, -1));
        ThirdsPicture.Rgb(image, 10, 10).Should().Be((-1, 1, -1));
        ThirdsPicture.Rgb(image, 10, 17).Should().Be((-1, -1, 1));
    }

    [Theory]
    [InlineData(60, 20, 20, 0)]
    [InlineData(61, 20, 20, 0)]
    [InlineData(20, 61, 0, 20)]
    [InlineData(7, 7, 0, 0)]
    public void Centre_crop_takes_the_largest_square_with_the_offset_rounded_down(int width, int height, int left, int top)
    {
        (SKRectI crop, SKRect target) = ImageFitTransform.Layout(width, height, 64, 64, ImageFit.CenterCrop);

        crop.Should().Be(SKRectI.Create(left, top, Math.Min(width, height), Math.Min(width, height)));
        target.Should().Be(SKRect.Create(0, 0, 64, 64));
    }

    [Fact]
    public void An_unknown_fit_is_refused_by_the_validator_naming_it()
    {
        var act = () => ImageDataSources.Open(".", new ImageDataSourceOptions { Fit = (ImageFit)9 });

        act.Should().Throw<OptionsValidationException>().WithMessage("*Fit = 9*CenterCrop, Stretch or Pad*");
    }
}
