// Cancellation of every long operation of the research package: a token cancelled from the operation's own progress
// report stops it at the next step boundary with OperationCanceledException (no later report arrives), a token
// cancelled beforehand stops it before any report, and neither leaves a live tensor.
using Dcgan.Core.Tests.Forgetting;
using Dcgan.Core.Tests.Models;
using Dcgan.Data;
using Dcgan.Data.Tests.Deduplication;
using Dcgan.Deduplication;
using Dcgan.Evaluation.Tests.Deduplication;
using Dcgan.Evaluation.Tests.Features;
using Dcgan.Features;
using Dcgan.Forgetting;
using Dcgan.Generation;
using Dcgan.Interventions;
using Dcgan.Models;

namespace Dcgan.Evaluation.Tests.Cancellation;

public class CancellationTests
{
    private static readonly ImageShape Pixel = new(1, 1, 1);

    [Fact]
    public void Evaluation_classifier_training_stops_after_the_epoch_that_cancelled()
    {
        var data = new StripeImages(48);
        var options = new ClassifierTrainingOptions { Epochs = 3, BatchSize = 16 };
        using var progress = new CancelAfter<ClassifierEpoch>(1);

        Cancelled.Throws(
            () => EvaluationClassifier.Train(data, data.Labels, options, seed: 1, progress, progress.Token),
            uncancelled: () => EvaluationClassifier.Train(data, data.Labels, options, seed: 1).Dispose());

        progress.Reports.Select(r => r.Epoch).Should().Equal([1], "the second epoch's first batch sees the cancellation");
        Cancelled.Throws(
            () => EvaluationClassifier.Train(data, data.Labels, options, seed: 1, cancellationToken: Cancelled.Token),
            uncancelled: () => EvaluationClassifier.Train(data, data.Labels, options, seed: 1).Dispose());
    }

    [Fact]
    public void Semantic_hash_training_and_semantic_deduplication_stop_after_the_epoch_that_cancelled()
    {
        MemoryImageSource images = PlantedDuplicates.FashionTestImages(100);
        using var training = new CancelAfter<SemanticHashEpoch>(1);
        Cancelled.Throws(() => SemanticHashModel.Train(images, SemanticHashModelTests.Tiny(), training, training.Token).Dispose());
        training.Reports.Select(r => r.Epoch).Should().Equal([1]);

        using var finding = new CancelAfter<SemanticHashEpoch>(2);
        var semantic = new DeduplicationOptions { Method = DeduplicationMethod.Semantic, Semantic = SemanticHashModelTests.Tiny() };
        Cancelled.Throws(() => Deduplicator.Find(images, semantic, finding, finding.Token));
        finding.Reports.Select(r => r.Epoch).Should().Equal([1, 2]);

        Cancelled.Throws(() => Deduplicator.Find(images, new DeduplicationOptions { Method = DeduplicationMethod.Exact }, cancellationToken: Cancelled.Token));
        using SemanticHashModel model = SemanticHashModel.Train(images, SemanticHashModelTests.Tiny());
        Cancelled.Throws(() => model.Encode(images, Cancelled.Token));
    }

    [Fact]
    public void Supervised_cnn_stops_after_the_epoch_that_cancelled()
    {
        DcganModelOptions architecture = FeatureFixtures.TinyOptions(size: 16);
        ImageBatch images = FeatureFixtures.RandomImages(64, new ImageShape(1, 16, 16), seed: 1).ReadAll();
        int[] labels = Enumerable.Range(0, 64).Select(i => i % 2).ToArray();
        var options = new SupervisedCnnOptions { Epochs = 4, BatchSize = 16, EvaluationInterval = 1, EvaluationBatchSize = 32 };
        using var progress = new CancelAfter<SupervisedCnnEpoch>(2);

        Cancelled.Throws(
            () => SupervisedCnn.Run(architecture, 2, images, labels, images, labels, images, labels, options, progress, progress.Token),
            uncancelled: () => SupervisedCnn.Run(architecture, 2, images, labels, images, labels, images, labels, options));

        progress.Reports.Select(r => r.Epoch).Should().Equal([1, 2]);
        Cancelled.Throws(
            () => SupervisedCnn.Train(architecture, 2, images, labels, images, labels, options, cancellationToken: Cancelled.Token).Network.Dispose(),
            uncancelled: () => SupervisedCnn.Train(architecture, 2, images, labels, images, labels, options).Network.Dispose());
    }

    [Theory]
    [InlineData(ProbeClassifier.LogisticRegression)]
    [InlineData(ProbeClassifier.LinearSvm)]
    public void Linear_probe_stops_after_the_fit_that_cancelled_and_a_cancelled_fit_leaves_the_classifier_unfitted(ProbeClassifier kind)
    {
        (FeatureMatrix train, int[] trainY) = FeatureFixtures.Blobs(classes: 3, perClass: 30, dims: 8, separation: 1, seed: 1);
        var options = new LinearProbeOptions { Classifier = kind, CGrid = [0.01, 0.1, 1, 10] };
        using var progress = new CancelAfter<EvaluationProgress>(2);

        Cancelled.Throws(() => LinearProbe.Run(train, trainY, train, trainY, 3, options, progress, progress.Token));

        progress.Reports.Select(r => (r.Stage, r.Completed, r.Total)).Should().Equal(
            [("fit", 1, 5), ("fit", 2, 5)], "4 values of C and the refit on train + validation make 5 fits");
        LinearClassifier classifier = kind == ProbeClassifier.LinearSvm ? new LinearSvm() : new LogisticRegressionClassifier();
        Cancelled.Throws(() => classifier.Fit(train, trainY, 3, Cancelled.Token));
        classifier.IsFitted.Should().BeFalse();
    }

    [Fact]
    public void Arithmetic_stability_stops_after_the_batch_that_cancelled()
    {
        using var generator = new IdentityGenerator(1, LatentDistribution.Uniform);
        FunctionClassifier classifier = FunctionClassifier.Sign(Pixel, 2, z => z >= 0.5f ? 0.95f : 0.6f);
        var options = new ArithmeticStabilityOptions { PoolSize = 100, Trials = 6, Neighbours = 2, BatchSize = 10 };
        using var progress = new CancelAfter<EvaluationProgress>(3);

        Cancelled.Throws(() => ArithmeticStability.Compute(generator, classifier, options, progress, progress.Token));

        progress.Reports.Select(r => (r.Stage, r.Completed, r.Total)).Should().Equal(
            ("classify pool", 1, 10), ("classify pool", 2, 10), ("classify pool", 3, 10));
    }

    [Fact]
    public void Latent_walks_stop_after_the_batch_that_cancelled()
    {
        using var generator = new IdentityGenerator(4, LatentDistribution.Normal);
        var classifier = new FunctionClassifier(new ImageShape(1, 1, 4), 2, x => x[0] < 0 ? [0.9f, 0.1f] : [0.1f, 0.9f]);
        GaussianStatistics reference = GaussianStatistics.FromFeatures(TestData.Gaussian(50, new double[4], [1, 1, 1, 1], seed: 3));
        var options = new LatentWalkOptions { Pairs = 12, Steps = 2, PairsPerBatch = 4 };
        using var progress = new CancelAfter<EvaluationProgress>(4);

        Cancelled.Throws(() => LatentWalkStatistics.Compute(generator, classifier, reference, options, progress, progress.Token));

        progress.Reports.Select(r => (r.Stage, r.Completed)).Should().Equal(
            ("linear walks", 1), ("linear walks", 2), ("linear walks", 3), ("spherical walks", 1));
    }

    [Fact]
    public void Feature_extraction_stops_after_the_batch_norm_pass_that_cancelled_and_restores_the_discriminator()
    {
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(FeatureFixtures.TinyOptions(size: 64), seed: 1);
        using (g)
        using (d)
        {
            ArrayImageSource images = FeatureFixtures.RandomImages(12, d.ImageShape, seed: 2);
            float[] runningMeans = RunningMeans(d);
            bool training = d.Network.training;
            using var progress = new CancelAfter<EvaluationProgress>(1);

            Cancelled.Throws(() => _ = new DiscriminatorFeatureExtractor(d, images, new FeatureExtractionOptions { BatchSize = 4 }, progress, progress.Token));

            progress.Reports.Should().ContainSingle().Which.Stage.Should().Be("batch-norm statistics");
            progress.Reports[0].Total.Should().BeGreaterThan(1, "the discriminator has more than one BN layer, so a pass was left");
            RunningMeans(d).Should().Equal(runningMeans, "the BN buffers are restored");
            d.Network.training.Should().Be(training);
            var extractor = new DiscriminatorFeatureExtractor(d, images, new FeatureExtractionOptions { BatchSize = 4 });
            Cancelled.Throws(() => extractor.Extract(images, Cancelled.Token));
            RunningMeans(d).Should().Equal(runningMeans);
        }
    }

    [Fact]
    public void Inference_and_distance_operations_stop_on_a_cancelled_token()
    {
        var data = new StripeImages(40);
        ImageBatch images = data.ReadAll();
        using EvaluationClassifier classifier = EvaluationClassifier.Train(data, data.Labels, new ClassifierTrainingOptions { Epochs = 1, BatchSize = 16 }, seed: 1);
        var quality = new SampleQuality(classifier, images);
        FeatureMatrix rows = TestData.Gaussian(30, [0, 0, 0], [1, 1, 1], seed: 4);

        Cancelled.Throws(() => classifier.Features(images, Cancelled.Token));
        Cancelled.Throws(() => classifier.Probabilities(images, Cancelled.Token));
        Cancelled.Throws(() => quality.Evaluate(images, Cancelled.Token));
        Cancelled.Throws(() => Memorization.Analyze(rows, rows, rows, cancellationToken: Cancelled.Token));
        Cancelled.Throws(() => PrecisionRecall.Compute(rows, rows, cancellationToken: Cancelled.Token));
        Cancelled.Throws(() => NearestNeighbours.KthNeighbourDistances(rows, 3, Cancelled.Token));
        quality.Evaluate(images).Count.Should().Be(40, "an uncancelled token changes nothing");
    }

    [Fact]
    public void Concept_probes_and_distance_comparisons_stop_on_a_cancelled_token()
    {
        using DcganGenerator g = ForgettingFixtures.Generator();
        using TorchSharp.torch.Tensor z = ForgettingFixtures.Latent(4, seed: 6);
        ConceptBox[] boxes = [new(0, 4, 4, 10, 10), new(2, 12, 0, 8, 8)];
        LayerActivations activations = FeatureMapDropout.Capture(g, z, "block0");
        GeneratorLayer layer = GeneratorLayer.Resolve(g, "block0");

        Cancelled.Throws(() => ConceptMapSelector.Select(g, z, boxes, cancellationToken: Cancelled.Token));
        Cancelled.Throws(() => ConceptMapSelector.Fit(layer, activations, boxes, cancellationToken: Cancelled.Token)); // inside L-BFGS
        ConceptMapSelector.Fit(layer, activations, boxes).Weights.Should().NotBeEmpty();

        MemoryImageSource images = PlantedDuplicates.FashionTestImages(20);
        FluentActions.Invoking(() => DuplicateDistanceComparison.Measure(images, [], pairCount: 50, cancellationToken: Cancelled.Token))
            .Should().Throw<OperationCanceledException>();
    }

    private static float[] RunningMeans(DcganDiscriminator d) =>
        d.Network.buffers().Where(b => b.dtype == TorchSharp.torch.ScalarType.Float32)
            .SelectMany(b => b.data<float>().ToArray()).ToArray();
}
