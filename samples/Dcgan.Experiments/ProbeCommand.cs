// `dcgan-experiments probe`: the paper's representation-learning experiment on Fashion-MNIST (evaluation protocol, part A):
// a linear classifier on pooled discriminator features, against raw pixels and a randomly initialised
// discriminator of the same architecture. Writes probe.json and probe.md. The low-label variant (--labels-per-class)
// also trains a supervised CNN of D's architecture on each draw's labels (LowLabelCnn) and writes probe-low-label.*.
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Dcgan.CommandLine;
using Dcgan.Data;
using Dcgan.Features;
using Dcgan.Models;
using Dcgan.Persistence;
using Spectre.Console;

namespace Dcgan.Experiments;

internal static class ProbeCommand
{
    private static readonly Option<string> Checkpoint = new("--checkpoint") { Description = "A checkpoint file or run folder with the trained discriminator.", Required = true };

    private static readonly Option<string?> Data = ExperimentOptions.FashionMnistFolder();

    private static readonly Option<ProbeClassifier[]> Classifiers = new("--classifier") { Description = "LinearSvm (the paper's L2-SVM) and/or LogisticRegression (comma-separated or repeated).", DefaultValueFactory = _ => [ProbeClassifier.LinearSvm], CustomParser = r => CommaSeparatedValues.Names<ProbeClassifier>(r, "--classifier"), AllowMultipleArgumentsPerToken = true };

    private static readonly Option<int> Grid = new("--grid") { Description = "Each conv block is max-pooled to grid x grid.", DefaultValueFactory = _ => 4 };

    private static readonly Option<long> Seed = new("--seed") { Description = "Seed of the random-init discriminator (the control).", DefaultValueFactory = _ => 1 };

    private static readonly Option<int> MaxIterations = new("--max-iterations") { Description = "Cap on L-BFGS iterations / dual SVM epochs per fit (on raw pixels 100 epochs gave the same accuracy as 1000 in a third of the time).", DefaultValueFactory = _ => 200 };

    private static readonly Option<double[]> CGrid = new("--c-grid") { Description = "Regularisation constants to choose from on probe-val (comma-separated or repeated).", DefaultValueFactory = _ => [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.1, 1], CustomParser = ParseGrid, AllowMultipleArgumentsPerToken = true };

    private static readonly Option<int?> LabelsPerClass = new("--labels-per-class") { Description = "Low-label variant: train on this many labels per class from probe-train (probe-val only chooses C); writes probe-low-label.json." };

    private static readonly Option<int> Draws = new("--draws") { Description = "Low-label variant: number of random label draws (seeds seed, seed+1, ...).", DefaultValueFactory = _ => 10 };

    private static readonly Option<int> CnnEpochs = new("--cnn-epochs") { Description = "Low-label variant: epoch budget of the supervised CNN of D's architecture (the epoch is then chosen on probe-val).", DefaultValueFactory = _ => new SupervisedCnnOptions().Epochs };

    private static readonly Option<string> Output = ExperimentOptions.ReportFolder("probe.json and probe.md (probe-low-label.* with --labels-per-class)");

    private static readonly Option<bool> Force = ExperimentOptions.Force();

    private static readonly Option<int[]> Blocks = new("--blocks") { Description = "Conv blocks (0 = input side) whose pooled activations are used, comma-separated. Default: every block, as the paper does.", CustomParser = ParseBlocks, AllowMultipleArgumentsPerToken = true };

    private static readonly Option<ProbeFeatures[]> FeatureSets = new("--features") { Description = "Which feature sets to probe: Trained, Random and/or Pixels, comma-separated or repeated (controls can be skipped when exploring variants; probe.json then holds null for them).", DefaultValueFactory = _ => [ProbeFeatures.Trained, ProbeFeatures.Random, ProbeFeatures.Pixels], CustomParser = r => CommaSeparatedValues.Names<ProbeFeatures>(r, "--features"), AllowMultipleArgumentsPerToken = true };

    /// <summary>The feature sets the probe compares.</summary>
    internal enum ProbeFeatures
    {
        /// <summary>The checkpoint's discriminator.</summary>
        Trained,

        /// <summary>A randomly initialised discriminator of the same architecture (the control).</summary>
        Random,

        /// <summary>Raw pixels (the classical control).</summary>
        Pixels,
    }

    public static Command Create()
    {
        var command = new Command("probe", "Linear probe on discriminator features vs raw pixels vs a random-init discriminator (the paper's section 5).")
        {
            Checkpoint, Data, Classifiers, Grid, Blocks, FeatureSets, Seed, MaxIterations, CGrid, LabelsPerClass, Draws, CnnEpochs, Output, Force,
        };
        CnnEpochs.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError($"--cnn-epochs {r.GetValueOrDefault<int>()}: at least 1 epoch is needed.");
            }
        });
        Interruptible.SetAction(command, Run);
        return command;
    }

    private static int Run(ParseResult parse, CancellationToken cancellation)
    {
        long seed = parse.GetValue(Seed);
        string report = parse.GetValue(LabelsPerClass) is null ? "probe" : "probe-low-label";
        ExperimentOptions.CheckReportFolder(parse, Output, Force, report + ".json", report + ".md");
        var extraction = new FeatureExtractionOptions { PooledGridSize = parse.GetValue(Grid), Blocks = SelectedBlocks(parse) };
        new FeatureExtractionOptionsValidator().ThrowIfInvalid(extraction); // before anything is loaded
        // Resolved once: a run folder still being trained may rotate its checkpoints away during a long probe.
        string checkpointFile = CheckpointSupport.Resolve(parse, Checkpoint);
        (DcganDiscriminator trained, CheckpointInfo checkpoint) = CheckpointModels.LoadDiscriminator<DcganDiscriminator>(checkpointFile);
        DcganModelOptions architecture = checkpoint.DcganOptions!;
        (DcganGenerator unusedGenerator, DcganDiscriminator random) = DcganModels.Create(architecture, seed);
        unusedGenerator.Dispose();
        using FashionMnistSplits splits = FashionMnistSplits.OpenForProbe(ExperimentOptions.DataFolder(parse, Data),
            architecture.ImageSize == 28 ? null : architecture.ImageSize);
        ProbeFeatures[] featureSets = parse.GetValue(FeatureSets)!;
        ProbeClassifier[] classifiers = parse.GetValue(Classifiers)!;

        var rows = new List<(string Features, int Dimension, ProbeResult Result)>();
        var lowLabel = new List<(string Features, int Dimension, double[] Errors)>();
        using (trained)
        using (random)
        {
            foreach ((ProbeFeatures set, string name, Func<(FeatureMatrix All, FeatureMatrix Test)> features) in new (ProbeFeatures, string, Func<(FeatureMatrix, FeatureMatrix)>)[]
            {
                (ProbeFeatures.Trained, "trained discriminator", () => Extract(trained, splits, extraction, cancellation)),
                (ProbeFeatures.Random, "random-init discriminator", () => Extract(random, splits, extraction, cancellation)),
                (ProbeFeatures.Pixels, "raw pixels", () => (FashionMnistSplits.Pixels(splits.Train), FashionMnistSplits.Pixels(splits.Test))),
            }.Where(f => featureSets.Contains(f.Item1)))
            {
                var clock = Stopwatch.StartNew();
                (FeatureMatrix all, FeatureMatrix test) = features();
                AnsiConsole.MarkupLine($"{name}: {all.Columns} features for {all.Rows + test.Rows} images in {clock.Elapsed.TotalSeconds:F0} s");
                foreach (ProbeClassifier classifier in classifiers)
                {
                    var options = new LinearProbeOptions { Classifier = classifier, Seed = seed, MaxIterations = parse.GetValue(MaxIterations), CGrid = parse.GetValue(CGrid)! };
                    if (parse.GetValue(LabelsPerClass) is int perClass)
                    {
                        lowLabel.Add((name, all.Columns, LowLabelDraws(all, test, splits, perClass, parse.GetValue(Draws), seed, options, cancellation)));
                        AnsiConsole.MarkupLine($"  {classifier}: test error {Mean(lowLabel[^1].Errors):P2} +- {1.96 * Std(lowLabel[^1].Errors):P2} over {parse.GetValue(Draws)} draws of {perClass} labels per class");
                        continue;
                    }

                    ProbeResult result = LinearProbe.Run(
                        all.Slice(0, FashionMnistSplits.ProbeTrainCount), splits.TrainLabels[..FashionMnistSplits.ProbeTrainCount],
                        all.Slice(FashionMnistSplits.ProbeTrainCount, splits.ValidationCount), splits.TrainLabels[FashionMnistSplits.ProbeTrainCount..],
                        test, splits.TestLabels, splits.ClassCount, options, progress: null, cancellation);
                    AnsiConsole.MarkupLine($"  {classifier}: test accuracy [green]{result.TestAccuracy:F4}[/] (C = {result.ChosenC}, {result.Elapsed.TotalSeconds:F0} s)");
                    rows.Add((name, all.Columns, result));
                }
            }
        }

        if (lowLabel.Count > 0)
        {
            int perClass = parse.GetValue(LabelsPerClass)!.Value;
            var clock = Stopwatch.StartNew();
            LowLabelCnnResult cnn = LowLabelCnn.Run(splits, architecture, perClass, parse.GetValue(Draws), seed, parse.GetValue(CnnEpochs), cancellation);
            AnsiConsole.MarkupLine($"supervised CNN of D's architecture: test error {Mean(cnn.Errors):P2} +- {1.96 * Std(cnn.Errors):P2} over {cnn.Errors.Length} draws ({clock.Elapsed.TotalSeconds:F0} s)");
            (string lowJson, string lowMd) = LowLabelReport(parse, seed, checkpointFile, lowLabel, cnn);
            AnsiConsole.MarkupLine($"Wrote [blue]{Markup.Escape(lowJson)}[/] and [blue]{Markup.Escape(lowMd)}[/]");
            return 0;
        }

        (string json, string md) = Report(parse, seed, checkpointFile, architecture, rows);
        AnsiConsole.MarkupLine($"Wrote [blue]{Markup.Escape(json)}[/] and [blue]{Markup.Escape(md)}[/]");
        return 0;
    }

    private static double[] ParseGrid(System.CommandLine.Parsing.ArgumentResult result) =>
        CommaSeparatedValues.Parse(result, "--c-grid", (string text, out double c) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out c) && c > 0 && !double.IsInfinity(c), "a positive number") ?? [];

    // System.CommandLine gives an empty array for an array option that is not on the command line.
    private static int[]? SelectedBlocks(ParseResult parse) => parse.GetValue(Blocks) is { Length: > 0 } blocks ? blocks : null;

    private static int[] ParseBlocks(System.CommandLine.Parsing.ArgumentResult result) =>
        CommaSeparatedValues.Parse(result, "--blocks", (string text, out int block) =>
            int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out block) && block >= 0, "a block index (0, 1, ...)") ?? [];

    /// <summary>Test errors of <paramref name="draws"/> classifiers, each trained on k labels per class of probe-train.</summary>
    private static double[] LowLabelDraws(FeatureMatrix all, FeatureMatrix test, FashionMnistSplits splits, int perClass, int draws, long seed, LinearProbeOptions options, CancellationToken cancellation)
    {
        if (draws < 2)
        {
            throw new ArgumentException($"--draws {draws}: at least 2 draws are needed for a spread.");
        }

        options.RefitOnTrainAndValidation = false; // validation labels choose C only
        int[] probeTrainLabels = splits.TrainLabels[..FashionMnistSplits.ProbeTrainCount];
        FeatureMatrix validation = all.Slice(FashionMnistSplits.ProbeTrainCount, splits.ValidationCount);
        int[] validationLabels = splits.TrainLabels[FashionMnistSplits.ProbeTrainCount..];
        var errors = new double[draws];
        for (int d = 0; d < draws; d++)
        {
            int[] chosen = LowLabelCnn.Draw(splits, perClass, seed, d);
            ProbeResult result = LinearProbe.Run(all.SelectRows(chosen), chosen.Select(i => probeTrainLabels[i]).ToArray(),
                validation, validationLabels, test, splits.TestLabels, splits.ClassCount, options, progress: null, cancellation);
            errors[d] = 1 - result.TestAccuracy;
        }

        return errors;
    }

    private static double Mean(double[] values) => values.Average();

    private static double Std(double[] values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }

    private static (string, string) LowLabelReport(ParseResult parse, long seed, string checkpointFile, List<(string Features, int Dimension, double[] Errors)> results, LowLabelCnnResult cnn)
    {
        JsonObject Errors(double[] errors) => new()
        {
            ["meanTestError"] = Mean(errors),
            ["stdTestError"] = Std(errors),
            ["ci95HalfWidth"] = 1.96 * Std(errors),
            ["testErrors"] = new JsonArray(errors.Select(e => (JsonNode)e).ToArray()),
        };

        JsonObject? Entry(string features) => results.FirstOrDefault(r => r.Features == features).Errors is { } errors ? Errors(errors) : null;

        JsonObject supervised = Errors(cnn.Errors);
        supervised["bestEpochs"] = new JsonArray(cnn.BestEpochs.Select(e => (JsonNode)e).ToArray());
        supervised["secondsPerDraw"] = new JsonArray(cnn.Seconds.Select(t => (JsonNode)Math.Round(t, 1)).ToArray());
        supervised["parameters"] = cnn.ParameterCount;
        supervised["training"] = $"D's architecture with a {cnn.ClassCount}-unit output layer, N(0, 0.02) init; Adam lr {cnn.Options.LearningRate} betas {cnn.Options.Beta1}/{cnn.Options.Beta2}, " +
            $"cross-entropy, batch {cnn.Options.BatchSize}, {cnn.Options.Epochs} epochs; the epoch (every {cnn.Options.EvaluationInterval}th and the last) chosen on " +
            $"{cnn.ValidationImages} seeded probe-val images; test with running BN statistics; draw d uses the linear probes' labelled images and seed {seed} + d";

        var numbers = new JsonObject
        {
            ["labelsPerClass"] = parse.GetValue(LabelsPerClass),
            ["draws"] = parse.GetValue(Draws),
            ["discriminator"] = Entry("trained discriminator"),
            ["rawPixels"] = Entry("raw pixels"),
            ["randomDiscriminator"] = Entry("random-init discriminator"),
            ["supervisedCnn"] = supervised,
            ["checkpoint"] = checkpointFile,
        };
        var table = new StringBuilder()
            .AppendLine($"Low-label probe: {parse.GetValue(LabelsPerClass)} labels per class, {parse.GetValue(Draws)} draws; test error mean +- 1.96 std.")
            .AppendLine()
            .AppendLine("| features | dimension | test error |")
            .AppendLine("|---|---:|---:|");
        foreach ((string features, int dimension, double[] errors) in results)
        {
            table.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {features} | {dimension} | {Mean(errors):P2} +- {1.96 * Std(errors):P2} |"));
        }

        table.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| supervised CNN of D's architecture, same labels ({cnn.Options.Epochs} epochs, best on probe-val) | {cnn.ParameterCount} parameters | {Mean(cnn.Errors):P2} +- {1.96 * Std(cnn.Errors):P2} |"));
        return ExperimentReport.Write(parse.GetValue(Output)!, "probe-low-label", seed, numbers, table.ToString());
    }

    private static (FeatureMatrix All, FeatureMatrix Test) Extract(IDiscriminator discriminator, FashionMnistSplits splits, FeatureExtractionOptions options,
        CancellationToken cancellation)
    {
        // BN population statistics come from the 60k training images, never from the test set.
        var extractor = new DiscriminatorFeatureExtractor(discriminator, splits.Train, options, cancellationToken: cancellation);
        return (extractor.Extract(splits.Train, cancellation), extractor.Extract(splits.Test, cancellation));
    }

    private static (string, string) Report(ParseResult parse, long seed, string checkpointFile, DcganModelOptions architecture, List<(string Features, int Dimension, ProbeResult Result)> rows)
    {
        // With several classifiers the headline fields hold the first one's accuracy (the L2-SVM by default).
        double? Accuracy(string features) => rows.FirstOrDefault(r => r.Features == features).Result?.TestAccuracy;
        int[]? blocks = SelectedBlocks(parse);
        var numbers = new JsonObject
        {
            ["discriminatorAccuracy"] = Accuracy("trained discriminator"),
            ["rawPixelAccuracy"] = Accuracy("raw pixels"),
            ["randomDiscriminatorAccuracy"] = Accuracy("random-init discriminator"),
            ["featureDimension"] = rows.Where(r => r.Features != "raw pixels").Select(r => (int?)r.Dimension).FirstOrDefault(),
            ["pooledGrid"] = parse.GetValue(Grid),
            ["blocks"] = blocks is null ? "all" : string.Join(",", blocks),
            ["checkpoint"] = checkpointFile,
            ["architecture"] = $"{architecture.ImageSize}x{architecture.ImageSize}x{architecture.Channels}, {architecture.Projection}, kernel {architecture.KernelSize}, ngf {architecture.GeneratorWidth}, ndf {architecture.DiscriminatorWidth}",
            ["rows"] = new JsonArray(rows.Select(r => (JsonNode)new JsonObject
            {
                ["features"] = r.Features,
                ["classifier"] = r.Result.Classifier.ToString(),
                ["featureDimension"] = r.Dimension,
                ["testAccuracy"] = r.Result.TestAccuracy,
                ["chosenC"] = r.Result.ChosenC,
                ["validation"] = new JsonArray(r.Result.Candidates.Select(c => (JsonNode)new JsonObject { ["c"] = c.C, ["accuracy"] = c.ValidationAccuracy, ["converged"] = c.Converged }).ToArray()),
                ["seconds"] = Math.Round(r.Result.Elapsed.TotalSeconds, 1),
                ["finalConverged"] = r.Result.FinalConverged,
            }).ToArray()),
        };
        var table = new StringBuilder()
            .AppendLine("| features | classifier | dimension | chosen C | test accuracy | final fit converged | seconds |")
            .AppendLine("|---|---|---:|---:|---:|---|---:|");
        foreach ((string features, int dimension, ProbeResult result) in rows)
        {
            table.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {features} | {result.Classifier} | {dimension} | {result.ChosenC} | {result.TestAccuracy:F4} | {(result.FinalConverged ? "yes" : "no (cap)")} | {result.Elapsed.TotalSeconds:F0} |"));
        }

        return ExperimentReport.Write(parse.GetValue(Output)!, "probe", seed, numbers, table.ToString());
    }
}
