// The success paths of dcgan-experiments reference-stats, evaluate, ablate and probe on tiny random data: each exits
// with 0 and its report says what was measured (counts, the checkpoint, the classifier, one entry per class or
// variant, numbers in range and consistent between the .json and the .md), not only that files appeared.
using System.Globalization;
using System.Text.Json;
using Dcgan.Experiments;
using SkiaSharp;

namespace Dcgan.Cli.Tests;

[Collection(TinyRunCollection.Name)]
public sealed class ExperimentSuccessTests(TinyRun run)
{
    private const int TrainImages = 256;
    private const int TestImages = 128;

    [Fact]
    public void Reference_stats_compares_the_train_subset_with_the_test_split_with_the_shipped_classifier()
    {
        string output = Path.Combine(run.NewFolder(), "reference.json");

        ToolResult result = ToolRunner.Experiments("reference-stats", "--data", TinyData(), "--output", output);

        result.ExitCode.Should().Be(0, result.Errors);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(output));
        JsonElement r = json.RootElement.GetProperty("result");
        r.GetProperty("ClassifierSha256").GetString().Should().BeEquivalentTo(ShippedClassifierSha256());
        r.GetProperty("TestCount").GetInt32().Should().Be(TestImages);
        JsonElement trainVersusTest = r.GetProperty("TrainVersusTest");
        trainVersusTest.GetProperty("Count").GetInt32().Should().Be(TrainImages, "the whole train split when it is below the 10k subset");
        Sum(trainVersusTest.GetProperty("Coverage").GetProperty("Counts")).Should().Be(TrainImages, "every train image gets one predicted class");
        Sum(r.GetProperty("TestCoverage").GetProperty("Counts")).Should().Be(TestImages);
        trainVersusTest.GetProperty("FrechetDistance").GetDouble().Should().BeGreaterThan(0).And.BeLessThan(
            r.GetProperty("BlurredTestDistance").GetDouble(), "two sets of the same noise are closer than the test images and their blurred copies");
        r.GetProperty("TestAccuracy").GetDouble().Should().BeInRange(0, 1);
    }

    [Fact]
    public void Evaluate_reports_the_samples_of_the_checkpoint_against_the_real_data_references()
    {
        string output = run.NewFolder();

        ToolResult result = ToolRunner.Experiments("evaluate", "--checkpoint", run.RunFolder, "--data", TinyData(), "--count", "100", "--output", output);

        result.ExitCode.Should().Be(0, result.Errors);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "evaluate.json")));
        JsonElement e = json.RootElement;
        e.GetProperty("generatedCount").GetInt32().Should().Be(100);
        e.GetProperty("checkpointStep").GetInt64().Should().Be(2, "the tiny run trained 2 steps");
        e.GetProperty("checkpoint").GetString().Should().StartWith(run.RunFolder).And.EndWith(".dcgan");
        e.GetProperty("classifierSha256").GetString().Should().BeEquivalentTo(ShippedClassifierSha256());
        double[] shares = [.. e.GetProperty("classShares").EnumerateArray().Select(s => s.GetDouble())];
        shares.Should().HaveCount(10, "one share per Fashion-MNIST class").And.OnlyContain(s => s >= 0 && s <= 1);
        shares.Sum().Should().BeApproximately(1, 1e-9);
        double distance = e.GetProperty("frechetDistance").GetDouble();
        distance.Should().BeGreaterThan(e.GetProperty("frechetFloor").GetDouble(),
            "two generator steps are farther from the data than the real train/test floor");
        e.GetProperty("precision").GetDouble().Should().BeInRange(0, 1);
        e.GetProperty("recall").GetDouble().Should().BeInRange(0, 1);
        File.ReadAllText(Path.Combine(output, "evaluate.md")).Should().Contain(
            $"| Frechet distance (classifier features) | {distance.ToString("G4", CultureInfo.InvariantCulture)} |");
        using SKBitmap pairs = SKBitmap.Decode(Path.Combine(output, "evaluate-closest-pairs.png"));
        pairs.Width.Should().BeGreaterThan(PngPixels.Side);
    }

    [Fact]
    public void Ablate_trains_and_scores_every_variant_for_every_seed()
    {
        string output = run.NewFolder();

        ToolResult result = ToolRunner.Experiments("ablate", "--data", TinyData(), "--steps", "10", "--samples", "100", "--seeds", "1", "--output", output);

        result.ExitCode.Should().Be(0, result.Errors);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "ablate.json")));
        JsonElement a = json.RootElement;
        a.GetProperty("steps").GetInt32().Should().Be(10);
        a.GetProperty("samples").GetInt32().Should().Be(100);
        JsonElement[] variants = [.. a.GetProperty("variants").EnumerateArray()];
        variants.Select(v => v.GetProperty("name").GetString()).Should().Equal(
            "paper (lr 2e-4, beta1 0.5)", "lr 1e-3", "beta1 0.9", "BN on G output and D input");
        string markdown = File.ReadAllText(Path.Combine(output, "ablate.md"));
        foreach (JsonElement variant in variants)
        {
            JsonElement runs = variant.GetProperty("runs");
            runs.GetArrayLength().Should().Be(1);
            runs[0].GetProperty("seed").GetInt64().Should().Be(1);
            double distance = variant.GetProperty("frechetDistance").GetDouble();
            double.IsFinite(distance).Should().BeTrue();
            distance.Should().BeGreaterThan(0).And.Be(runs[0].GetProperty("frechetDistance").GetDouble(), "the mean of one seed is that seed's number");
            markdown.Should().Contain(variant.GetProperty("name").GetString());
        }

        variants.Select(v => v.GetProperty("frechetDistance").GetDouble()).Distinct().Should().HaveCount(4, "each variant trains differently");
    }

    [Fact]
    public void Probe_fits_a_classifier_on_pooled_discriminator_features_and_scores_the_test_split()
    {
        string output = run.NewFolder();
        // The probe splits the train images into probe-train (the first 50,000) and probe-val (the rest): 50,001 is the least.
        string data = FashionMnistFolder.Write(run.NewFolder(), FashionMnistSplits.ProbeTrainCount + 1, TestImages);

        ToolResult result = ToolRunner.Experiments("probe", "--checkpoint", run.RunFolder, "--data", data, "--features", "Trained",
            "--max-iterations", "2", "--c-grid", "0.5", "--output", output);

        result.ExitCode.Should().Be(0, result.Errors);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "probe.json")));
        JsonElement p = json.RootElement;
        p.GetProperty("featureDimension").GetInt32().Should().Be((8 + 16) * 4 * 4, "D's blocks have 8 and 16 maps, each max-pooled to 4x4");
        JsonElement row = p.GetProperty("rows").EnumerateArray().Should().ContainSingle().Subject;
        row.GetProperty("features").GetString().Should().Be("trained discriminator");
        row.GetProperty("chosenC").GetDouble().Should().Be(0.5);
        double accuracy = row.GetProperty("testAccuracy").GetDouble();
        (accuracy * TestImages).Should().BeApproximately(Math.Round(accuracy * TestImages), 1e-9, "an accuracy over the 128 test images");
        p.GetProperty("discriminatorAccuracy").GetDouble().Should().Be(accuracy);
        p.GetProperty("rawPixelAccuracy").ValueKind.Should().Be(JsonValueKind.Null, "--features Trained skips the pixel control");
        File.ReadAllText(Path.Combine(output, "probe.md")).Should().Contain($"| {accuracy.ToString("F4", CultureInfo.InvariantCulture)} |");
    }

    private string TinyData() => FashionMnistFolder.Write(run.NewFolder(), TrainImages, TestImages);

    private static string ShippedClassifierSha256()
    {
        using JsonDocument record = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(EvaluationClassifierFile.ShippedPath, ".json")));
        return record.RootElement.GetProperty("sha256").GetString()!;
    }

    private static int Sum(JsonElement counts) => counts.EnumerateArray().Sum(c => c.GetInt32());
}
