using Dcgan.Data;
using Dcgan.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Core.Tests.Models;

public class ModelShapeTests
{
    public static TheoryData<bool, int, int, int> Sizes()
    {
        var data = new TheoryData<bool, int, int, int>();
        foreach (bool paper in new[] { true, false })
        {
            foreach (int size in new[] { 8, 14, 28, 32, 48, 56, 64, 128 })
            {
                data.Add(paper, size, size % 3 == 0 ? 1 : 3, 4);
            }

            data.Add(paper, 256, 3, 2);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Every_size_gives_images_of_that_size_in_range_and_one_logit_per_image(bool paper, int size, int channels, int width)
    {
        DcganModelOptions o = TinyModels.Options(paper, size, channels, width);
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(o, seed: 3);
        using (g)
        using (d)
        using (torch.NewDisposeScope())
        {
            Tensor z = TinyModels.Latent(3, o.LatentDimension, seed: 5);
            Tensor images = g.Generate(z);
            images.shape.Should().Equal(3, channels, size, size);
            images.min().item<float>().Should().BeGreaterThanOrEqualTo(-1f);
            images.max().item<float>().Should().BeLessThanOrEqualTo(1f);
            g.ImageShape.Should().Be(new ImageShape(channels, size, size));

            Tensor logits = d.Judge(images);
            logits.shape.Should().Equal(3);
            d.ImageShape.Should().Be(g.ImageShape);

            images.sum().backward();
        }
    }

    [Fact]
    public void The_generator_also_accepts_pytorch_examples_column_latents()
    {
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(TinyModels.Options(paper: false, size: 32), seed: 1);
        using (g)
        using (d)
        using (torch.NewDisposeScope())
        {
            g.eval();
            Tensor z = TinyModels.Latent(2, 8, seed: 2);
            Tensor a = g.forward(z);
            Tensor b = g.forward(z.reshape(2, 8, 1, 1));
            TinyModels.BitEqual(a, b).Should().BeTrue();
        }
    }

    [Fact]
    public void Wrong_latent_and_image_shapes_throw_naming_expected_and_actual()
    {
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(TinyModels.Options(paper: true, size: 28, channels: 1), seed: 1);
        using (g)
        using (d)
        using (torch.NewDisposeScope())
        {
            Action badLatent = () => g.Generate(torch.zeros(2, 9));
            badLatent.Should().Throw<ArgumentException>().WithMessage("Expected latent vectors of shape [N, 8], got [2, 9].*");
            Action columnToGenerate = () => g.Generate(torch.zeros(2, 8, 1, 1));
            columnToGenerate.Should().Throw<ArgumentException>().WithMessage("*[N, 8], got [2, 8, 1, 1].*");

            Action wrongChannels = () => d.Judge(torch.zeros(2, 3, 28, 28));
            wrongChannels.Should().Throw<ArgumentException>().WithMessage("Expected images of shape [N, 1, 28, 28], got [2, 3, 28, 28].*");
            Action wrongSize = () => d.Judge(torch.zeros(2, 1, 32, 32));
            wrongSize.Should().Throw<ArgumentException>().WithMessage("*[N, 1, 28, 28], got [2, 1, 32, 32].*");
            Action flat = () => d.ForwardWithFeatures(torch.zeros(784));
            flat.Should().Throw<ArgumentException>().WithMessage("*got [784].*");
        }
    }
}
