using Dcgan.Data;
using Dcgan.Models;
using Microsoft.Extensions.Options;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Core.Tests.Models;

/// <summary>Images that are not square: h = bh * 2^k by w = bw * 2^k with bh, bw in 4..7 and one k.</summary>
public sealed class RectangularImageTests
{
    public static TheoryData<bool, int, int, int> Shapes()
    {
        var data = new TheoryData<bool, int, int, int>();
        foreach (bool paper in new[] { true, false })
        {
            data.Add(paper, 32, 48, 3);   // 4x6, k = 3
            data.Add(paper, 48, 32, 1);   // 6x4
            data.Add(paper, 28, 16, 1);   // 7x4, k = 2
            data.Add(paper, 64, 96, 3);   // 4x6, k = 4
            data.Add(paper, 14, 8, 3);    // 7x4, k = 1
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Both_networks_work_at_the_shape_layer_by_layer(bool paper, int height, int width, int channels)
    {
        DcganModelOptions o = TinyModels.Options(paper, height, channels);
        o.ImageWidth = width;
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(o, seed: 3);
        using (g)
        using (d)
        using (NewDisposeScope())
        {
            var shape = new ImageShape(channels, height, width);
            g.ImageShape.Should().Be(shape);
            d.ImageShape.Should().Be(shape);
            Tensor images = g.Generate(TinyModels.Latent(3, o.LatentDimension, seed: 5));
            images.shape.Should().Equal(3, channels, height, width);
            d.Judge(images).shape.Should().Equal(3);

            DcganArchitecture a = d.Architecture;
            int k = a.Doublings;
            (a.BaseHeight << k, a.BaseWidth << k).Should().Be((height, width));
            g.HiddenBlockShapes.Select(s => (s.Height, s.Width)).Should().Equal(Enumerable.Range(0, k).Select(i => (a.BaseHeight << i, a.BaseWidth << i)));
            (_, IReadOnlyList<Tensor> features) = d.ForwardWithFeatures(images);
            features[^1].shape.Should().Equal(3, a.DiscriminatorWidths[^1], a.BaseHeight, a.BaseWidth);
        }
    }

    [Theory]
    [InlineData(28, 40, "ImageSize = 28 (7 * 2^2) and ImageWidth = 40 (5 * 2^3) need the same number of doublings*")]
    [InlineData(64, 30, "ImageWidth = 30: not of the form b * 2^k with b in 4..7 and k >= 1; nearby valid sizes: 28, 32.")]
    [InlineData(64, 5000, "*ImageWidth*4096*")]
    public void A_width_that_does_not_fit_the_height_is_refused_naming_both(int height, int width, string message)
    {
        DcganModelOptions o = TinyModels.Options(paper: true, height);
        o.ImageWidth = width;
        FluentActions.Invoking(() => DcganArchitecture.For(o)).Should().Throw<OptionsValidationException>().WithMessage($"*{message.TrimStart('*')}");
    }

    [Fact]
    public void A_width_equal_to_the_height_is_the_square_architecture()
    {
        DcganModelOptions square = TinyModels.Options(paper: true, 32);
        DcganModelOptions explicitWidth = TinyModels.Options(paper: true, 32);
        explicitWidth.ImageWidth = 32;
        (DcganGenerator a, DcganDiscriminator da) = DcganModels.Create(square, seed: 1);
        (DcganGenerator b, DcganDiscriminator db) = DcganModels.Create(explicitWidth, seed: 1);
        using (a)
        using (b)
        using (da)
        using (db)
        {
            b.Options.ImageWidth.Should().BeNull("one way to say square keeps checkpoints comparable");
            TinyModels.BitEqual(a.Generate(TinyModels.Latent(2, 8, 1)), b.Generate(TinyModels.Latent(2, 8, 1))).Should().BeTrue();
        }
    }
}
