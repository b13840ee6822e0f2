// The research package's options validators: DataAnnotations are the single source of limits, every failure is
// listed at once with option name and value, device names are checked, and the few rules DataAnnotations cannot
// express (entries of a list) are the validators' own.
using Dcgan.Configuration;
using Dcgan.Evaluation.Tests.Features;
using Dcgan.Features;
using Dcgan.Forgetting;
using Dcgan.Interventions;
using Dcgan.Latent;
using Dcgan.Models;
using Microsoft.Extensions.Options;

namespace Dcgan.Evaluation.Tests;

public class OptionsValidatorTests
{
    public static TheoryData<string> AllOptions => new()
    {
        nameof(ClassifierTrainingOptions), nameof(LatentWalkOptions), nameof(ArithmeticStabilityOptions), nameof(ReferenceStatisticsOptions),
        nameof(MemorizationOptions), nameof(ConceptProbeOptions), nameof(FeatureExtractionOptions), nameof(LinearProbeOptions),
        nameof(SupervisedCnnOptions), nameof(LinearClassifierOptions),
    };

    [Theory]
    [MemberData(nameof(AllOptions))]
    public void The_defaults_are_valid_and_the_validator_is_an_IValidateOptions(string name)
    {
        (object options, IReadOnlyList<string> failures, ValidateOptionsResult result) = name switch
        {
            nameof(ClassifierTrainingOptions) => Check(new ClassifierTrainingOptionsValidator(), new ClassifierTrainingOptions()),
            nameof(LatentWalkOptions) => Check(new LatentWalkOptionsValidator(), new LatentWalkOptions()),
            nameof(ArithmeticStabilityOptions) => Check(new ArithmeticStabilityOptionsValidator(), new ArithmeticStabilityOptions()),
            nameof(ReferenceStatisticsOptions) => Check(new ReferenceStatisticsOptionsValidator(), new ReferenceStatisticsOptions()),
            nameof(MemorizationOptions) => Check(new MemorizationOptionsValidator(), new MemorizationOptions()),
            nameof(ConceptProbeOptions) => Check(new ConceptProbeOptionsValidator(), new ConceptProbeOptions()),
            nameof(FeatureExtractionOptions) => Check(new FeatureExtractionOptionsValidator(), new FeatureExtractionOptions()),
            nameof(LinearProbeOptions) => Check(new LinearProbeOptionsValidator(), new LinearProbeOptions()),
            nameof(SupervisedCnnOptions) => Check(new SupervisedCnnOptionsValidator(), new SupervisedCnnOptions()),
            _ => Check(new LinearClassifierOptionsValidator(), new LinearClassifierOptions()),
        };
        options.GetType().Name.Should().Be(name);
        failures.Should().BeEmpty();
        result.Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Every_failure_is_listed_at_once_with_option_and_value()
    {
        var options = new SupervisedCnnOptions { Epochs = 0, BatchSize = -3, LearningRate = 0, Beta1 = 1.0, Beta2 = double.NaN, Device = "gpu" };
        var validator = new SupervisedCnnOptionsValidator();
        validator.Failures(options).Should().HaveCount(6).And.SatisfyRespectively(
            f => f.Should().StartWith("Epochs = 0:"),
            f => f.Should().StartWith("BatchSize = -3:"),
            f => f.Should().StartWith("LearningRate = 0:"),
            f => f.Should().StartWith("Beta1 = 1:"),
            f => f.Should().StartWith("Beta2 = NaN:"),
            f => f.Should().StartWith("Device = \"gpu\":").And.Contain("\"cuda:N\""));
        validator.Validate(null, options).Failed.Should().BeTrue();
        FluentActions.Invoking(() => validator.ThrowIfInvalid(options)).Should().Throw<OptionsValidationException>()
            .Which.Failures.Should().HaveCount(6);
    }

    // The one device validator (DeviceSelection.Check through [AvailableDevice]): the spelling, blanks around it
    // ignored as everywhere, and presence: on this CPU-only machine every CUDA name is refused at validation.
    [Theory]
    [InlineData("auto", true)]
    [InlineData("cpu", true)]
    [InlineData("CPU", true)]
    [InlineData(" cpu", true)]
    [InlineData("cuda", false)]
    [InlineData("cuda:1", false)]
    [InlineData("Cuda:12", false)]
    [InlineData("gpu", false)]
    [InlineData("cuda:", false)]
    [InlineData("cuda:x", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Device_names_are_auto_cpu_cuda_or_cuda_N_and_must_be_present(string? device, bool valid)
    {
        new LinearClassifierOptionsValidator().Failures(new LinearClassifierOptions { Device = device! }).Should().HaveCount(valid ? 0 : 1);
        new LinearProbeOptionsValidator().Failures(new LinearProbeOptions { Device = device! }).Should().HaveCount(valid ? 0 : 1);
        new ClassifierTrainingOptionsValidator().Failures(new ClassifierTrainingOptions { Device = device! }).Should().HaveCount(valid ? 0 : 1);
        new SupervisedCnnOptionsValidator().Failures(new SupervisedCnnOptions { Device = device! }).Should().HaveCount(valid ? 0 : 1);

        // Feature extraction: null means "the model's device" and is valid; anything else must be a device name.
        new FeatureExtractionOptionsValidator().Failures(new FeatureExtractionOptions { Device = device })
            .Should().HaveCount(valid || device is null || device.Length == 0 ? 0 : 1);
    }

    [Fact]
    public void Positive_means_positive_and_finite_and_open_intervals_exclude_their_ends()
    {
        var linear = new LinearClassifierOptionsValidator();
        linear.Failures(new LinearClassifierOptions { C = 1e-300 }).Should().BeEmpty();
        foreach (double bad in new[] { 0.0, -1.0, double.NaN, double.PositiveInfinity })
        {
            linear.Failures(new LinearClassifierOptions { C = bad, Tolerance = bad, DualTolerance = bad }).Should().HaveCount(3, $"{bad} is not positive and finite");
        }

        var probe = new LinearProbeOptionsValidator();
        probe.Failures(new LinearProbeOptions { ValidationFraction = 0.5 }).Should().BeEmpty();
        probe.Failures(new LinearProbeOptions { ValidationFraction = 0 }).Should().ContainSingle().Which.Should().StartWith("ValidationFraction = 0:");
        probe.Failures(new LinearProbeOptions { ValidationFraction = 1 }).Should().ContainSingle().Which.Should().StartWith("ValidationFraction = 1:");

        var arithmetic = new ArithmeticStabilityOptionsValidator();
        arithmetic.Failures(new ArithmeticStabilityOptions { ConfidenceThreshold = 1 }).Should().BeEmpty();
        arithmetic.Failures(new ArithmeticStabilityOptions { ConfidenceThreshold = 0, NeighbourRadius = float.PositiveInfinity, PoolSize = 1 })
            .Should().HaveCount(3);

        new LatentWalkOptionsValidator().Failures(new LatentWalkOptions { JumpThreshold = 0.99, Pairs = 1 }).Should().HaveCount(2);
        new ConceptProbeOptionsValidator().Failures(new ConceptProbeOptions { L2 = 0, TopK = 0, NegativesPerPositive = 0, BatchNorm = (BatchNormMode)9 })
            .Should().HaveCount(4).And.Contain(f => f.StartsWith("BatchNorm = 9:", StringComparison.Ordinal));
        new ConceptProbeOptionsValidator().Failures(new ConceptProbeOptions { TopK = null }).Should().BeEmpty("null means every positive map");
        new MemorizationOptionsValidator().Failures(new MemorizationOptions { Percentile = 101, ClosestPairCount = -1 }).Should().HaveCount(2);
        new ReferenceStatisticsOptionsValidator().Failures(new ReferenceStatisticsOptions { TrainSampleCount = 3, BlurSigma = 0 }).Should().HaveCount(2);
        new ClassifierTrainingOptionsValidator().Failures(new ClassifierTrainingOptions { Dropout = 0.96, BatchSize = 0 }).Should().HaveCount(2);
        new FeatureExtractionOptionsValidator().Failures(new FeatureExtractionOptions { PooledGridSize = 0, BatchSize = 0 }).Should().HaveCount(2);
        new LinearClassifierOptionsValidator().Failures(new LinearClassifierOptions { SvmSolver = (SvmSolver)7, HistorySize = 0, MaxIterations = 0 })
            .Should().HaveCount(3);
    }

    [Fact]
    public void List_entries_are_checked_one_by_one_and_printed_as_lists()
    {
        new LinearProbeOptionsValidator().Failures(new LinearProbeOptions { CGrid = [1, 0, double.PositiveInfinity, 0.1] }).Should().Equal(
            "CGrid[1] = 0: every C must be a positive finite number.",
            "CGrid[2] = Infinity: every C must be a positive finite number.");
        new LinearProbeOptionsValidator().Failures(new LinearProbeOptions { CGrid = [] })
            .Should().ContainSingle().Which.Should().StartWith("CGrid = []:");
        new LinearProbeOptionsValidator().Failures(new LinearProbeOptions { CGrid = null! })
            .Should().ContainSingle().Which.Should().StartWith("CGrid = null:");

        new ArithmeticStabilityOptionsValidator().Failures(new ArithmeticStabilityOptions { ExemplarCounts = new List<int> { 0, 2, 0 } }).Should().Equal(
            "ExemplarCounts = [0, 2, 0]: 0 is below 1; a concept needs at least 1 exemplar.",
            "ExemplarCounts = [0, 2, 0] repeats a count.");
        new ArithmeticStabilityOptionsValidator().Failures(new ArithmeticStabilityOptions { ExemplarCounts = [] })
            .Should().ContainSingle().Which.Should().StartWith("ExemplarCounts = []:");
    }

    [Fact]
    public void The_code_that_takes_options_refuses_invalid_ones_before_any_work()
    {
        (FeatureMatrix x, int[] y) = FeatureFixtures.Blobs(2, 10, 3, 2, seed: 1);
        FluentActions.Invoking(() => LinearProbe.Run(x, y, x, y, 2, new LinearProbeOptions { CGrid = [0.1, -1], MaxIterations = 0 }))
            .Should().Throw<OptionsValidationException>().WithMessage("*CGrid[1] = -1*").WithMessage("*MaxIterations = 0*");
        FluentActions.Invoking(() => Memorization.Analyze(x, x, x, new MemorizationOptions { Percentile = -1 }))
            .Should().Throw<OptionsValidationException>().WithMessage("*Percentile = -1*");

        var layer = new GeneratorLayer("block0", 0, 2, 4, 16);
        FluentActions.Invoking(() => ConceptMapSelector.Fit(layer, new LayerActivations(1, 2, 4, new float[32]), [new ConceptBox(0, 0, 0, 4, 4)], new ConceptProbeOptions { L2 = -1 }))
            .Should().Throw<OptionsValidationException>().WithMessage("*L2 = -1*");

        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(FeatureFixtures.TinyOptions(), seed: 2);
        using (g)
        using (d)
        {
            ArrayImageSource images = FeatureFixtures.RandomImages(4, d.ImageShape, seed: 3);
            FluentActions.Invoking(() => new DiscriminatorFeatureExtractor(d, images, new FeatureExtractionOptions { PooledGridSize = 0, Device = "tpu" }))
                .Should().Throw<OptionsValidationException>().WithMessage("*PooledGridSize = 0*").WithMessage("*Device = \"tpu\"*");
            new DiscriminatorFeatureExtractor(d, images, new FeatureExtractionOptions { Device = "cpu" }).Extract(images).Rows.Should().Be(4);
        }
    }

    private static (object, IReadOnlyList<string>, ValidateOptionsResult) Check<T>(DcganOptionsValidator<T> validator, T options)
        where T : class => (options, validator.Failures(options), validator.Validate(null, options));
}
