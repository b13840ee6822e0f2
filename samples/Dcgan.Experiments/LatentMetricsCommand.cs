// `dcgan-experiments latent-metrics`: evaluation protocol section E (the paper's latent-space claims) on a checkpoint's generator:
// latent-walk statistics in lerp and slerp (norm of z, classifier confidence and Frechet distance along the path, jump
// statistic) and arithmetic stability (1 vs 3 exemplars per concept). Writes latent.json and latent.md.
using Dcgan.CommandLine;
using Dcgan.Data;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Dcgan.Evaluation;
using Dcgan.Models;
using Dcgan.Persistence;
using Spectre.Console;

namespace Dcgan.Experiments;

internal static class LatentMetricsCommand
{
    private static readonly Option<string> Checkpoint = CheckpointSupport.Option();

    private static readonly Option<string?> Data = ExperimentOptions.FashionMnistFolder();

    private static readonly Option<string?> Classifier = EvaluationClassifierFile.Option();

    private static readonly Option<int> Pairs = new("--pairs") { Description = "Random latent pairs walked between.", DefaultValueFactory = _ => 1_000 };

    private static readonly Option<int> Steps = new("--steps") { Description = "Steps per walk (steps + 1 points, both ends included).", DefaultValueFactory = _ => 9 };

    private static readonly Option<int> Trials = new("--trials") { Description = "Arithmetic trials (class pairs a != c).", DefaultValueFactory = _ => 200 };

    private static readonly Option<string> Exemplars = new("--exemplars") { Description = "Comma-separated exemplar counts per concept.", DefaultValueFactory = _ => "1,3" };

    private static readonly Option<int> Pool = new("--pool") { Description = "Latent vectors labelled by the classifier to find exemplars.", DefaultValueFactory = _ => 20_000 };

    private static readonly Option<double> Confidence = new("--confidence") { Description = "Minimum classifier confidence (max softmax) of an exemplar, in (0, 1].", DefaultValueFactory = _ => 0.9 };

    private static readonly Option<long> Seed = new("--seed") { Description = "Seed of the latent pairs, the pool, the trials and the neighbours.", DefaultValueFactory = _ => 1 };

    private static readonly Option<string> Output = ExperimentOptions.ReportFolder("latent.json and latent.md");

    private static readonly Option<bool> Force = ExperimentOptions.Force();

    public static Command Create()
    {
        var command = new Command("latent-metrics", "Latent walks (norms, confidence, FD, jumps; lerp and slerp) and arithmetic stability (1 vs 3 exemplars).")
        {
            Checkpoint, Data, Classifier, Pairs, Steps, Trials, Exemplars, Pool, Confidence, Seed, Output, Force,
        };
        Interruptible.SetAction(command, Run);
        return command;
    }

    private static int Run(ParseResult parse, CancellationToken cancellation)
    {
        long seed = parse.GetValue(Seed);
        var walkOptions = new LatentWalkOptions { Pairs = parse.GetValue(Pairs), Steps = parse.GetValue(Steps), Seed = seed };
        var arithmeticOptions = new ArithmeticStabilityOptions
        {
            Trials = parse.GetValue(Trials),
            ExemplarCounts = CommaSeparatedValues.Integers("--exemplars", parse.GetValue(Exemplars)!, "exemplar count", "1,3"),
            PoolSize = parse.GetValue(Pool),
            ConfidenceThreshold = parse.GetValue(Confidence),
            Seed = seed,
        };
        new LatentWalkOptionsValidator().ThrowIfInvalid(walkOptions);                 // both, before any slow work
        new ArithmeticStabilityOptionsValidator().ThrowIfInvalid(arithmeticOptions);
        ExperimentOptions.CheckReportFolder(parse, Output, Force, "latent.json", "latent.md");

        using EvaluationClassifier classifier = EvaluationClassifierFile.Load(parse, Classifier);
        (DcganGenerator generator, CheckpointInfo checkpoint, string checkpointFile) = CheckpointSupport.LoadGenerator(parse, Checkpoint);
        using (generator)
        {
            EvaluationClassifierFile.RequireChannels(generator);
            ImageBatch test;
            using (IdxImageDataSource testSplit = FashionMnistSplits.OpenTest(ExperimentOptions.DataFolder(parse, Data)))
            {
                test = testSplit.ReadAll();
            }

            GaussianStatistics reference = GaussianStatistics.FromFeatures(classifier.Features(test, cancellation));

            AnsiConsole.MarkupLine($"Latent walks: {walkOptions.Pairs} pairs x {walkOptions.Steps + 1} points, lerp and slerp ...");
            var clock = Stopwatch.StartNew();
            LatentWalkResult walks = LatentWalkStatistics.Compute(generator, classifier, reference, walkOptions, cancellationToken: cancellation);
            double walkSeconds = clock.Elapsed.TotalSeconds;
            AnsiConsole.MarkupLine($"  {walkSeconds:F1} s. Arithmetic: pool {arithmeticOptions.PoolSize}, {arithmeticOptions.Trials} trials, exemplars {string.Join(",", arithmeticOptions.ExemplarCounts)} ...");
            clock.Restart();
            ArithmeticStabilityResult? arithmetic = null;
            InsufficientExemplarsException? notRun = null;
            try
            {
                arithmetic = ArithmeticStability.Compute(generator, classifier, arithmeticOptions, cancellationToken: cancellation);
            }
            catch (InsufficientExemplarsException e)
            {
                notRun = e;                                                   // the walk numbers are still written, then exit 2
            }

            double arithmeticSeconds = clock.Elapsed.TotalSeconds;
            AnsiConsole.MarkupLine($"  {arithmeticSeconds:F1} s. {Markup.Escape(arithmetic?.SkipReport ?? "Arithmetic stability not run.")}");

            JsonObject numbers = Numbers(walks, arithmetic, notRun);
            numbers["checkpoint"] = checkpointFile;
            numbers["checkpointStep"] = checkpoint.GlobalStep;
            numbers["generatorImageShape"] = generator.ImageShape.ToString();
            numbers["classifierImageShape"] = EvaluationClassifier.InputShape.ToString();
            numbers["classifierSha256"] = classifier.Sha256;
            numbers["referenceImages"] = test.Count;
            numbers["walkSeconds"] = walkSeconds;
            numbers["arithmeticSeconds"] = arithmeticSeconds;
            (string json, string md) = ExperimentReport.Write(parse.GetValue(Output)!, "latent", seed, numbers, Markdown(walks, arithmetic, notRun, generator.ImageShape));
            foreach (LatentWalkModeResult mode in new[] { walks.Linear, walks.Spherical })
            {
                AnsiConsole.MarkupLine($"{mode.Mode}: midpoint ||z|| {mode.MidpointNorm:F2} (ends {walks.EndpointNorm:F2}); FD ends {mode.FrechetDistances[0]:F2}, worst {mode.FrechetDistances.Max():F2}; jumps > {mode.JumpSummary.Threshold:G3}: {mode.JumpSummary.ShareAboveThreshold:P1}");
            }

            foreach (ExemplarCountResult k in arithmetic?.ByExemplarCount ?? [])
            {
                AnsiConsole.MarkupLine($"{k.ExemplarCount} exemplar(s): result in intended class {k.ResultShare:P1} (with neighbours {k.ResultAndNeighbourShare:P1}); C alone {k.BaselineShare:P1}");
            }

            AnsiConsole.MarkupLine($"Wrote [blue]{Markup.Escape(json)}[/] and [blue]{Markup.Escape(md)}[/]");
            if (notRun is not null)
            {
                Console.Error.WriteLine($"error: arithmetic stability not run: {UserErrors.InWords(typeof(ArithmeticStabilityOptions), notRun.Message)}");
                return 2;
            }
        }

        return 0;
    }

    private static JsonObject Numbers(LatentWalkResult walks, ArithmeticStabilityResult? arithmetic, InsufficientExemplarsException? notRun)
    {
        static JsonArray Array<T>(IEnumerable<T> values) => new(values.Select(v => JsonValue.Create(v) as JsonNode).ToArray());
        static JsonNode? Finite(double v) => double.IsFinite(v) ? JsonValue.Create(v) : null; // JSON has no infinity
        JsonObject Mode(LatentWalkModeResult m) => new()
        {
            ["midpointNorm"] = m.MidpointNorm,
            ["meanNorms"] = Array(m.MeanNorms),
            ["meanConfidence"] = Array(m.MeanConfidence),
            ["frechetDistances"] = Array(m.FrechetDistances),
            ["jump"] = new JsonObject
            {
                ["mean"] = Finite(m.JumpSummary.Mean),
                ["median"] = Finite(m.JumpSummary.Median),
                ["percentile95"] = Finite(m.JumpSummary.Percentile95),
                ["max"] = Finite(m.JumpSummary.Max),
                ["threshold"] = m.JumpSummary.Threshold,
                ["shareAboveThreshold"] = m.JumpSummary.ShareAboveThreshold,
                ["infinitePaths"] = m.Jumps.Count(double.IsInfinity),
            },
        };
        var walk = new JsonObject
        {
            ["pairs"] = walks.Pairs,
            ["steps"] = walks.Steps,
            ["points"] = walks.Steps + 1,
            ["positions"] = Array(walks.Positions),
            ["endpointNorm"] = walks.EndpointNorm,
            ["lerp"] = Mode(walks.Linear),
            ["slerp"] = Mode(walks.Spherical),
        };
        if (arithmetic is null)
        {
            return new JsonObject
            {
                ["walk"] = walk,
                ["arithmetic"] = new JsonObject { ["notRun"] = notRun?.Message, ["confidentCounts"] = Array(notRun?.ConfidentCounts ?? []) },
            };
        }

        ArithmeticStabilityOptions o = arithmetic.Options;
        return new JsonObject
        {
            ["walk"] = walk,
            ["arithmetic"] = new JsonObject
            {
                ["poolSize"] = o.PoolSize,
                ["confidenceThreshold"] = o.ConfidenceThreshold,
                ["trials"] = o.Trials,
                ["neighbours"] = o.Neighbours,
                ["neighbourRadius"] = o.NeighbourRadius,
                ["confidentCounts"] = Array(arithmetic.ConfidentCounts),
                ["eligibleClasses"] = Array(arithmetic.EligibleClasses),
                ["skippedClasses"] = Array(arithmetic.SkippedClasses.Select(s => s.Class)),
                ["skipReport"] = arithmetic.SkipReport,
                ["byExemplarCount"] = new JsonArray(arithmetic.ByExemplarCount.Select(k => (JsonNode)new JsonObject
                {
                    ["exemplars"] = k.ExemplarCount,
                    ["resultShare"] = k.ResultShare,
                    ["resultAndNeighbourShare"] = k.ResultAndNeighbourShare,
                    ["baselineShare"] = k.BaselineShare,
                    ["baselineAndNeighbourShare"] = k.BaselineAndNeighbourShare,
                }).ToArray()),
            },
        };
    }

    private static string Markdown(LatentWalkResult walks, ArithmeticStabilityResult? arithmetic, InsufficientExemplarsException? notRun, ImageShape generatorShape)
    {
        static string F(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
        static string P(double v) => v.ToString("P1", CultureInfo.InvariantCulture);
        LatentWalkModeResult lerp = walks.Linear, slerp = walks.Spherical;
        var text = new StringBuilder()
            .AppendLine($"Latent walks: {walks.Pairs} random pairs, {walks.Steps} steps ({walks.Steps + 1} points including both ends), generator images {generatorShape}"
                + (generatorShape == EvaluationClassifier.InputShape ? "." : $", resized to {EvaluationClassifier.InputShape} for the classifier."))
            .AppendLine()
            .AppendLine("| t | lerp mean \\|\\|z\\|\\| | slerp mean \\|\\|z\\|\\| | lerp confidence | slerp confidence | lerp FD | slerp FD |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < walks.Positions.Count; i++)
        {
            text.AppendLine($"| {F(walks.Positions[i])} | {F(lerp.MeanNorms[i])} | {F(slerp.MeanNorms[i])} | {F(lerp.MeanConfidence[i])} | {F(slerp.MeanConfidence[i])} | {F(lerp.FrechetDistances[i])} | {F(slerp.FrechetDistances[i])} |");
        }

        text.AppendLine()
            .AppendLine($"Mean \\|\\|z\\|\\| at t = 0.5: lerp {F(lerp.MidpointNorm)}, slerp {F(slerp.MidpointNorm)}; at the ends {F(walks.EndpointNorm)}. "
                + $"FD uses {walks.Pairs} images per position and is biased upward at that size: compare positions with each other, not with 10k-sample FDs.")
            .AppendLine()
            .AppendLine($"| jump = max step / median step (classifier features) | mean | median | 95th percentile | max | share > {F(lerp.JumpSummary.Threshold)} (our threshold) |")
            .AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (LatentWalkModeResult m in new[] { lerp, slerp })
        {
            JumpSummary j = m.JumpSummary;
            text.AppendLine($"| {(m == lerp ? "lerp" : "slerp")} | {F(j.Mean)} | {F(j.Median)} | {F(j.Percentile95)} | {F(j.Max)} | {P(j.ShareAboveThreshold)} |");
        }

        if (arithmetic is null)
        {
            return text.AppendLine().AppendLine($"Arithmetic stability was not run: {notRun?.Message}").ToString();
        }

        ArithmeticStabilityOptions o = arithmetic.Options;
        text.AppendLine()
            .AppendLine($"Arithmetic stability: A - B + C with A, B disjoint exemplar sets of class a and C of class c != a; {o.Trials} trials, "
                + $"exemplars with confidence >= {F(o.ConfidenceThreshold)} among {o.PoolSize} samples, {o.Neighbours} neighbours at +-{F(o.NeighbourRadius)}. "
                + "Share assigned to the intended class c:")
            .AppendLine()
            .AppendLine("| exemplars per concept | result | result + neighbours | C alone | C alone + neighbours |")
            .AppendLine("|---:|---:|---:|---:|---:|");
        foreach (ExemplarCountResult k in arithmetic.ByExemplarCount)
        {
            text.AppendLine($"| {k.ExemplarCount} | {P(k.ResultShare)} | {P(k.ResultAndNeighbourShare)} | {P(k.BaselineShare)} | {P(k.BaselineAndNeighbourShare)} |");
        }

        return text.AppendLine().AppendLine(arithmetic.SkipReport).ToString();
    }
}
