// FID, KID and precision/recall of the library against an independent numpy/scipy implementation
// (scripts/make-fid-fixtures.py) on the same float32 features: FID with scipy.linalg.sqrtm and np.cov, KID term for
// term as StyleGAN2-ADA's kernel_inception_distance.py on the subsets the script drew, precision/recall with k = 3.
using Dcgan.Features;
using Dcgan.Interop;

namespace Dcgan.Evaluation.Tests.Fid;

public sealed class StandardMetricsFixtureTests
{
    // Stated tolerances: FID agrees with scipy to 1e-9 relative (two eigh decompositions vs sqrtm on 64x64 double
    // matrices); KID per subset, mean, std and standard error to 1e-9 relative (double sums in another order).
    private const double FidRelativeTolerance = 1e-9;
    private const double KidRelativeTolerance = 1e-9;

    [Fact]
    public void FID_from_features_matches_scipy()
    {
        double expected = FidFixtures.Number("fid");

        double fid = FrechetDistance.Compute(FidFixtures.GeneratedFeatures(), FidFixtures.RealFeatures());

        expected.Should().BeGreaterThan(1e-3, "the fixture's sets differ, so the comparison is not of two zeros");
        fid.Should().BeApproximately(expected, expected * FidRelativeTolerance);
    }

    [Fact]
    public void FID_against_a_pytorch_fid_statistics_file_written_by_numpy_matches_scipy()
    {
        FidStatisticsFile file = FidStatisticsFile.Read(FidFixtures.ReferenceStats);
        GaussianStatistics reference = GaussianStatistics.FromMoments(0, file.Mean, file.Covariance);

        StandardMetricsResult result = StandardMetrics.Compute(reference, null, FidFixtures.GeneratedFeatures());

        result.FrechetDistance.Should().BeApproximately(FidFixtures.Number("fid"), FidFixtures.Number("fid") * FidRelativeTolerance);
        result.KernelDistance.Should().BeNull("statistics alone do not define KID");
        result.PrecisionRecall.Should().BeNull();
    }

    [Fact]
    public void KID_on_the_scripts_subsets_matches_numpy_subset_by_subset()
    {
        double[] expected = FidFixtures.Vector("kid_values");

        KernelDistanceResult kid = KernelDistance.ComputeOnSubsets(FidFixtures.RealFeatures(), FidFixtures.GeneratedFeatures(), FidFixtures.KidSubsets());

        kid.SubsetValues.Should().HaveCount(20);
        kid.SubsetSize.Should().Be(100);
        for (int s = 0; s < expected.Length; s++)
        {
            kid.SubsetValues[s].Should().BeApproximately(expected[s], Math.Abs(expected[s]) * KidRelativeTolerance, $"subset {s}");
        }

        kid.Mean.Should().BeApproximately(FidFixtures.Number("kid_mean"), FidFixtures.Number("kid_mean") * KidRelativeTolerance);
        kid.StandardDeviation.Should().BeApproximately(FidFixtures.Number("kid_std"), FidFixtures.Number("kid_std") * KidRelativeTolerance);
        kid.StandardError.Should().BeApproximately(FidFixtures.Number("kid_se"), FidFixtures.Number("kid_se") * KidRelativeTolerance);
    }

    [Fact]
    public void Precision_and_recall_match_numpy()
    {
        PrecisionRecallResult pr = PrecisionRecall.Compute(FidFixtures.RealFeatures(), FidFixtures.GeneratedFeatures());

        pr.Precision.Should().Be(FidFixtures.Number("precision"));
        pr.Recall.Should().Be(FidFixtures.Number("recall"));
        pr.Recall.Should().BeInRange(0.05, 0.95, "the fixture's sets overlap partly, so the comparison is not of two trivial fractions");
    }

    [Fact]
    public void Seeded_KID_subsets_follow_the_StyleGAN2_ADA_sizes_and_repeat_for_a_seed()
    {
        var options = new KernelDistanceOptions { SubsetCount = 5, MaxSubsetSize = 1000, Seed = 7 };

        IReadOnlyList<KernelDistanceSubset> subsets = KernelDistance.DrawSubsets(160, 128, options);
        IReadOnlyList<KernelDistanceSubset> again = KernelDistance.DrawSubsets(160, 128, options);
        IReadOnlyList<KernelDistanceSubset> other = KernelDistance.DrawSubsets(160, 128, new KernelDistanceOptions { SubsetCount = 5, Seed = 8 });

        subsets.Should().HaveCount(5);
        subsets.Should().OnlyContain(s => s.GeneratedRows.Count == 128 && s.RealRows.Count == 128, "m = min(160, 128, 1000)");
        subsets.Should().OnlyContain(s => s.RealRows.Distinct().Count() == 128 && s.RealRows.All(r => r >= 0 && r < 160), "drawn without replacement");
        again.Select(s => s.RealRows).Should().BeEquivalentTo(subsets.Select(s => s.RealRows), o => o.WithStrictOrdering());
        other[0].RealRows.Should().NotEqual(subsets[0].RealRows);
        new KernelDistanceOptions().SubsetCount.Should().Be(100);
        new KernelDistanceOptions().MaxSubsetSize.Should().Be(1000);
    }

    [Fact]
    public void Standard_metrics_with_reference_features_give_all_numbers()
    {
        FeatureMatrix real = FidFixtures.RealFeatures();
        FeatureMatrix generated = FidFixtures.GeneratedFeatures();

        StandardMetricsResult result = StandardMetrics.Compute(GaussianStatistics.FromFeatures(real), real, generated,
            new KernelDistanceOptions { SubsetCount = 10, MaxSubsetSize = 50 });

        result.FrechetDistance.Should().BeApproximately(FidFixtures.Number("fid"), FidFixtures.Number("fid") * FidRelativeTolerance);
        result.KernelDistance!.SubsetSize.Should().Be(50);
        result.KernelDistance.SubsetValues.Should().HaveCount(10);
        result.KernelDistance.Mean.Should().BeApproximately(FidFixtures.Number("kid_mean"), 6 * FidFixtures.Number("kid_std"),
            "other subsets of the same sets estimate the same MMD^2");
        result.PrecisionRecall!.Precision.Should().Be(FidFixtures.Number("precision"));
        result.ReferenceFeatureCount.Should().Be(160);
        result.GeneratedCount.Should().Be(128);
    }

    [Fact]
    public void Features_of_another_dimension_than_the_statistics_are_refused()
    {
        GaussianStatistics reference = GaussianStatistics.FromFeatures(FidFixtures.RealFeatures());
        var generated = new FeatureMatrix(new float[10 * 32], 10, 32);

        Action compute = () => StandardMetrics.Compute(reference, null, generated);

        compute.Should().Throw<ArgumentException>().WithMessage("*32 dimensions*reference statistics 64*");
    }
}
