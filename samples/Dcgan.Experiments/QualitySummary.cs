// A time-to-quality candidate's runs over all seeds: mean and spread of each score, and how many seeds met the goal;
// plus the Markdown table of all candidates.
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Dcgan.Experiments;

internal sealed record QualitySummary(
    QualityCandidate Candidate,
    QualityRun[] Runs,
    SampleStatistics Seconds,
    SampleStatistics ImagesPerSecond,
    SampleStatistics Fd,
    SampleStatistics Precision,
    SampleStatistics Recall,
    SampleStatistics Kl,
    int FewestClasses,
    int SeedsMeetingGoal)
{
    public static QualitySummary Of(QualityCandidate candidate, QualityRun[] runs, double goalFd, double goalKl)
    {
        int classes = runs[0].Quality.Coverage.Counts.Count;
        return new(
            candidate,
            runs,
            SampleStatistics.Of(runs.Select(r => r.Seconds).ToArray()),
            SampleStatistics.Of(runs.Select(r => r.ImagesPerSecond).ToArray()),
            SampleStatistics.Of(runs.Select(r => r.Quality.FrechetDistance).ToArray()),
            SampleStatistics.Of(runs.Select(r => r.Quality.PrecisionRecall.Precision).ToArray()),
            SampleStatistics.Of(runs.Select(r => r.Quality.PrecisionRecall.Recall).ToArray()),
            SampleStatistics.Of(runs.Select(r => r.Quality.Coverage.KlToUniform).ToArray()),
            runs.Min(r => r.Quality.Coverage.CoveredClasses),
            runs.Count(r => r.MeetsGoal(goalFd, goalKl, classes)));
    }

    public JsonObject ToJson() => new()
    {
        ["name"] = Candidate.Name,
        ["configuration"] = Candidate.Describe(),
        ["steps"] = Runs[0].Steps,
        ["seconds"] = Seconds.Mean,
        ["imagesPerSecond"] = ImagesPerSecond.Mean,
        ["frechetDistance"] = Fd.Mean,
        ["frechetDistanceStd"] = Fd.Std,
        ["precision"] = Precision.Mean,
        ["recall"] = Recall.Mean,
        ["klToUniform"] = Kl.Mean,
        ["fewestCoveredClasses"] = FewestClasses,
        ["seedsMeetingGoal"] = SeedsMeetingGoal,
        ["runs"] = new JsonArray(Runs.Select(r => (JsonNode)new JsonObject
        {
            ["seed"] = r.Seed,
            ["steps"] = r.Steps,
            ["seconds"] = r.Seconds,
            ["imagesPerSecond"] = r.ImagesPerSecond,
            ["frechetDistance"] = r.Quality.FrechetDistance,
            ["precision"] = r.Quality.PrecisionRecall.Precision,
            ["recall"] = r.Quality.PrecisionRecall.Recall,
            ["coveredClasses"] = r.Quality.Coverage.CoveredClasses,
            ["klToUniform"] = r.Quality.Coverage.KlToUniform,
        }).ToArray()),
    };

    /// <summary>The Markdown report: <paramref name="heading"/> (what was trained and how it was scored), then one row per candidate.</summary>
    public static string Table(IReadOnlyList<QualitySummary> summaries, string heading)
    {
        var table = new StringBuilder()
            .AppendLine(heading)
            .AppendLine()
            .AppendLine("| candidate | configuration | steps | train s | img/s | FD | FD per seed | precision | recall | fewest classes | KL | seeds meeting goal |")
            .AppendLine("|---|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|");
        foreach (QualitySummary s in summaries)
        {
            table.AppendLine(F(
                $"| {s.Candidate.Name} | {s.Candidate.Describe()} | {s.Runs[0].Steps} | {s.Seconds.Mean:F1} | {s.ImagesPerSecond.Mean:F0} | {s.Fd.Mean:F1} +- {s.Fd.Std:F1} | {string.Join(", ", s.Runs.Select(r => r.Quality.FrechetDistance.ToString("F1", CultureInfo.InvariantCulture)))} | {s.Precision.Mean:F3} | {s.Recall.Mean:F3} | {s.FewestClasses} | {s.Kl.Mean:F3} +- {s.Kl.Std:F3} | {s.SeedsMeetingGoal}/{s.Runs.Length} |"));
        }

        return table.ToString();
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
