using Dcgan.Models;

namespace Dcgan.Data.Tests;

public class ImageResizingTests
{
    [Fact]
    public void Downscale_by_two_uses_pillows_bilinear_weights_per_channel()
    {
        // 4 -> 2 pixels: the triangle widens to radius 2 source pixels, so output 0 (centre 1.0) weighs source
        // pixels 0, 1, 2 (centres 0.5, 1.5, 2.5) by 3/7, 3/7, 1/7; output 1 mirrors it. Output = W X W^T.
        double[,] w = { { 3 / 7.0, 3 / 7.0, 1 / 7.0, 0 }, { 0, 1 / 7.0, 3 / 7.0, 3 / 7.0 } };
        float[] blocks =
        [
            -1f, -1f, 1f, 1f,
            -1f, -1f, 1f, 1f,
            0.2f, 0.2f, -0.6f, -0.6f,
            0.2f, 0.2f, -0.6f, -0.6f,
        ];
        float[] pixels = [.. blocks, .. Enumerable.Repeat(0.5f, 16)];      // channel 1 is constant
        var images = new ImageBatch(1, new ImageShape(2, 4, 4), pixels);
        var expected = new float[8];
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 2; j++)
            {
                double sum = 0;
                for (int y = 0; y < 4; y++)
                {
                    for (int x = 0; x < 4; x++)
                    {
                        sum += w[i, y] * blocks[y * 4 + x] * w[j, x];
                    }
                }

                expected[i * 2 + j] = (float)sum;
                expected[4 + i * 2 + j] = 0.5f;
            }
        }

        ImageBatch small = ImageResizing.Resize(images, 2, 2);

        small.Shape.Should().Be(new ImageShape(2, 2, 2));
        small.Pixels.Should().Equal(expected, (a, b) => Math.Abs(a - b) < 1e-6f);
        small.Pixels[0].Should().BeApproximately(-0.6f, 1e-6f);                // (3 * -5/7 * 2 + 0.6/7) / 7
        images.Pixels.Should().Equal(pixels, "the input is not modified");
    }

    [Fact]
    public void Agrees_with_the_idx_readers_resize_of_the_same_bytes()
    {
        var bytes = IdxReader.ReadImages(ShippedData.TestImages);
        var native = new IdxImageDataSource(bytes);
        var at32 = new IdxImageDataSource(bytes, imageSize: 32);
        var image = new float[784];
        var expected = new float[1024];
        native.CopyImage(3, image);
        at32.CopyImage(3, expected);

        ImageBatch resized = ImageResizing.Resize(new ImageBatch(1, native.Shape, image), new ImageShape(1, 32, 32));

        resized.Shape.Should().Be(new ImageShape(1, 32, 32));
        resized.Pixels.Should().Equal(expected, (a, b) => Math.Abs(a - b) < 1e-5f);
        ImageBatch back = ImageResizing.Resize(resized, 28, 28);
        back.Pixels.Should().OnlyContain(v => v >= -1f && v <= 1f);
        back.Pixels.Average().Should().BeApproximately(image.Average(), 0.02f);
    }

    [Fact]
    public void Same_size_returns_the_batch_and_bad_targets_are_refused()
    {
        var images = new ImageBatch(2, new ImageShape(1, 3, 3), new float[18]);
        ImageResizing.Resize(images, 3, 3).Should().BeSameAs(images);
        FluentActions.Invoking(() => ImageResizing.Resize(images, 0, 3)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*height*");
        FluentActions.Invoking(() => ImageResizing.Resize(images, new ImageShape(3, 28, 28)))
            .Should().Throw<ArgumentException>().WithMessage("*1x3x3*3x28x28*colour*");
    }
}
