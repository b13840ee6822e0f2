// `dcgan-experiments time-to-quality`: which training configuration reaches good samples soonest. Each candidate
// (QualityCandidate.All) gets the same time budget as the baseline's --baseline-steps steps: the step budgets come
// from every candidate's seconds per step, measured in this process (alternating passes; see StepTimer). Each candidate is then trained once per seed and its 5,000 samples are scored with
// the frozen evaluation classifier: Frechet distance, precision, recall, class coverage and KL to uniform.
using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Dcgan.Data;
using Dcgan.Evaluation;
using Dcgan.Training;
using Spectre.Console;

namespace Dcgan.Experiments;

internal static class TimeToQualityCommand
{
    private static readonly Option<string?> Data = ExperimentOptions.FashionMnistFolder();

    private static readonly Option<string?> Classifier = EvaluationClassifierFile.Option();

    private static readonly Option<TrainingSplit> Train = new("--train")
    {
        Description = "What to train on: full (the 60k train split) or test (the 10k test split, the split `dcgan train` ships with). Samples are scored against the 10k test split either way.",
        DefaultValueFactory = _ => TrainingSplit.Full,
    };

    private static readonly Option<int> BaselineSteps = new("--baseline-steps")
    {
        Description = $"Steps of the baseline ({QualityCandidate.BaselineName}); every other candidate gets as many steps as fit in the same time. 468 = 60,000 images at batch 128, what `dcgan train` did by default.",
        DefaultValueFactory = _ => 468,
    };

    private static readonly Option<int> CalibrationSteps = new("--calibration-steps") { Description = "Timed steps per candidate and pass (two passes, after 2 warm-up steps).", DefaultValueFactory = _ => 8 };

    private static readonly Option<int> Samples = new("--samples") { Description = "Generated samples scored per run.", DefaultValueFactory = _ => 5000 };

    private static readonly Option<long[]> Seeds = ExperimentOptions.Seeds("every candidate is trained once per seed", [1, 2, 3]);

    private static readonly Option<string[]> Configs = new("--configs")
    {
        Description = $"Candidates to run (comma-separated). Default: all of {string.Join(", ", QualityCandidate.All.Select(c => c.Name))}.",
        AllowMultipleArgumentsPerToken = true,
        CustomParser = result => CommaSeparatedNames(result),
    };

    private static readonly Option<string> Output = ExperimentOptions.ReportFolder("time-to-quality.json and time-to-quality.md");

    private static readonly Option<bool> Force = ExperimentOptions.Force();

    /// <summary>The goal of issue 14: FD at most this, with every class covered and KL to uniform at most <see cref="GoalKl"/>.</summary>
    private const double GoalFd = 200;

    private const double GoalKl = 0.05;

    public static Command Create()
    {
        var command = new Command("time-to-quality", "Train several configurations for the same wall time (and seeds) and score their samples: which reaches good samples soonest.")
        {
            Data, Classifier, Train, BaselineSteps, CalibrationSteps, Samples, Seeds, Configs, Output, Force,
        };
        Interruptible.SetAction(command, Run);
        return command;
    }

    private static int Run(ParseResult parse, CancellationToken cancellation)
    {
        int baselineSteps = parse.GetValue(BaselineSteps);
        int calibrationSteps = parse.GetValue(CalibrationSteps);
        int samples = parse.GetValue(Samples);
        if (baselineSteps < 1 || calibrationSteps < 1 || samples < 100)
        {
            throw new ArgumentException($"--baseline-steps {baselineSteps} / --calibration-steps {calibrationSteps} / --samples {samples}: expected at least 1, 1 and 100.");
        }

        long[] seeds = parse.GetValue(Seeds)!;
        QualityCandidate[] candidates = Selected(parse.GetValue(Configs));
        ExperimentOptions.CheckReportFolder(parse, Output, Force, "time-to-quality.json", "time-to-quality.md");

        string folder = ExperimentOptions.DataFolder(parse, Data);
        TrainingSplit split = parse.GetValue(Train);
        using IdxImageDataSource test = FashionMnistSplits.OpenTest(folder);
        EvaluationClassifier classifier = EvaluationClassifierFile.Load(parse, Classifier);
        var quality = new SampleQuality(classifier, test.ReadAll());
        using var data = new TrainingData(folder, split);

        // The baseline is always calibrated: it sets the time budget.
        QualityCandidate baseline = QualityCandidate.All.Single(c => c.Name == QualityCandidate.BaselineName);
        QualityCandidate[] timed = candidates.Contains(baseline) ? candidates : [baseline, .. candidates];
        Dictionary<string, double> secondsPerStep = StepTimer.Calibrate(timed, data, calibrationSteps);
        var budgets = candidates.ToDictionary(c => c.Name, c => Math.Max(1, (int)Math.Round(baselineSteps * secondsPerStep[baseline.Name] / secondsPerStep[c.Name])));
        foreach (QualityCandidate c in timed)
        {
            AnsiConsole.MarkupLine(Invariant($"calibration: {c.Name} {secondsPerStep[c.Name] * 1000:F0} ms/step{(budgets.TryGetValue(c.Name, out int b) ? $" -> {b} steps" : "")} (load average {LoadAverage()})"));
        }

        var runs = new List<QualityRun>();
        foreach (long seed in seeds)
        {
            foreach (QualityCandidate candidate in candidates)
            {
                QualityRun run = QualityTraining.TrainAndScore(candidate, seed, budgets[candidate.Name], samples, data.For(candidate.ImageSize), classifier, quality, cancellation);
                runs.Add(run);
                AnsiConsole.MarkupLine(Invariant($"seed {seed}, {candidate.Name}: {run.Steps} steps in {run.Seconds:F1} s ({run.ImagesPerSecond:F0} img/s), FD {run.Quality.FrechetDistance:F1}, precision {run.Quality.PrecisionRecall.Precision:F3}, recall {run.Quality.PrecisionRecall.Recall:F3}, classes {run.Quality.Coverage.CoveredClasses}, KL {run.Quality.Coverage.KlToUniform:F3} (load average {LoadAverage()})"));
            }
        }

        var summaries = candidates.Select(c => QualitySummary.Of(c, runs.Where(r => r.Candidate == c).ToArray(), GoalFd, GoalKl)).ToArray();
        var numbers = new JsonObject
        {
            ["train"] = data.Describe(),
            ["baseline"] = baseline.Name,
            ["baselineSteps"] = baselineSteps,
            ["calibrationSecondsPerStep"] = new JsonObject(timed.Select(c => KeyValuePair.Create(c.Name, (JsonNode?)secondsPerStep[c.Name]))),
            ["samples"] = samples,
            ["goal"] = Invariant($"FD <= {GoalFd}, 10/10 classes, KL <= {GoalKl}"),
            ["seeds"] = new JsonArray(seeds.Select(s => (JsonNode)s).ToArray()),
            ["candidates"] = new JsonArray(summaries.Select(s => (JsonNode)s.ToJson()).ToArray()),
        };
        string table = QualitySummary.Table(summaries, Invariant($"Time to quality on the {data.Describe()}: every candidate trained for the time of {baselineSteps} steps of {baseline.Name} (step budgets from the seconds per step of each, measured in this run), then {samples} samples scored with the frozen evaluation classifier against the 10k test images. Seeds {string.Join(", ", seeds)}; mean +- sample std over the seeds. Goal: FD <= {GoalFd}, 10/10 classes, KL <= {GoalKl}."));
        (string json, string md) = ExperimentReport.Write(parse.GetValue(Output)!, "time-to-quality", seeds[0], numbers, table);
        AnsiConsole.MarkupLine($"Wrote [blue]{Markup.Escape(json)}[/] and [blue]{Markup.Escape(md)}[/]");
        return 0;
    }

    private static QualityCandidate[] Selected(string[]? names)
    {
        if (names is null || names.Length == 0)
        {
            return QualityCandidate.All;
        }

        return names.Select(n => QualityCandidate.All.FirstOrDefault(c => c.Name == n)
            ?? throw new ArgumentException($"--configs: unknown candidate '{n}'; expected some of {string.Join(", ", QualityCandidate.All.Select(c => c.Name))}.")).Distinct().ToArray();
    }

    private static string[] CommaSeparatedNames(System.CommandLine.Parsing.ArgumentResult result) =>
        result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();

    // The 1-minute load average (Linux), to judge how shared the machine was while a number was measured.
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
