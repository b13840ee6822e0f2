using Dcgan.Training;
using Microsoft.Extensions.Options;

namespace Dcgan.Core.Tests.Training;

public class GanTrainerOptionsTests
{
    [Fact]
    public void The_defaults_are_the_papers_stability_settings_and_valid()
    {
        var options = new GanTrainerOptions();

        options.GeneratorLearningRate.Should().Be(2e-4);
        options.DiscriminatorLearningRate.Should().Be(2e-4);
        options.Beta1.Should().Be(0.5);
        options.Beta2.Should().Be(0.999);
        options.BatchSize.Should().Be(128);
        new GanTrainerOptionsValidator().Validate(null, options).Succeeded.Should().BeTrue();
    }

    [Theory]
    [InlineData(nameof(GanTrainerOptions.BatchSize), 0, "BatchSize = 0*")]
    [InlineData(nameof(GanTrainerOptions.Epochs), -3, "Epochs = -3*")]
    [InlineData(nameof(GanTrainerOptions.GeneratorLearningRate), -0.1, "GeneratorLearningRate = -0.1*")]
    [InlineData(nameof(GanTrainerOptions.Beta1), 1.5, "Beta1 = 1.5*")]
    public void An_out_of_range_option_is_named_with_its_value(string property, double value, string expected)
    {
        var options = new GanTrainerOptions();
        var info = typeof(GanTrainerOptions).GetProperty(property)!;
        info.SetValue(options, Convert.ChangeType(value, info.PropertyType, System.Globalization.CultureInfo.InvariantCulture));

        Action validate = () => new GanTrainerOptionsValidator().ThrowIfInvalid(options);

        validate.Should().Throw<OptionsValidationException>().Which.Failures.Should().Contain(f => Matches(f, expected));
    }

    [Fact]
    public void Beta2_not_above_Beta1_is_a_cross_field_failure_that_prints_both()
    {
        var options = new GanTrainerOptions { Beta1 = 0.9, Beta2 = 0.8 };

        ValidateOptionsResult result = new GanTrainerOptionsValidator().Validate(null, options);

        result.Failures.Should().ContainSingle().Which.Should().Contain("Beta2 = 0.8").And.Contain("Beta1 = 0.9");
    }

    [Fact]
    public void Every_failure_is_reported_at_once()
    {
        var options = new GanTrainerOptions { BatchSize = 0, Epochs = 0, Device = " " };

        ValidateOptionsResult result = new GanTrainerOptionsValidator().Validate(null, options);

        result.Failures.Should().HaveCountGreaterThanOrEqualTo(3);
    }

    [Fact]
    public void A_batch_larger_than_the_data_set_is_refused_with_both_numbers()
    {
        Action check = () => GanTrainerOptionsValidator.ThrowIfBatchDoesNotFit(new GanTrainerOptions { BatchSize = 128 }, 100, "'tiny.idx'");

        check.Should().Throw<ArgumentException>().WithMessage("BatchSize = 128 is larger than the data set 'tiny.idx' (100 images)*");
    }

    private static bool Matches(string text, string pattern) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("\\*", ".*") + "$",
            System.Text.RegularExpressions.RegexOptions.Singleline);

    [Fact]
    public void The_message_quoted_in_the_README_is_the_real_one()
    {
        var options = new GanTrainerOptions { BatchSize = 0, Beta2 = 0.4 };

        Action validate = () => new GanTrainerOptionsValidator().ThrowIfInvalid(options);

        validate.Should().Throw<OptionsValidationException>().Which.Message.Should().StartWith(
            "BatchSize = 0: The field BatchSize must be between 1 and 65536.; Beta2 = 0.4 must be greater than Beta1 = 0.5 ");
    }
}
