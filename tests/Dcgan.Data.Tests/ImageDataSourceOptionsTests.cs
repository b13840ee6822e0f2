// ImageDataSourceOptions follows the library's options pattern: bound from configuration, validated by its
// validator with every failure listed at once.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Dcgan.Data.Tests;

public class ImageDataSourceOptionsTests
{
    [Fact]
    public void Defaults_are_the_documented_ones_and_valid()
    {
        var options = new ImageDataSourceOptions();
        options.ImageSize.Should().BeNull();
        options.ColorMode.Should().BeNull();
        options.Background.Should().Be(RgbColor.White);
        options.Preload.Should().BeFalse();
        new ImageDataSourceOptionsValidator().Failures(options).Should().BeEmpty();
    }

    [Fact]
    public void Binds_from_configuration_with_enums_and_colours_as_strings()
    {
        IConfiguration configuration = Configuration(("ImageSize", "32"), ("ColorMode", "Grayscale"), ("Background", "#102030"), ("Preload", "true"));

        ImageDataSourceOptions options = configuration.GetSection("Data").Get<ImageDataSourceOptions>()!;

        options.ImageSize.Should().Be(32);
        options.ColorMode.Should().Be(ColorMode.Grayscale);
        options.Background.Should().Be(new RgbColor(0x10, 0x20, 0x30));
        options.Preload.Should().BeTrue();
        new ImageDataSourceOptionsValidator().Failures(options).Should().BeEmpty();
    }

    [Fact]
    public void An_empty_section_binds_to_the_defaults()
    {
        IConfiguration configuration = Configuration(("Background", "black"));

        ImageDataSourceOptions options = configuration.GetSection("Data").Get<ImageDataSourceOptions>()!;

        options.ImageSize.Should().BeNull();
        options.ColorMode.Should().BeNull();
        options.Background.Should().Be(RgbColor.Black);
    }

    [Fact]
    public void Every_invalid_value_is_listed_at_once_with_its_name_and_value()
    {
        var options = new ImageDataSourceOptions { ImageSize = 5000, ColorMode = (ColorMode)7 };

        OptionsValidationException e = FluentActions.Invoking(() => new ImageDataSourceOptionsValidator().ThrowIfInvalid(options))
            .Should().Throw<OptionsValidationException>().Which;

        e.Failures.Should().HaveCount(2);
        e.Failures.Should().Contain(f => f.StartsWith("ImageSize = 5000:") && f.Contains("4096"));
        e.Failures.Should().Contain(f => f.StartsWith("ColorMode = 7:") && f.Contains("Grayscale or Rgb"));
        e.OptionsType.Should().Be(typeof(ImageDataSourceOptions));
    }

    [Theory]
    [InlineData("white", 255, 255, 255)]
    [InlineData(" BLACK ", 0, 0, 0)]
    [InlineData("#FF8000", 255, 128, 0)]
    [InlineData("#0a0b0c", 10, 11, 12)]
    public void Colours_parse_from_names_and_hex(string text, byte r, byte g, byte b)
    {
        RgbColor color = RgbColor.Parse(text);
        color.Should().Be(new RgbColor(r, g, b));
        RgbColor.Parse(color.ToString()).Should().Be(color);
    }

    [Theory]
    [InlineData("")]
    [InlineData("grey")]
    [InlineData("#12345")]
    [InlineData("#GG0000")]
    [InlineData("FF0000")]
    public void A_bad_colour_is_refused_naming_the_text(string text)
    {
        RgbColor.TryParse(text, out _).Should().BeFalse();
        FluentActions.Invoking(() => RgbColor.Parse(text)).Should().Throw<FormatException>().WithMessage($"Colour '{text}' is not valid*#RRGGBB*");
    }

    [Fact]
    public void A_bad_colour_in_configuration_fails_binding_naming_the_key()
    {
        IConfiguration configuration = Configuration(("Background", "grey"));

        FluentActions.Invoking(() => configuration.GetSection("Data").Get<ImageDataSourceOptions>())
            .Should().Throw<InvalidOperationException>().WithMessage("*Data:Background*");
    }

    // An in-memory configuration with the given keys under the "Data" section.
    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>("Data:" + v.Key, v.Value)))
            .Build();
}
