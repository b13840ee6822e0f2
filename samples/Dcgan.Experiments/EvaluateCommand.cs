// `dcgan-experiments evaluate`: sample quality of a checkpoint's generator on Fashion-MNIST (evaluation protocol B, C, D):
// Frechet distance and improved precision/recall in the frozen evaluation classifier's feature space, class
// coverage, and nearest-neighbour memorization statistics, next to the real-data references. Writes
// evaluate.json and evaluate.md. Samples of another size (e.g. 32x32) are resized to the classifier's 28x28 first.
using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text;
using Dcgan.CommandLine;
using Dcgan.Data;
using Dcgan.Evaluation;
using Dcgan.Features;
using Dcgan.Generation;
using Dcgan.Latent;
using Dcgan.Models;
using Dcgan.Persistence;
using Spectre.Console;
using TorchSharp;

namespace Dcgan.Experiments;

internal static class EvaluateCommand
{
    private const string ClosestPairsFile = "evaluate-closest-pairs.png";

    private static readonly Option<string> Checkpoint = new("--checkpoint") { Description = "A checkpoint file or run folder.", Required = true };

    private static readonly Option<string?> Data = ExperimentOptions.FashionMnistFolder();

    private static readonly Option<string?> Classifier = EvaluationClassifierFile.Option();

    private static readonly Option<int> Count = new("--count") { Description = "Generated samples to evaluate.", DefaultValueFactory = _ => 10_000 };

    private static readonly Option<long> Seed = new("--seed") { Description = "Seed of the latent vectors and of the reference subsets.", DefaultValueFactory = _ => 1 };

    private static readonly Option<string> Output = ExperimentOptions.ReportFolder("evaluate.json, evaluate.md and the closest-pairs grid");

    private static readonly Option<bool> Force = ExperimentOptions.Force();

    public static Command Create()
    {
        var command = new Command("evaluate", "Frechet distance, precision/recall, class coverage and memorization of a checkpoint's samples.")
        {
            Checkpoint, Data, Classifier, Count, Seed, Output, Force,
        };
        Interruptible.SetAction(command, Run);
        return command;
    }

    private static int Run(ParseResult parse, CancellationToken cancellation)
    {
        long seed = parse.GetValue(Seed);
        int count = parse.GetValue(Count);
        if (count is < 100 or > 100_000)
        {
            throw new ArgumentException($"--count {count} is out of range: expected 100 to 100000.");
        }

        ExperimentOptions.CheckReportFolder(parse, Output, Force, "evaluate.json", "evaluate.md", ClosestPairsFile);

        string checkpointFile = CheckpointSupport.Resolve(parse, Checkpoint); // once: a live run folder rotates its checkpoints
        EvaluationClassifier classifier = EvaluationClassifierFile.Load(parse, Classifier);
        using FashionMnistSplits splits = FashionMnistSplits.Open(ExperimentOptions.DataFolder(parse, Data), null);
        (DcganGenerator generator, CheckpointInfo checkpoint) = CheckpointModels.LoadGenerator<DcganGenerator>(checkpointFile);
        ImageShape generatorShape = generator.ImageShape;
        EvaluationClassifierFile.RequireChannels(generator);
        ImageBatch generated;
        using (generator)
        {
            using var rng = new torch.Generator(unchecked((ulong)seed), torch.CPU);          // one stream, as docs/results measured
            float[][] z = LatentNoise.SampleRows(count, generator.LatentDimension, generator.LatentDistribution, rng);
            generated = classifier.FitInput(generator.Render(z, BatchNormMode.RunningStatistics)); // e.g. 32x32 -> 28x28
        }

        cancellation.ThrowIfCancellationRequested();

        string resized = generatorShape == generated.Shape ? "" : $" (resized from {generatorShape} to {generated.Shape})";
        AnsiConsole.MarkupLine($"Generated {count} samples{resized} from step {checkpoint.GlobalStep}; computing the references ...");
        ReferenceStatisticsResult reference = ReferenceStatistics.Compute(classifier, splits.Train, splits.Test, splits.TestLabels,
            new ReferenceStatisticsOptions { Seed = seed }, cancellationToken: cancellation);
        cancellation.ThrowIfCancellationRequested();
        ImageBatch test = splits.Test.ReadAll();
        var sampleQuality = new SampleQuality(classifier, test);
        SampleQualityResult quality = sampleQuality.Evaluate(generated, cancellation);

        // A generator of another size is judged on resized samples; real training images sent through the same
        // round trip (28 -> generator size -> 28) show how much of the distance the resizing alone explains.
        SampleQualityResult? roundTrip = null;
        if (generatorShape != generated.Shape)
        {
            ImageBatch real = splits.Train.ReadImages(ImageSets.RandomSubset(splits.Train.Count, Math.Min(count, splits.Train.Count), seed + 1));
            roundTrip = sampleQuality.Evaluate(classifier.FitInput(ImageResizing.Resize(real, generatorShape)), cancellation);
        }

        cancellation.ThrowIfCancellationRequested();
        AnsiConsole.MarkupLine("Memorization: nearest training neighbours (pixels and classifier features) ...");
        ImageBatch train = splits.Train.ReadAll();
        MemorizationResult pixels = Memorization.Analyze(ImageSets.AsPixelRows(generated), ImageSets.AsPixelRows(train), ImageSets.AsPixelRows(test), cancellationToken: cancellation);
        MemorizationResult features = Memorization.Analyze(
            classifier.Features(generated, cancellation), classifier.Features(train, cancellation), classifier.Features(test, cancellation), cancellationToken: cancellation);
        cancellation.ThrowIfCancellationRequested();
        string pairs = ClosestPairsImage.Save(generated, train, pixels.ClosestPairs, Path.Combine(parse.GetValue(Output)!, ClosestPairsFile));

        (string json, string md) = Report(parse, seed, checkpointFile, count, checkpoint, generatorShape, reference, quality, roundTrip, pixels, features);
        AnsiConsole.MarkupLine($"FD {quality.FrechetDistance:F2} (floor {reference.TrainVersusTest.FrechetDistance:F2}, blur {reference.BlurredTestDistance:F2}); precision {quality.PrecisionRecall.Precision:F3}, recall {quality.PrecisionRecall.Recall:F3}; {quality.Coverage.CoveredClasses} classes, KL {quality.Coverage.KlToUniform:F4}");
        AnsiConsole.MarkupLine($"Wrote [blue]{Markup.Escape(json)}[/], [blue]{Markup.Escape(md)}[/] and [blue]{Markup.Escape(pairs)}[/]");
        return 0;
    }

    private static (string, string) Report(ParseResult parse, long seed, string checkpointFile, int count, CheckpointInfo checkpoint, ImageShape generatorShape, ReferenceStatisticsResult reference,
        SampleQualityResult quality, SampleQualityResult? roundTrip, MemorizationResult pixels, MemorizationResult features)
    {
        var numbers = new JsonObject
        {
            ["frechetDistance"] = quality.FrechetDistance,
            ["frechetFloor"] = reference.TrainVersusTest.FrechetDistance,
            ["frechetBlurReference"] = reference.BlurredTestDistance,
            ["frechetNoiseReference"] = reference.NoisyTestDistance,
            ["precision"] = quality.PrecisionRecall.Precision,
            ["recall"] = quality.PrecisionRecall.Recall,
            ["realPrecision"] = reference.TrainVersusTest.PrecisionRecall.Precision,
            ["realRecall"] = reference.TrainVersusTest.PrecisionRecall.Recall,
            ["classesCovered"] = quality.Coverage.CoveredClasses,
            ["klToUniform"] = quality.Coverage.KlToUniform,
            ["testKlToUniform"] = reference.TestCoverage.KlToUniform,
            ["classShares"] = new JsonArray(quality.Coverage.Shares.Select(s => (JsonNode)s).ToArray()),
            ["memorizationPixelFractionBelowTest1stPercentile"] = pixels.FractionBelowThreshold,
            ["memorizationFeatureFractionBelowTest1stPercentile"] = features.FractionBelowThreshold,
            ["pixelNearDuplicates"] = pixels.NearDuplicates,
            ["pixelExactDuplicates"] = pixels.ExactDuplicates,
            ["generatedCount"] = count,
            ["generatorImageShape"] = generatorShape.ToString(),
            ["classifierImageShape"] = EvaluationClassifier.InputShape.ToString(),
            ["checkpoint"] = checkpointFile,
            ["checkpointStep"] = checkpoint.GlobalStep,
            ["classifierSha256"] = reference.ClassifierSha256,
            ["classifierTestAccuracy"] = reference.TestAccuracy,
            ["realResizeRoundTrip"] = roundTrip is null ? null : new JsonObject
            {
                ["description"] = $"{count} random train images resized 28x28 -> {generatorShape} -> classifier input, scored like the samples",
                ["frechetDistance"] = roundTrip.FrechetDistance,
                ["precision"] = roundTrip.PrecisionRecall.Precision,
                ["recall"] = roundTrip.PrecisionRecall.Recall,
                ["klToUniform"] = roundTrip.Coverage.KlToUniform,
            },
        };
        string F(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
        var table = new StringBuilder()
            .AppendLine("| quantity | generated | real-data reference |")
            .AppendLine("|---|---:|---:|")
            .AppendLine($"| Frechet distance (classifier features) | {F(quality.FrechetDistance)} | floor {F(reference.TrainVersusTest.FrechetDistance)}; blur {F(reference.BlurredTestDistance)}; noise {F(reference.NoisyTestDistance)} |")
            .AppendLine($"| precision (k = 3) | {F(quality.PrecisionRecall.Precision)} | {F(reference.TrainVersusTest.PrecisionRecall.Precision)} |")
            .AppendLine($"| recall (k = 3) | {F(quality.PrecisionRecall.Recall)} | {F(reference.TrainVersusTest.PrecisionRecall.Recall)} |")
            .AppendLine($"| classes with >= 1% of samples | {quality.Coverage.CoveredClasses} | {reference.TestCoverage.CoveredClasses} |")
            .AppendLine($"| KL(p \\|\\| uniform) | {F(quality.Coverage.KlToUniform)} | {F(reference.TestCoverage.KlToUniform)} |")
            .AppendLine($"| closer to train than 1% of test images (pixels) | {F(pixels.FractionBelowThreshold)} | 0.01 by construction |")
            .AppendLine($"| closer to train than 1% of test images (features) | {F(features.FractionBelowThreshold)} | 0.01 by construction |")
            .AppendLine($"| near duplicates of a train image (pixel L2 <= 1) | {pixels.NearDuplicates} | |");
        if (roundTrip is not null)
        {
            table.AppendLine()
                .AppendLine($"Real train images through the samples' resize round trip (28x28 -> {generatorShape} -> 28x28): FD {F(roundTrip.FrechetDistance)}, precision {F(roundTrip.PrecisionRecall.Precision)}, recall {F(roundTrip.PrecisionRecall.Recall)}, KL {F(roundTrip.Coverage.KlToUniform)}.");
        }

        return ExperimentReport.Write(parse.GetValue(Output)!, "evaluate", seed, numbers, table.ToString());
    }
}
