using Dcgan.Features;
using Dcgan.Evaluation;

namespace Dcgan.Evaluation.Tests;

public class PrecisionRecallTests
{
    private static readonly int[] AllModes = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

    [Fact]
    public void Identical_sets_have_full_precision_and_recall()
    {
        FeatureMatrix a = TestData.Gaussian(300, [0, 0, 0, 0, 0], [1, 1, 1, 1, 1], seed: 4);
        PrecisionRecallResult result = PrecisionRecall.Compute(a, a);
        result.Precision.Should().Be(1.0);
        result.Recall.Should().Be(1.0);
        result.K.Should().Be(3);
    }

    [Fact]
    public void Far_apart_sets_have_zero_precision_and_recall()
    {
        FeatureMatrix real = TestData.Clusters(50, [0, 1], 10, seed: 5);
        FeatureMatrix generated = TestData.Clusters(50, [5, 6], 10, seed: 6);
        PrecisionRecallResult result = PrecisionRecall.Compute(real, generated);
        result.Precision.Should().Be(0.0);
        result.Recall.Should().Be(0.0);
    }

    [Fact]
    public void Covering_half_the_modes_halves_recall_but_keeps_precision()
    {
        FeatureMatrix real = TestData.Clusters(40, AllModes, 10, seed: 7);
        FeatureMatrix generated = real.SelectRows(Enumerable.Range(0, 200).ToArray()); // the rows of modes 0-4
        PrecisionRecallResult result = PrecisionRecall.Compute(real, generated);
        result.Precision.Should().Be(1.0);
        result.Recall.Should().Be(0.5);
    }

    [Fact]
    public void Fresh_samples_of_half_the_modes_halve_recall_relative_to_all_modes()
    {
        FeatureMatrix real = TestData.Clusters(40, AllModes, 10, seed: 7);
        FeatureMatrix all = TestData.Clusters(40, AllModes, 10, seed: 8);
        FeatureMatrix half = TestData.Clusters(80, [0, 1, 2, 3, 4], 10, seed: 8);
        PrecisionRecallResult full = PrecisionRecall.Compute(real, all);
        PrecisionRecallResult partial = PrecisionRecall.Compute(real, half);
        partial.Precision.Should().BeApproximately(full.Precision, 0.1);
        (partial.Recall / full.Recall).Should().BeInRange(0.4, 0.6);
    }

    [Fact]
    public void Kth_neighbour_distance_excludes_the_row_itself()
    {
        var line = new FeatureMatrix([0, 1, 3, 6, 10], 5, 1);
        NearestNeighbours.KthNeighbourDistances(line, 1).Should().Equal(1, 1, 2, 3, 4);
        NearestNeighbours.KthNeighbourDistances(line, 2).Should().Equal(3, 2, 3, 4, 7);
    }
}
