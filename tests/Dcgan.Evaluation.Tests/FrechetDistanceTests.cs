using Dcgan.Features;
using Dcgan.Evaluation;

namespace Dcgan.Evaluation.Tests;

public class FrechetDistanceTests
{
    [Fact]
    public void Identical_sets_have_distance_zero()
    {
        FeatureMatrix a = TestData.Gaussian(500, [0, 1, 2, 3], [1, 2, 0.5, 1], seed: 1);
        FrechetDistance.Compute(a, a).Should().BeApproximately(0.0, 1e-6);
    }

    [Fact]
    public void Equal_covariances_give_the_squared_mean_shift()
    {
        double[] cov = [2, 0.5, 0, 0.5, 1, 0.3, 0, 0.3, 3];
        var a = GaussianStatistics.FromMoments(1, [0, 0, 0], cov);
        var b = GaussianStatistics.FromMoments(1, [1, -2, 0.5], cov);
        FrechetDistance.Compute(a, b).Should().BeApproximately(1 + 4 + 0.25, 1e-9);
    }

    [Fact]
    public void Diagonal_covariances_match_the_closed_form()
    {
        // For commuting covariances: FD = |mu1 - mu2|^2 + sum (sqrt(s1) - sqrt(s2))^2.
        var a = GaussianStatistics.FromMoments(1, [1, 2], [4, 0, 0, 9]);
        var b = GaussianStatistics.FromMoments(1, [0, 0], [1, 0, 0, 16]);
        double expected = 1 + 4 + (2 - 1) * (2 - 1) + (3 - 4) * (3 - 4);
        FrechetDistance.Compute(a, b).Should().BeApproximately(expected, 1e-9);
    }

    [Fact]
    public void Samples_approach_the_closed_form()
    {
        FeatureMatrix a = TestData.Gaussian(20_000, [0, 0], [1, 1], seed: 2);
        FeatureMatrix b = TestData.Gaussian(20_000, [3, 0], [1, 2], seed: 3);
        double expected = 9 + 0 + (2 - 1) * (2 - 1);
        FrechetDistance.Compute(a, b).Should().BeApproximately(expected, 0.15);
    }

    [Fact]
    public void Statistics_are_the_unbiased_moments()
    {
        var m = new FeatureMatrix([1, 0, 2, 0, 3, 3], 3, 2);
        var s = GaussianStatistics.FromFeatures(m);
        s.Mean.Should().Equal(2.0, 1.0);
        s.Covariance[0].Should().BeApproximately(1.0, 1e-12);
        s.Covariance[3].Should().BeApproximately(3.0, 1e-12);
        s.Covariance[1].Should().BeApproximately(1.5, 1e-12);
    }

    [Fact]
    public void Different_dimensions_are_rejected()
    {
        var a = new FeatureMatrix(new float[4], 2, 2);
        var b = new FeatureMatrix(new float[6], 2, 3);
        FluentActions.Invoking(() => FrechetDistance.Compute(a, b)).Should().Throw<ArgumentException>().WithMessage("*columns*");
    }
}
