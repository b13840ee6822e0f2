using Dcgan.Generation;
using Dcgan.Models;
using Microsoft.Extensions.Options;

namespace Dcgan.Core.Tests.Models;

public class DcganArchitectureTests
{
    [Theory]
    [InlineData(8, 4, 1)]
    [InlineData(14, 7, 1)]
    [InlineData(28, 7, 2)]
    [InlineData(32, 4, 3)]
    [InlineData(48, 6, 3)]
    [InlineData(56, 7, 3)]
    [InlineData(64, 4, 4)]
    [InlineData(128, 4, 5)]
    [InlineData(96, 6, 4)]
    [InlineData(4096, 4, 10)]
    public void Valid_sizes_decompose_into_base_and_doublings(int size, int b, int k)
    {
        DcganArchitecture.Decompose(size).Should().Be((b, k));
        DcganArchitecture.IsValidImageSize(size).Should().BeTrue();
    }

    [Theory]
    [InlineData(30, "ImageSize 30 is not of the form b * 2^k with b in 4..7 and k >= 1; nearby valid sizes: 28, 32*")]
    [InlineData(100, "ImageSize 100 is not of the form*nearby valid sizes: 96, 112*")]
    [InlineData(7, "ImageSize 7 is not of the form*nearby valid sizes: 8.*")]
    [InlineData(0, "ImageSize 0 is not of the form*nearby valid sizes: 8.*")]
    [InlineData(-4, "ImageSize -4 is not of the form*nearby valid sizes: 8.*")]
    [InlineData(4, "ImageSize 4 is not of the form*nearby valid sizes: 8.*")]
    [InlineData(8192, "ImageSize 8192 is larger than the supported maximum 4096; nearby valid sizes: 4096.*")]
    public void Invalid_sizes_throw_naming_the_value_and_nearby_valid_sizes(int size, string message)
    {
        Action decompose = () => DcganArchitecture.Decompose(size);
        decompose.Should().Throw<ArgumentException>().WithMessage(message);

        DcganModelOptions options = TinyModels.Options(paper: true, size: 64);
        options.ImageSize = size;
        Action build = () => new DcganGenerator(options);
        build.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle()
            .Which.Should().StartWith($"ImageSize = {size}:");
    }

    [Theory]
    [InlineData(30, "ImageSize = 30: not of the form b * 2^k with b in 4..7 and k >= 1; nearby valid sizes: 28, 32.")]
    [InlineData(100, "ImageSize = 100: not of the form b * 2^k with b in 4..7 and k >= 1; nearby valid sizes: 96, 112.")]
    [InlineData(4, "ImageSize = 4: The field ImageSize must be between 8 and 4096.")]
    [InlineData(8192, "ImageSize = 8192: The field ImageSize must be between 8 and 4096.")]
    public void The_validator_names_an_invalid_size_once_with_nearby_valid_sizes(int size, string failure)
    {
        DcganModelOptions options = DcganModelOptions.Paper(64);
        options.ImageSize = size;
        new DcganModelOptionsValidator().Failures(options).Should().Equal(failure);
    }

    [Fact]
    public void Widths_follow_the_doubling_rule()
    {
        DcganModelOptions o = DcganModelOptions.PyTorchExample(64);
        o.GeneratorWidth = 64;
        o.DiscriminatorWidth = 32;
        DcganArchitecture a = DcganArchitecture.For(o);
        a.BaseHeight.Should().Be(4);
        a.Doublings.Should().Be(4);
        a.GeneratorWidths.Should().Equal(512, 256, 128, 64);
        a.DiscriminatorWidths.Should().Equal(32, 64, 128, 256);
    }

    [Fact]
    public void Kernel_size_sets_padding_so_every_layer_exactly_doubles_or_halves()
    {
        DcganArchitecture paper = DcganArchitecture.For(DcganModelOptions.Paper());
        (paper.StridedPadding, paper.OutputPadding).Should().Be((2, 1));
        DcganArchitecture pytorch = DcganArchitecture.For(DcganModelOptions.PyTorchExample());
        (pytorch.StridedPadding, pytorch.OutputPadding).Should().Be((1, 0));
    }

    public static TheoryData<Action<DcganModelOptions>, string> InvalidOptions => new()
    {
        { o => o.Channels = 0, "Channels = 0: *between 1 and 64*" },
        { o => o.Channels = 65, "Channels = 65: *between 1 and 64*" },
        { o => o.LatentDimension = 0, "LatentDimension = 0: *between 1 and 65536*" },
        { o => o.GeneratorWidth = -1, "GeneratorWidth = -1: *between 1 and 4096*" },
        { o => o.DiscriminatorWidth = 5000, "DiscriminatorWidth = 5000: *between 1 and 4096*" },
        { o => o.KernelSize = 3, "KernelSize = 3: expected 5 (the paper's, padding 2) or 4*" },
        { o => o.Projection = (LatentProjection)7, "Projection = 7: expected Dense or TransposedConvolution*" },
        { o => o.LatentDistribution = (LatentDistribution)9, "LatentDistribution = 9: expected Uniform or Normal*" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Invalid_options_throw_naming_the_value(Action<DcganModelOptions> spoil, string message)
    {
        DcganModelOptions o = DcganModelOptions.Paper(32);
        spoil(o);
        Action validate = () => new DcganModelOptionsValidator().ThrowIfInvalid(o);
        validate.Should().Throw<OptionsValidationException>().WithMessage(message);
        Action create = () => DcganModels.Create(o, seed: 1);
        create.Should().Throw<OptionsValidationException>().WithMessage(message);
        Action plan = () => DcganArchitecture.For(o);
        plan.Should().Throw<OptionsValidationException>().WithMessage(message);
    }

    [Fact]
    public void The_plan_copies_the_options()
    {
        DcganModelOptions o = DcganModelOptions.Paper(32);
        DcganArchitecture a = DcganArchitecture.For(o);
        o.GeneratorWidth = 1;
        a.GeneratorWidths[^1].Should().Be(128);
    }
}
