// `dcgan-experiments time-to-quality` end to end on the shipped 10k split with tiny budgets: every selected
// candidate is trained once per seed for its budget and scored, and the report says so; bad selections are refused.
using System.Text.Json;
using Dcgan.CommandLine;

namespace Dcgan.Cli.Tests;

[Collection(TinyRunCollection.Name)]
public sealed class TimeToQualityTests(TinyRun run)
{
    [Fact]
    public void Trains_every_candidate_once_per_seed_and_scores_its_samples()
    {
        string output = run.NewFolder();
        (int exit, string errors) = ToolRunner.Experiments("time-to-quality", "--data", DataLocation.ShippedFashionMnist, "--train", "test",
            "--baseline-steps", "3", "--calibration-steps", "1", "--samples", "100", "--seeds", "1,2", "--configs", "paper-w16-b64,paper-w64", "--output", output);

        exit.Should().Be(0, errors);
        using JsonDocument report = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "time-to-quality.json")));
        JsonElement root = report.RootElement;
        root.GetProperty("baselineSteps").GetInt32().Should().Be(3);
        root.GetProperty("train").GetString().Should().StartWith("test split: ").And.Contain("10000 images");
        JsonElement[] candidates = root.GetProperty("candidates").EnumerateArray().ToArray();
        candidates.Select(c => c.GetProperty("name").GetString()).Should().Equal("paper-w16-b64", "paper-w64");
        candidates[1].GetProperty("steps").GetInt32().Should().Be(3, "the baseline runs exactly --baseline-steps");
        foreach (JsonElement candidate in candidates)
        {
            JsonElement[] runs = candidate.GetProperty("runs").EnumerateArray().ToArray();
            runs.Select(r => r.GetProperty("seed").GetInt64()).Should().Equal(1, 2);
            runs.Should().OnlyContain(r => r.GetProperty("steps").GetInt32() == candidate.GetProperty("steps").GetInt32());
            runs.Should().OnlyContain(r => r.GetProperty("frechetDistance").GetDouble() > 0 && r.GetProperty("seconds").GetDouble() > 0);
            runs.Select(r => r.GetProperty("frechetDistance").GetDouble()).Distinct().Should().HaveCount(2, "each seed trains and samples its own model");
        }

        File.ReadAllText(Path.Combine(output, "time-to-quality.md")).Should().Contain("| paper-w64 | paper 28x28, ngf = ndf = 64, batch 128, lr 0.0002 | 3 |");
    }

    [Fact]
    public void An_unknown_candidate_is_named()
    {
        (int exit, string errors) = ToolRunner.Experiments("time-to-quality", "--data", DataLocation.ShippedFashionMnist, "--train", "test",
            "--configs", "paper-w64,fast", "--output", run.NewFolder());

        exit.Should().Be(2);
        errors.Should().Contain("--configs: unknown candidate 'fast'");
    }
}
