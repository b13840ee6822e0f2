using Dcgan.Features;
using Dcgan.Evaluation;

namespace Dcgan.Evaluation.Tests;

public class MemorizationTests
{
    [Fact]
    public void Planted_copies_are_detected()
    {
        double[] zero = new double[16];
        double[] one = Enumerable.Repeat(1.0, 16).ToArray();
        FeatureMatrix train = TestData.Gaussian(400, zero, one, seed: 9);
        FeatureMatrix test = TestData.Gaussian(100, zero, one, seed: 10);
        FeatureMatrix fresh = TestData.Gaussian(100, zero, one, seed: 11);
        // Rows 0-4 exact copies of train rows, rows 5-9 copies plus tiny noise.
        int[] copied = [3, 50, 77, 200, 399, 10, 20, 30, 40, 60];
        float[] values = (float[])fresh.Values.Clone();
        var random = new Random(12);
        for (int i = 0; i < copied.Length; i++)
        {
            for (int j = 0; j < 16; j++)
            {
                values[i * 16 + j] = train.Row(copied[i])[j] + (i >= 5 ? (float)(0.01 * TestData.Normal(random)) : 0f);
            }
        }

        var generated = new FeatureMatrix(values, 100, 16);
        MemorizationResult result = Memorization.Analyze(generated, train, test, new MemorizationOptions { NearDuplicateDistance = 0.2 });

        result.ExactDuplicates.Should().Be(5);
        result.NearDuplicates.Should().Be(10);
        result.GeneratedNearestIndex.Take(10).Should().Equal(copied);
        result.FractionBelowThreshold.Should().BeInRange(0.10, 0.13);
        result.ClosestPairs.Take(5).Select(p => p.GeneratedIndex).Should().BeEquivalentTo([0, 1, 2, 3, 4]);
        result.ClosestPairs[0].Distance.Should().Be(0.0);
    }

    [Fact]
    public void Percentile_interpolates_like_numpy()
    {
        Memorization.Percentile([1, 2, 3, 4, 5], 50).Should().Be(3);
        Memorization.Percentile([1, 2, 3, 4, 5], 1).Should().BeApproximately(1.04, 1e-12);
        Memorization.Percentile([7], 1).Should().Be(7);
    }

    [Fact]
    public void Nearest_neighbour_distance_of_a_copy_is_exactly_zero_in_pixel_scale()
    {
        var random = new Random(13);
        float[] values = Enumerable.Range(0, 50 * 784).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var train = new FeatureMatrix(values, 50, 784);
        var query = train.SelectRows([17, 3]);
        (int[] index, double[] distance) = NearestNeighbours.Find(query, train);
        index.Should().Equal(17, 3);
        distance.Should().Equal(0.0, 0.0);
    }
}
