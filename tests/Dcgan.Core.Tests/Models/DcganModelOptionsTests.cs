// DcganModelOptions follows the library's options pattern: DataAnnotations are the limits, the validator adds the
// b * 2^k rule and lists every failure at once; the options bind from configuration (enums from their names).
using Dcgan.Generation;
using Dcgan.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Dcgan.Core.Tests.Models;

public class DcganModelOptionsTests
{
    [Fact]
    public void Defaults_and_presets_are_valid()
    {
        var validator = new DcganModelOptionsValidator();
        validator.Failures(new DcganModelOptions()).Should().BeEmpty();
        validator.Failures(DcganModelOptions.Paper(28, 1)).Should().BeEmpty();
        validator.Failures(DcganModelOptions.PyTorchExample()).Should().BeEmpty();
    }

    [Fact]
    public void Every_failure_is_listed_at_once_with_option_and_value()
    {
        var options = new DcganModelOptions
        {
            ImageSize = 30,
            Channels = 0,
            LatentDimension = 70000,
            GeneratorWidth = 0,
            DiscriminatorWidth = 4097,
            KernelSize = 3,
            Projection = (LatentProjection)5,
            LatentDistribution = (LatentDistribution)5,
        };

        OptionsValidationException e = FluentActions.Invoking(() => DcganModels.Create(options, seed: 1))
            .Should().Throw<OptionsValidationException>().Which;

        e.OptionsType.Should().Be(typeof(DcganModelOptions));
        e.Failures.Should().HaveCount(8);
        string[] expectedStarts =
        [
            "ImageSize = 30:", "Channels = 0:", "LatentDimension = 70000:", "GeneratorWidth = 0:", "DiscriminatorWidth = 4097:",
            "KernelSize = 3:", "Projection = 5:", "LatentDistribution = 5:",
        ];
        foreach (string start in expectedStarts)
        {
            e.Failures.Should().ContainSingle(f => f.StartsWith(start), $"the failure of {start} is listed once");
            e.Message.Should().Contain(start);
        }
    }

    [Fact]
    public void Binds_from_configuration_with_enums_as_strings()
    {
        IConfiguration configuration = Configuration(
            ("ImageSize", "28"), ("Channels", "1"), ("LatentDimension", "64"), ("LatentDistribution", "Normal"),
            ("GeneratorWidth", "32"), ("DiscriminatorWidth", "16"), ("KernelSize", "4"), ("Projection", "TransposedConvolution"),
            ("BatchNormOnGeneratorOutput", "true"), ("BatchNormOnDiscriminatorInput", "true"));

        DcganModelOptions options = configuration.GetSection("Model").Get<DcganModelOptions>()!;

        options.ImageSize.Should().Be(28);
        options.Channels.Should().Be(1);
        options.LatentDimension.Should().Be(64);
        options.LatentDistribution.Should().Be(LatentDistribution.Normal);
        options.GeneratorWidth.Should().Be(32);
        options.DiscriminatorWidth.Should().Be(16);
        options.KernelSize.Should().Be(4);
        options.Projection.Should().Be(LatentProjection.TransposedConvolution);
        options.BatchNormOnGeneratorOutput.Should().BeTrue();
        options.BatchNormOnDiscriminatorInput.Should().BeTrue();
        new DcganModelOptionsValidator().Failures(options).Should().BeEmpty();
    }

    [Fact]
    public void Unset_keys_keep_the_documented_defaults()
    {
        IConfiguration configuration = Configuration(("Channels", "1"));

        DcganModelOptions options = configuration.GetSection("Model").Get<DcganModelOptions>()!;

        options.Should().BeEquivalentTo(new DcganModelOptions { Channels = 1 });
        options.ImageSize.Should().Be(64);
        options.LatentDimension.Should().Be(100);
        options.LatentDistribution.Should().Be(LatentDistribution.Uniform);
        options.KernelSize.Should().Be(5);
        options.Projection.Should().Be(LatentProjection.Dense);
    }

    [Fact]
    public void A_bound_invalid_size_is_refused_when_the_networks_are_built()
    {
        IConfiguration configuration = Configuration(("ImageSize", "60"));
        DcganModelOptions options = configuration.GetSection("Model").Get<DcganModelOptions>()!;

        FluentActions.Invoking(() => new DcganGenerator(options)).Should().Throw<OptionsValidationException>()
            .WithMessage("ImageSize = 60: not of the form b * 2^k*nearby valid sizes: 56, 64.");
    }

    // An in-memory configuration with the given keys under the "Model" section.
    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>("Model:" + v.Key, v.Value)))
            .Build();
}
