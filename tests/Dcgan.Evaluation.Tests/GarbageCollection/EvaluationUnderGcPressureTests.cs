// Issue 19: the evaluation classifier's training (Adam), the linear probes (L-BFGS and dual coordinate descent on
// tensors) and the semantic hash's training (Adam) under continuous garbage collection give bitwise the results they
// give without it. On main at 96e2818 the classifier failed in 2 of 5 runs and the semantic hash in 1 of 5 (libtorch
// "Expected false to be true" in Adam's step); the probes never failed there (short L-BFGS calls on small tensors).
using Dcgan.Core.Tests.GarbageCollection;
using Dcgan.Data;
using Dcgan.Data.Tests.Deduplication;
using Dcgan.Deduplication;
using Dcgan.Evaluation.Tests.Deduplication;
using Dcgan.Evaluation.Tests.Features;
using Dcgan.Features;
using TorchSharp;

namespace Dcgan.Evaluation.Tests.GarbageCollection;

[Collection(GcPressureCollection.Name)]
public class EvaluationUnderGcPressureTests
{
    /// <summary>Probe runs (seeds) per linear-probe test: one is too short to be hit reliably.</summary>
    private const int Repeats = 6;

    [Fact]
    public void The_evaluation_classifier_trained_under_gc_pressure_equals_the_one_trained_without_it()
    {
        var data = new StripeImages(128);
        ImageBatch probe = data.ReadImages([0, 1, 2, 3, 4, 5, 6, 7]);
        var options = new ClassifierTrainingOptions { Epochs = 6, BatchSize = 16 };

        var (quiet, pressured, collections) = GcPressure.QuietThenPressured(() =>
        {
            long liveBefore = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
            using EvaluationClassifier classifier = EvaluationClassifier.Train(data, data.Labels, options, seed: 5);
            string file = Path.Combine(Path.GetTempPath(), "dcgan-gc-classifier-" + Guid.NewGuid().ToString("N") + ".bin");
            string sha256 = classifier.Save(file);
            File.Delete(file);
            uint[] features = Bits(classifier.Features(probe).Values);
            return (Sha256: sha256, Features: features, LiveTensors: DisposeScopeManager.Statistics.ThreadTotalLiveCount - liveBefore);
        });

        collections.Should().BeGreaterThanOrEqualTo(GcPressure.MeaningfulCollections, "the pressure thread collected throughout the pressured run");
        pressured.Sha256.Should().Be(quiet.Sha256, "the weights file is the same byte for byte");
        pressured.Features.Should().Equal(quiet.Features);
        pressured.LiveTensors.Should().Be(quiet.LiveTensors);
    }

    [Theory]
    [InlineData(ProbeClassifier.LogisticRegression)]
    [InlineData(ProbeClassifier.LinearSvm)]
    public void Linear_probes_under_gc_pressure_equal_those_without_it(ProbeClassifier kind)
    {
        (FeatureMatrix train, int[] trainY) = FeatureFixtures.Blobs(classes: 4, perClass: 60, dims: 16, separation: 1, seed: 11);
        (FeatureMatrix test, int[] testY) = FeatureFixtures.Blobs(classes: 4, perClass: 60, dims: 16, separation: 1, seed: 12);

        var (quiet, pressured, collections) = GcPressure.QuietThenPressured(() =>
        {
            var results = new List<ProbeResult>();
            var weights = new List<float>();
            var objectives = new List<ulong>();
            for (int seed = 0; seed < Repeats; seed++)
            {
                results.Add(LinearProbe.Run(train, trainY, test, testY, classCount: 4, new LinearProbeOptions { Classifier = kind, CGrid = [0.01, 0.1, 1, 10], Seed = seed }));
                var fitOptions = new LinearClassifierOptions { C = 0.1, Seed = seed };
                LinearClassifier fitted = kind == ProbeClassifier.LogisticRegression ? new LogisticRegressionClassifier(fitOptions) : new LinearSvm(fitOptions);
                fitted.Fit(train, trainY, 4);
                weights.AddRange([.. fitted.Weights, .. fitted.Bias]);
                objectives.Add(BitConverter.DoubleToUInt64Bits(fitted.FinalObjective));
            }

            return (Results: results, Weights: Bits(weights), Objectives: objectives);
        });

        collections.Should().BeGreaterThanOrEqualTo(GcPressure.MeaningfulCollections, "the pressure thread collected throughout the pressured run");
        pressured.Results.Should().BeEquivalentTo(quiet.Results, o => o.WithStrictOrdering().Excluding(r => r.Elapsed)); // member by member: wall-clock time aside
        pressured.Weights.Should().Equal(quiet.Weights);
        pressured.Objectives.Should().Equal(quiet.Objectives);
    }

    [Fact]
    public void The_semantic_hash_trained_under_gc_pressure_equals_the_one_trained_without_it()
    {
        MemoryImageSource images = PlantedDuplicates.FashionTestImages(200);
        SemanticHashOptions options = SemanticHashModelTests.Tiny();
        options.Epochs = 12; // about 70 steps: the 4 epochs of the other tests are too few to be hit reliably

        var (quiet, pressured, collections) = GcPressure.QuietThenPressured(() =>
        {
            using SemanticHashModel model = SemanticHashModel.Train(images, options);
            return (Weights: Bits(model.ParameterValues()), Losses: model.EpochLosses.Select(BitConverter.DoubleToUInt64Bits).ToArray(), Codes: model.Encode(images));
        });

        collections.Should().BeGreaterThanOrEqualTo(GcPressure.MeaningfulCollections, "the pressure thread collected throughout the pressured run");
        pressured.Weights.Should().Equal(quiet.Weights);
        pressured.Losses.Should().Equal(quiet.Losses);
        pressured.Codes.Should().Equal(quiet.Codes);
    }

    private static uint[] Bits(IEnumerable<float> values) => values.Select(BitConverter.SingleToUInt32Bits).ToArray();
}
