using Dcgan.Features;
using Dcgan.Data;
using Dcgan.Evaluation;
using Dcgan.Models;
using Microsoft.Extensions.Options;

namespace Dcgan.Evaluation.Tests;

public sealed class EvaluationClassifierTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dcgan-eval-tests-" + Guid.NewGuid().ToString("N"));

    private static readonly ClassifierTrainingOptions Tiny = new() { Epochs = 1, BatchSize = 16 };

    [Fact]
    public void State_dict_keys_are_the_weights_file_format()
    {
        using var network = new ClassifierNetwork(10);
        network.state_dict().Keys.Should().BeEquivalentTo([
            "features.0.weight", "features.0.bias",
            "features.1.weight", "features.1.bias", "features.1.running_mean", "features.1.running_var", "features.1.num_batches_tracked",
            "features.4.weight", "features.4.bias",
            "features.5.weight", "features.5.bias", "features.5.running_mean", "features.5.running_var", "features.5.num_batches_tracked",
            "features.9.weight", "features.9.bias",
            "head.weight", "head.bias"]);
        network.parameters().Sum(p => p.numel()).Should().Be(421_834);
    }

    [Fact]
    public void Training_is_deterministic_on_cpu_and_save_load_round_trips()
    {
        var data = new StripeImages(48);
        using EvaluationClassifier first = EvaluationClassifier.Train(data, data.Labels, Tiny, seed: 5);
        using EvaluationClassifier second = EvaluationClassifier.Train(data, data.Labels, Tiny, seed: 5);
        string a = first.Save(Path.Combine(_folder, "a.bin"));
        string b = second.Save(Path.Combine(_folder, "b.bin"));
        a.Should().Be(b).And.HaveLength(64);
        Directory.GetFiles(_folder).Select(Path.GetFileName).Should().BeEquivalentTo(["a.bin", "b.bin"]);

        ImageBatch images = data.ReadImages([0, 1, 2, 3, 4]);
        using EvaluationClassifier loaded = EvaluationClassifier.Load(Path.Combine(_folder, "a.bin"), expectedSha256: a.ToLowerInvariant());
        loaded.Sha256.Should().Be(a);
        FeatureMatrix features = first.Features(images);
        features.Rows.Should().Be(5);
        features.Columns.Should().Be(EvaluationClassifier.FeatureDimension);
        loaded.Features(images).Values.Should().Equal(features.Values);
        loaded.Predict(images).Should().Equal(first.Predict(images));
    }

    [Fact]
    public void Probabilities_are_a_distribution_and_wrong_shapes_are_rejected()
    {
        var data = new StripeImages(16);
        using EvaluationClassifier classifier = EvaluationClassifier.Train(data, data.Labels, Tiny, seed: 1);
        FeatureMatrix p = classifier.Probabilities(data.ReadAll());
        Enumerable.Range(0, p.Rows).Select(i => p.Row(i).ToArray().Sum()).Should().AllSatisfy(s => s.Should().BeApproximately(1f, 1e-5f));
        var wrong = new ImageBatch(1, new ImageShape(1, 32, 32), new float[1024]);
        FluentActions.Invoking(() => classifier.Features(wrong)).Should().Throw<ArgumentException>().WithMessage("*28*");

        // FitInput brings other sizes to 28x28 (e.g. a 32x32 generator's samples) but refuses other channel counts.
        classifier.FitInput(wrong).Shape.Should().Be(EvaluationClassifier.InputShape);
        ImageBatch native = data.ReadImages([0]);
        classifier.FitInput(native).Should().BeSameAs(native);
        FluentActions.Invoking(() => classifier.FitInput(new ImageBatch(1, new ImageShape(3, 28, 28), new float[3 * 784])))
            .Should().Throw<ArgumentException>().WithMessage("*3 channels*");
        ClassDecision decision = classifier.Decide(native).Single();
        decision.Label.Should().Be(classifier.Predict(native).Single());
        decision.Confidence.Should().Be(classifier.Probabilities(native).Row(0).ToArray().Max());
    }

    [Fact]
    public void The_class_count_comes_from_the_labels_when_training_and_from_the_file_when_loading()
    {
        var data = new StripeImages(30);
        int[] threeClasses = data.Labels.Select(l => l % 3).ToArray();
        using EvaluationClassifier trained = EvaluationClassifier.Train(data, threeClasses, Tiny, seed: 2);
        trained.ClassCount.Should().Be(3);
        string path = Path.Combine(_folder, "three.bin");
        trained.Save(path);

        using EvaluationClassifier loaded = EvaluationClassifier.Load(path);
        loaded.ClassCount.Should().Be(3);
        ImageBatch images = data.ReadImages([0, 1, 2, 3]);
        loaded.Probabilities(images).Columns.Should().Be(3);
        loaded.Probabilities(images).Values.Should().Equal(trained.Probabilities(images).Values);
        ClassCoverage.FromPredictions(loaded.Predict(images), loaded.ClassCount).Counts.Should().HaveCount(3);
    }

    [Fact]
    public void Labels_that_name_no_classes_and_files_that_are_not_weights_are_refused_clearly()
    {
        var data = new StripeImages(4);
        FluentActions.Invoking(() => EvaluationClassifier.Train(data, [0, 0, 0, 0], Tiny)).Should().Throw<ArgumentException>().WithMessage("*1 class*at least 2*");
        FluentActions.Invoking(() => EvaluationClassifier.Train(data, [0, 1, -2, 1], Tiny)).Should().Throw<ArgumentException>().WithMessage("*index 2 is -2*");
        FluentActions.Invoking(() => EvaluationClassifier.Train(data, [0, 1], Tiny)).Should().Throw<ArgumentException>().WithMessage("*4 images but 2 labels*");

        Directory.CreateDirectory(_folder);
        string path = Path.Combine(_folder, "not-weights.bin");
        File.WriteAllBytes(path, [3, 1, 2]);
        FluentActions.Invoking(() => EvaluationClassifier.Load(path)).Should().Throw<Dcgan.Persistence.CheckpointException>().WithMessage($"*{path}*");
    }

    [Fact]
    public void A_file_with_another_hash_is_refused()
    {
        var data = new StripeImages(16);
        using EvaluationClassifier classifier = EvaluationClassifier.Train(data, data.Labels, Tiny, seed: 1);
        string path = Path.Combine(_folder, "c.bin");
        classifier.Save(path);
        FluentActions.Invoking(() => EvaluationClassifier.Load(path, expectedSha256: new string('0', 64)))
            .Should().Throw<Dcgan.Persistence.CheckpointException>().WithMessage("*SHA-256*");
    }

    [Fact]
    public void Reference_statistics_run_end_to_end_on_a_tiny_set()
    {
        var data = new StripeImages(40);
        using EvaluationClassifier classifier = EvaluationClassifier.Train(data, data.Labels, Tiny, seed: 1);
        ReferenceStatisticsResult r = ReferenceStatistics.Compute(classifier, data, data, data.Labels, new ReferenceStatisticsOptions { TrainSampleCount = 40 });
        r.TestCount.Should().Be(40);
        r.TrainVersusTest.Count.Should().Be(40);
        r.TrainVersusTest.FrechetDistance.Should().BeApproximately(0.0, 1e-3); // the same 40 images, shuffled
        r.TrainVersusTest.PrecisionRecall.Precision.Should().Be(1.0);
        r.BlurredTestDistance.Should().BeGreaterThan(0.0);
        r.NoisyTestDistance.Should().BeGreaterThan(0.0);
        r.TestCoverage.Counts.Sum().Should().Be(40);
        r.TestAccuracy.Should().BeInRange(0.0, 1.0);
    }

    [Fact]
    public void Invalid_options_name_the_value() =>
        FluentActions.Invoking(() => EvaluationClassifier.Train(new StripeImages(4), new StripeImages(4).Labels, new ClassifierTrainingOptions { Epochs = 0, Device = "tpu" }))
            .Should().Throw<OptionsValidationException>().WithMessage("*Epochs = 0*").WithMessage("*Device = \"tpu\"*cuda:N*");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
