// The probe's list options read names, comma-separated or repeated: "Trained,Pixels" is two feature sets, not the
// bitwise OR that Enum.Parse would make of it (which silently probed Pixels only).
using System.CommandLine;
using Dcgan.Experiments;
using Dcgan.Features;

namespace Dcgan.Cli.Tests;

public sealed class ProbeOptionsTests
{
    [Theory]
    [InlineData("--features Trained,Pixels")]
    [InlineData("--features trained --features pixels")]
    [InlineData("--features Trained Pixels")]
    public void Feature_sets_are_read_one_per_name(string args)
    {
        ParseResult parse = Probe(args.Split(' '));

        parse.Errors.Should().BeEmpty();
        parse.GetValue<ProbeCommand.ProbeFeatures[]>("--features").Should().Equal(ProbeCommand.ProbeFeatures.Trained, ProbeCommand.ProbeFeatures.Pixels);
    }

    [Fact]
    public void Both_classifiers_can_be_given_comma_separated()
    {
        Probe("--classifier", "LinearSvm,LogisticRegression").GetValue<ProbeClassifier[]>("--classifier")
            .Should().Equal(ProbeClassifier.LinearSvm, ProbeClassifier.LogisticRegression);
    }

    [Fact]
    public void Without_the_options_the_defaults_hold()
    {
        ParseResult parse = Probe();

        parse.GetValue<ProbeCommand.ProbeFeatures[]>("--features").Should().HaveCount(3);
        parse.GetValue<ProbeClassifier[]>("--classifier").Should().Equal(ProbeClassifier.LinearSvm);
    }

    [Theory]
    [InlineData("--features", "Trained,Bogus", "--features: 'Bogus' is not one of Trained, Random, Pixels.")]
    [InlineData("--features", "2", "--features: '2' is not one of Trained, Random, Pixels.")]
    [InlineData("--classifier", "Svm", "--classifier: 'Svm' is not one of LinearSvm, LogisticRegression.")]
    public void Unknown_names_and_numbers_are_refused_with_the_names(string option, string value, string message)
    {
        Probe(option, value).Errors.Select(e => e.Message).Should().Contain(message);
    }

    private static ParseResult Probe(params string[] args) => ExperimentCommands.Create().Parse(["probe", "--checkpoint", "run", .. args]);
}
