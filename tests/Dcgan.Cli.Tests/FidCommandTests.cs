// `dcgan-experiments fid-reference` and `fid` with the stand-in for inception-2015-12-05.pt: the reference file is
// pytorch-fid's format with the data set's features, `fid` prints and reports the numbers the library gives for the
// checkpoint's seeded samples, a mu/sigma-only file gives FID alone, and wrong files are refused in one line.
using System.Text.Json;
using Dcgan.Evaluation;
using Dcgan.Features;
using Dcgan.Interop;
using Dcgan.Models;
using Dcgan.Persistence;

namespace Dcgan.Cli.Tests;

[Collection(TinyRunCollection.Name)]
public sealed class FidCommandTests(TinyRun run)
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "fid");
    private static readonly string Extractor = Path.Combine(Fixtures, "standin-extractor.pt");

    [Fact]
    public void Fid_reference_writes_pytorch_fid_statistics_with_the_features_of_every_image()
    {
        string stats = Path.Combine(run.NewFolder(), "stats.npz");

        ToolResult result = ToolRunner.Experiments("fid-reference", "--extractor", Extractor, "--data", run.Data, "--output", stats);

        result.ExitCode.Should().Be(0, result.Errors);
        FidStatisticsFile file = FidStatisticsFile.Read(stats);
        file.Dimension.Should().Be(64);
        file.FeatureCount.Should().Be(64, "the tiny data set has 64 images");
        GaussianStatistics own = GaussianStatistics.FromFeatures(new FeatureMatrix(file.Features!, file.FeatureCount, file.Dimension));
        file.Mean.Should().Equal(own.Mean, "mu is the mean of the stored features");
        file.Covariance.Should().Equal(own.Covariance);
        result.Output.Should().Contain("64 images, 64 features each");
    }

    [Fact]
    public void Fid_reports_the_librarys_numbers_for_the_checkpoints_seeded_samples()
    {
        string folder = run.NewFolder();
        string stats = Path.Combine(folder, "stats.npz"), report = Path.Combine(folder, "fid.json");
        ToolRunner.Experiments("fid-reference", "--extractor", Extractor, "--data", run.Data, "--output", stats).ExitCode.Should().Be(0);

        ToolResult result = ToolRunner.Experiments("fid", "--extractor", Extractor, "--reference", stats, "--checkpoint", run.RunFolder,
            "--count", "20", "--seed", "5", "--output", report);

        result.ExitCode.Should().Be(0, result.Errors);
        StandardMetricsResult expected = LibraryNumbers(stats, count: 20, seed: 5);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(report));
        JsonElement r = json.RootElement.GetProperty("result");
        r.GetProperty("FrechetDistance").GetDouble().Should().Be(expected.FrechetDistance).And.BeGreaterThan(0);
        r.GetProperty("KernelDistance").GetProperty("Mean").GetDouble().Should().Be(expected.KernelDistance!.Mean);
        r.GetProperty("KernelDistance").GetProperty("StandardError").GetDouble().Should().Be(expected.KernelDistance.StandardError);
        r.GetProperty("KernelDistance").GetProperty("SubsetSize").GetInt32().Should().Be(20, "m = min(64 reference rows, 20 samples, 1000)");
        r.GetProperty("PrecisionRecall").GetProperty("Recall").GetDouble().Should().Be(expected.PrecisionRecall!.Recall);
        r.GetProperty("GeneratedCount").GetInt32().Should().Be(20);
        json.RootElement.GetProperty("featureDimension").GetInt32().Should().Be(64);
        result.Output.Should().Contain("FID").And.Contain("KID (mean ± SE over 100 subsets of 20)").And.Contain("precision (k = 3)");
    }

    [Fact]
    public void A_mu_and_sigma_file_written_by_numpy_gives_FID_only_and_says_why()
    {
        string stats = Path.Combine(Fixtures, "reference-stats.npz");

        ToolResult result = ToolRunner.Experiments("fid", "--extractor", Extractor, "--reference", stats, "--checkpoint", run.RunFolder, "--count", "20");

        result.ExitCode.Should().Be(0, result.Errors);
        result.Output.Should().Contain("FID").And.NotContain("KID (").And.Contain("KID and precision/recall need the reference's features");
    }

    [Fact]
    public void A_reference_that_is_not_pytorch_fid_statistics_is_refused_with_the_key()
    {
        string bad = Path.Combine(run.NewFolder(), "no-sigma.npz");
        using (var npz = new NpzWriter(bad))
        {
            NpyWriter mu = npz.AddArray("mu", NpyDataType.Float64, [64]);
            mu.Append(new double[64]);
            mu.Complete();
        }

        ToolRunner.Experiments("fid", "--extractor", Extractor, "--reference", bad, "--checkpoint", run.RunFolder, "--count", "20")
            .ShouldBeOneLineUserError($"'{bad}' has no array 'sigma'; it has: mu.");
    }

    [Fact]
    public void An_extractor_that_is_not_TorchScript_is_refused_with_its_name()
    {
        string losses = Path.Combine(run.RunFolder, "losses.csv");

        ToolRunner.Experiments("fid", "--extractor", losses, "--reference", Path.Combine(Fixtures, "reference-stats.npz"), "--checkpoint", run.RunFolder, "--count", "20")
            .ShouldBeOneLineUserError($"'{losses}' is not a TorchScript file");
    }

    [Fact]
    public void Statistics_of_another_feature_dimension_are_refused_naming_both()
    {
        string stats = Path.Combine(run.NewFolder(), "d3.npz");
        new FidStatisticsFile([0, 0, 0], [1, 0, 0, 0, 1, 0, 0, 0, 1]).Write(stats);

        ToolRunner.Experiments("fid", "--extractor", Extractor, "--reference", stats, "--checkpoint", run.RunFolder, "--count", "20")
            .ShouldBeOneLineUserError($"--extractor gives 64 features per image but --reference '{stats}' holds 3-dimensional statistics");
    }

    private StandardMetricsResult LibraryNumbers(string stats, int count, long seed)
    {
        FidStatisticsFile file = FidStatisticsFile.Read(stats);
        using TorchScriptFeatureExtractor extractor = TorchScriptFeatureExtractor.Load(Extractor);
        (DcganGenerator generator, _) = CheckpointModels.LoadGenerator<Dcgan.Models.DcganGenerator>(CheckpointLocator.Resolve(run.RunFolder));
        using (generator)
        {
            FeatureMatrix generated = StandardFeatures.FromGenerator(extractor, generator, seed, count);
            return StandardMetrics.Compute(GaussianStatistics.FromMoments(file.FeatureCount, file.Mean, file.Covariance),
                new FeatureMatrix(file.Features!, file.FeatureCount, file.Dimension), generated, new KernelDistanceOptions { Seed = seed });
        }
    }
}
