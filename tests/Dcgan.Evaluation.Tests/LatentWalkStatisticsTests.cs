using Dcgan.Data;
using Dcgan.Features;
using Dcgan.Generation;
using Dcgan.Latent;
using Dcgan.Models;
using Microsoft.Extensions.Options;
using TorchSharp;

namespace Dcgan.Evaluation.Tests;

public class LatentWalkStatisticsTests
{
    [Fact]
    public void Uniform_steps_give_a_jump_of_one_and_one_big_step_gives_its_ratio_to_the_median()
    {
        // 10 points on a line in 3-d, 1 apart: 9 equal steps.
        var even = new FeatureMatrix(Enumerable.Range(0, 10).SelectMany(i => new float[] { i, 0, 0 }).ToArray(), 10, 3);
        JumpStatistic.StepDistances(even).Should().AllSatisfy(d => d.Should().BeApproximately(1, 1e-12));
        JumpStatistic.Of(even).Should().BeApproximately(1, 1e-12);

        // The same line with the 5th step stretched to 5: steps 1,1,1,1,5,1,1,1,1, median 1, jump 5.
        float[] xs = [0, 1, 2, 3, 4, 9, 10, 11, 12, 13];
        var oneJump = new FeatureMatrix(xs.SelectMany(x => new float[] { 0, x, 0 }).ToArray(), 10, 3);
        JumpStatistic.Of(oneJump).Should().BeApproximately(5, 1e-12);

        // An even number of steps: median of 1, 1, 2, 6 is 1.5, so the jump is 6 / 1.5 = 4.
        JumpStatistic.Of([1.0, 6.0, 1.0, 2.0]).Should().BeApproximately(4, 1e-12);
    }

    [Fact]
    public void Degenerate_paths_and_bad_distances_are_handled_explicitly()
    {
        JumpStatistic.Of([0.0, 0.0, 0.0]).Should().Be(1, "a path that never changes has no jump");
        JumpStatistic.Of([0.0, 0.0, 2.0]).Should().Be(double.PositiveInfinity, "all the change is in one step");
        FluentActions.Invoking(() => JumpStatistic.Of([1.0, -1.0])).Should().Throw<ArgumentException>().WithMessage("*-1*");
        FluentActions.Invoking(() => JumpStatistic.Of(Array.Empty<double>())).Should().Throw<ArgumentException>().WithMessage("*got 0*");
        FluentActions.Invoking(() => JumpStatistic.StepDistances(new FeatureMatrix([1f, 2f], 1, 2))).Should().Throw<ArgumentException>().WithMessage("*at least 2 points*");
    }

    [Fact]
    public void Summary_reports_mean_median_percentile_max_and_share_above_the_threshold()
    {
        JumpSummary s = JumpStatistic.Summarize([1, 5, 1, 1, 1]);
        s.Paths.Should().Be(5);
        s.Mean.Should().BeApproximately(1.8, 1e-12);
        s.Median.Should().Be(1);
        s.Percentile95.Should().BeApproximately(4.2, 1e-12);             // position 0.95 * 4 = 3.8: 1 + 0.8 * (5 - 1)
        s.Max.Should().Be(5);
        s.Threshold.Should().Be(3);
        s.ShareAboveThreshold.Should().BeApproximately(0.2, 1e-12);
        JumpStatistic.Summarize([1, 5, 1, 1, 1], threshold: 5).ShareAboveThreshold.Should().Be(0, "the share counts jumps strictly above the threshold");
    }

    [Fact]
    public void Lerp_midpoints_of_100d_gaussian_pairs_are_short_and_far_from_the_data_slerp_midpoints_are_not()
    {
        // Image = z; the classifier's features are the first 10 coordinates, so the reference N(0, I_10) is the prior's.
        using var generator = new IdentityGenerator(100, LatentDistribution.Normal);
        FunctionClassifier classifier = GaussianWorldClassifier();
        GaussianStatistics reference = GaussianStatistics.FromFeatures(TestData.Gaussian(4000, new double[10], Enumerable.Repeat(1.0, 10).ToArray(), seed: 3));

        LatentWalkResult r = LatentWalkStatistics.Compute(generator, classifier, reference,
            new LatentWalkOptions { Pairs = 400, Steps = 2, PairsPerBatch = 64 });

        r.Positions.Should().Equal(0, 0.5, 1);
        r.EndpointNorm.Should().BeApproximately(10, 0.2);                   // E||z|| ~ sqrt(100)
        r.Linear.MidpointNorm.Should().BeApproximately(Math.Sqrt(50), 0.2); // ~7.07: (a + b) / 2 has covariance I / 2
        r.Spherical.MidpointNorm.Should().BeApproximately(10, 0.2);
        r.Linear.MeanNorms[1].Should().BeApproximately(r.Linear.MidpointNorm, 1e-9, "t = 0.5 is position 1 of a 2-step walk");
        r.Linear.MeanNorms[0].Should().BeApproximately(r.Spherical.MeanNorms[0], 1e-12);

        // Both modes share the endpoints' images; the lerp midpoint (covariance I/2) is the one far from the data:
        // FD of N(0, I/2) to N(0, I) in 10-d is 10 (1 + 1/2 - 2 sqrt(1/2)) = 0.86, plus small-sample bias.
        r.Linear.FrechetDistances[0].Should().Be(r.Spherical.FrechetDistances[0]);
        r.Linear.FrechetDistances[2].Should().Be(r.Spherical.FrechetDistances[2]);
        r.Linear.FrechetDistances[0].Should().BeLessThan(0.4);
        r.Linear.FrechetDistances[1].Should().BeInRange(0.7, 1.3);
        r.Spherical.FrechetDistances[1].Should().BeLessThan(0.4);
        r.Linear.MeanConfidence[0].Should().Be(r.Spherical.MeanConfidence[0]);

        // Features are a linear function of z, so a lerp walk moves in equal steps in feature space: every jump is 1.
        r.Linear.Jumps.Should().HaveCount(400).And.AllSatisfy(j => j.Should().BeApproximately(1, 1e-4));
        r.Linear.JumpSummary.ShareAboveThreshold.Should().Be(0);
        r.Spherical.JumpSummary.Paths.Should().Be(400);
    }

    [Fact]
    public void A_generator_that_snaps_between_two_images_shows_jumps()
    {
        // Image = z (2-d) with a "memorizing" twist: the classifier's feature is the sign of z's first coordinate, so a
        // walk whose ends differ in that sign changes in exactly one step (max > 0 = median: jump = infinity), and a
        // walk whose ends agree never changes (jump 1).
        using var generator = new IdentityGenerator(2, LatentDistribution.Uniform);
        var classifier = new FunctionClassifier(new ImageShape(1, 1, 2), 2, x => x[0] < 0 ? [1f, 0f] : [0f, 1f], x => [x[0] < 0 ? -1f : 1f, 0f]);
        GaussianStatistics reference = GaussianStatistics.FromFeatures(new FeatureMatrix([-1f, 0f, 1f, 0f, -1f, 1e-3f, 1f, 0f], 4, 2));

        LatentWalkResult r = LatentWalkStatistics.Compute(generator, classifier, reference, new LatentWalkOptions { Pairs = 100, Steps = 4, PairsPerBatch = 7 });

        using var rng = new TorchSharp.torch.Generator(1, TorchSharp.torch.CPU);
        float[][] z = LatentNoise.SampleRows(200, 2, LatentDistribution.Uniform, rng); // the documented pairing: rows 2i, 2i + 1
        int crossing = Enumerable.Range(0, 100).Count(i => z[2 * i][0] < 0 != z[2 * i + 1][0] < 0);
        crossing.Should().BeInRange(30, 70);
        r.Linear.JumpSummary.ShareAboveThreshold.Should().BeApproximately(crossing / 100.0, 1e-12);
        r.Linear.Jumps.Count(double.IsPositiveInfinity).Should().Be(crossing);
        r.Linear.Jumps.Where(j => !double.IsInfinity(j)).Should().AllSatisfy(j => j.Should().Be(1));
        r.Linear.MeanConfidence.Should().AllSatisfy(c => c.Should().Be(1));
        r.Spherical.Jumps.Count(double.IsPositiveInfinity).Should().Be(crossing, "an arc shorter than pi crosses the axis at most once");
    }

    [Fact]
    public void Antipodal_pairs_name_the_pair_when_slerp_is_undefined()
    {
        // In 1-d, endpoints of opposite sign are antipodal: slerp has no great circle.
        using var generator = new IdentityGenerator(1, LatentDistribution.Uniform);
        var classifier = new FunctionClassifier(new ImageShape(1, 1, 1), 2, x => x[0] < 0 ? [1f, 0f] : [0f, 1f]);
        GaussianStatistics reference = GaussianStatistics.FromFeatures(new FeatureMatrix([-1f, 1f, 0.5f], 3, 1));

        FluentActions.Invoking(() => LatentWalkStatistics.Compute(generator, classifier, reference, new LatentWalkOptions { Pairs = 50 }))
            .Should().Throw<ArgumentException>().WithMessage("Latent walk pair * (Spherical): *antipodal*");
    }

    [Fact]
    public void Bad_options_are_refused_before_any_work_naming_the_value()
    {
        using var generator = new IdentityGenerator(4, LatentDistribution.Uniform);
        FunctionClassifier classifier = GaussianWorldClassifier();
        GaussianStatistics reference = GaussianStatistics.FromFeatures(new FeatureMatrix([0f, 1f, 1f, 0f], 2, 2));
        void Refused(LatentWalkOptions options, string message) =>
            FluentActions.Invoking(() => LatentWalkStatistics.Compute(generator, classifier, reference, options))
                .Should().Throw<OptionsValidationException>().WithMessage(message);

        Refused(new LatentWalkOptions { Pairs = 1 }, "*Pairs = 1*between 2 and*");
        Refused(new LatentWalkOptions { Steps = 0 }, "*Steps = 0*between 1 and*");
        Refused(new LatentWalkOptions { PairsPerBatch = 0 }, "*PairsPerBatch = 0*");
        Refused(new LatentWalkOptions { JumpThreshold = double.NaN }, "*JumpThreshold = NaN*");
    }

    [Fact]
    public void A_real_32x32_generator_is_resized_for_the_28x28_classifier_and_leaves_no_tensors_behind()
    {
        DcganModelOptions options = DcganModelOptions.Paper(32, 1);
        options.GeneratorWidth = 4;
        options.DiscriminatorWidth = 4;
        options.LatentDimension = 8;
        (DcganGenerator generator, DcganDiscriminator discriminator) = DcganModels.Create(options, seed: 2);
        discriminator.Dispose();
        var stripes = new StripeImages(40);
        using EvaluationClassifier classifier = EvaluationClassifier.Train(stripes, stripes.Labels, new ClassifierTrainingOptions { Epochs = 1, BatchSize = 16 }, seed: 1);
        GaussianStatistics reference = GaussianStatistics.FromFeatures(classifier.Features(stripes.ReadAll()));
        var walk = new LatentWalkOptions { Pairs = 3, Steps = 2, PairsPerBatch = 2 };
        using (generator)
        {
            LatentWalkResult first = LatentWalkStatistics.Compute(generator, classifier, reference, walk);
            long live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
            LatentWalkResult second = LatentWalkStatistics.Compute(generator, classifier, reference, walk);
            DisposeScopeManager.Statistics.ThreadTotalLiveCount.Should().Be(live);

            second.Linear.FrechetDistances.Should().Equal(first.Linear.FrechetDistances, "the same seed gives the same numbers");
            first.Linear.FrechetDistances.Should().HaveCount(3).And.OnlyContain(d => double.IsFinite(d) && d >= 0);
            first.Spherical.MeanConfidence.Should().OnlyContain(c => c > 0 && c <= 1);
        }
    }

    /// <summary>Features: the first 10 pixels (or all, if fewer); probabilities: a softmax over them.</summary>
    private static FunctionClassifier GaussianWorldClassifier() =>
        new(new ImageShape(1, 1, 100), 10, x => Softmax(x.Take(10).ToArray()), x => x.Take(10).ToArray());

    private static float[] Softmax(float[] x)
    {
        double max = x.Max();
        double[] e = x.Select(v => Math.Exp(v - max)).ToArray();
        double sum = e.Sum();
        return e.Select(v => (float)(v / sum)).ToArray();
    }
}
