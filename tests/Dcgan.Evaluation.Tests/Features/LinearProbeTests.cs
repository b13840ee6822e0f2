using Dcgan.Features;

namespace Dcgan.Evaluation.Tests.Features;

public class LinearProbeTests
{
    [Theory]
    [InlineData(ProbeClassifier.LinearSvm)]
    [InlineData(ProbeClassifier.LogisticRegression)]
    public void Probe_chooses_c_on_validation_and_reports_test_accuracy(ProbeClassifier kind)
    {
        (FeatureMatrix train, int[] trainY) = FeatureFixtures.Blobs(classes: 3, perClass: 60, dims: 4, separation: 2, seed: 11);
        (FeatureMatrix test, int[] testY) = FeatureFixtures.Blobs(classes: 3, perClass: 100, dims: 4, separation: 2, seed: 12);
        var options = new LinearProbeOptions { Classifier = kind, CGrid = [0.01, 1], Seed = 3 };

        ProbeResult result = LinearProbe.Run(train, trainY, test, testY, classCount: 3, options);

        result.Candidates.Select(c => c.C).Should().Equal(0.01, 1);
        result.ChosenC.Should().Be(result.Candidates.OrderByDescending(c => c.ValidationAccuracy).ThenBy(c => c.C).First().C);
        result.ValidationCount.Should().Be(36);
        result.TrainCount.Should().Be(144);
        result.TestCount.Should().Be(300);
        result.FeatureDimension.Should().Be(4);
        result.TestAccuracy.Should().BeGreaterThan(0.7);
        LinearProbe.Run(train, trainY, test, testY, 3, options).Should().BeEquivalentTo(result, o => o.Excluding(r => r.Elapsed));
    }

    [Fact]
    public void Without_refit_the_validation_labels_only_choose_c_and_the_classifier_is_the_training_fit()
    {
        (FeatureMatrix train, int[] trainY) = FeatureFixtures.Blobs(classes: 3, perClass: 20, dims: 4, separation: 1, seed: 21);
        (FeatureMatrix validation, int[] validationY) = FeatureFixtures.Blobs(classes: 3, perClass: 60, dims: 4, separation: 1, seed: 22);
        (FeatureMatrix test, int[] testY) = FeatureFixtures.Blobs(classes: 3, perClass: 100, dims: 4, separation: 1, seed: 23);
        var options = new LinearProbeOptions { CGrid = [0.01, 1], Seed = 3, RefitOnTrainAndValidation = false };

        ProbeResult lowLabel = LinearProbe.Run(train, trainY, validation, validationY, test, testY, 3, options);
        ProbeResult refitted = LinearProbe.Run(train, trainY, validation, validationY, test, testY, 3, new LinearProbeOptions { CGrid = [0.01, 1], Seed = 3 });

        // Fitting the chosen C on the training rows alone, by hand, gives the same test accuracy.
        FeatureStandardizer standardizer = FeatureStandardizer.Fit(train);
        var byHand = new LinearSvm(new LinearClassifierOptions { C = lowLabel.ChosenC, Seed = 3 });
        byHand.Fit(standardizer.Transform(train), trainY, 3);
        lowLabel.TestAccuracy.Should().BeApproximately(byHand.Score(standardizer.Transform(test), testY), 0.02);
        lowLabel.FinalTrainAccuracy.Should().BeApproximately(byHand.Score(standardizer.Transform(train), trainY), 0.02);
        refitted.FinalTrainAccuracy.Should().NotBe(lowLabel.FinalTrainAccuracy, "the refit is scored on train + validation rows");
    }

    [Fact]
    public void Probe_rejects_test_labels_out_of_range()
    {
        (FeatureMatrix x, int[] y) = FeatureFixtures.Blobs(classes: 2, perClass: 5, dims: 2, separation: 2, seed: 1);
        int[] bad = [.. y];
        bad[4] = 9;
        FluentActions.Invoking(() => LinearProbe.Run(x, y, x, bad, 2, null)).Should().Throw<ArgumentException>().WithMessage("*index 4 is 9*");
    }

    [Fact]
    public void Low_label_sampler_draws_k_per_class_reproducibly()
    {
        int[] labels = Enumerable.Range(0, 100).Select(i => i % 4).ToArray();
        int[] first = LowLabelSampler.Sample(labels, perClass: 5, classCount: 4, seed: 7);
        first.Should().HaveCount(20).And.OnlyHaveUniqueItems().And.BeInAscendingOrder();
        first.GroupBy(i => labels[i]).Should().HaveCount(4).And.OnlyContain(g => g.Count() == 5);
        LowLabelSampler.Sample(labels, 5, 4, seed: 7).Should().Equal(first);
        LowLabelSampler.Sample(labels, 5, 4, seed: 8).Should().NotEqual(first);

        int[] scarce = [.. labels.Where(l => l != 2), 2, 2];
        FluentActions.Invoking(() => LowLabelSampler.Sample(scarce, 5, 4, 0)).Should().Throw<ArgumentException>()
            .WithMessage("Class 2 has 2 examples; 5 per class*");
    }
}
