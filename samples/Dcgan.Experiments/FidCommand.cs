// `dcgan-experiments fid`: FID, KID (mean and standard error over subsets) and precision/recall of a checkpoint's
// samples against reference statistics in pytorch-fid's .npz format, in a TorchScript extractor's feature space
// (NVIDIA's inception-2015-12-05.pt for numbers comparable with published ones; docs/fid.md says what is comparable).
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dcgan.CommandLine;
using Dcgan.Evaluation;
using Dcgan.Features;
using Dcgan.Generation;
using Dcgan.Interop;
using Dcgan.Models;
using Spectre.Console;

namespace Dcgan.Experiments;

internal static class FidCommand
{
    private static readonly Option<string> Extractor = FidOptions.Extractor();

    private static readonly Option<string> Reference = new("--reference")
    {
        Description = "Reference statistics (.npz with mu and sigma, as pytorch-fid and `fid-reference` write; with feats also KID and precision/recall).",
        Required = true,
    };

    private static readonly Option<string> Checkpoint = CheckpointSupport.Option();

    private static readonly Option<int> Count = new("--count") { Description = "Generated samples (FID50k uses 50000).", DefaultValueFactory = _ => 50_000 };

    private static readonly Option<long> Seed = new("--seed") { Description = "Seed of the latent vectors (Dcgan's seed convention) and of the KID subsets.", DefaultValueFactory = _ => 0 };

    private static readonly Option<int> BatchSize = FidOptions.BatchSize();

    private static readonly Option<string?> Output = new("--output") { Description = "A .json file for the numbers (an existing file is replaced only with --force)." };

    private static readonly Option<bool> Force = OutputPaths.ForceOption("the --output file");

    public static Command Create()
    {
        var command = new Command("fid", "FID, KID and precision/recall of a checkpoint's samples in a TorchScript extractor's feature space, against pytorch-fid reference statistics.")
        {
            Extractor, Reference, Checkpoint, Count, Seed, BatchSize, Output, Force,
        };
        Interruptible.SetAction(command, Run);
        return command;
    }

    private static int Run(ParseResult parse, CancellationToken cancellation)
    {
        string? output = parse.GetValue(Output) is string given ? OutputPaths.File(Output.Name, given, "JSON", ".json") : null;
        OutputPaths.RefuseToReplace(Output.Name, parse.GetValue(Force), output is null ? [] : [output]);
        int count = parse.GetValue(Count);
        if (count is < 10 or > 1_000_000)
        {
            throw new ArgumentException($"--count {count} is out of range: expected 10 to 1000000.");
        }

        int batchSize = FidOptions.CheckedBatchSize(parse, BatchSize);
        long seed = parse.GetValue(Seed);
        string referencePath = Path.GetFullPath(parse.GetValue(Reference)!);
        FidStatisticsFile reference = FidStatisticsFile.Read(referencePath);
        using TorchScriptFeatureExtractor extractor = FidOptions.Load(parse, Extractor);
        (DcganGenerator generator, _, string checkpoint) = CheckpointSupport.LoadGenerator(parse, Checkpoint);
        var clock = Stopwatch.StartNew();
        FeatureMatrix generated;
        using (generator)
        {
            // One image first, so that an extractor of another dimension is refused before minutes of forward passes.
            int dimension = extractor.Features(generator.RenderSeed(seed, 1), cancellationToken: cancellation).Columns;
            if (dimension != reference.Dimension)
            {
                throw new ArgumentException($"--extractor gives {dimension} features per image but --reference '{referencePath}' holds {reference.Dimension}-dimensional statistics: make the reference with the same extractor.");
            }

            AnsiConsole.MarkupLine($"Features of {count} samples (seed {seed}) with {Markup.Escape(extractor.FilePath)} ...");
            generated = StandardFeatures.FromGenerator(extractor, generator, seed, count, batchSize, cancellation);
        }

        FeatureMatrix? referenceFeatures = reference.Features is null ? null : new FeatureMatrix(reference.Features, reference.FeatureCount, reference.Dimension);
        StandardMetricsResult result = StandardMetrics.Compute(GaussianStatistics.FromMoments(reference.FeatureCount, reference.Mean, reference.Covariance),
            referenceFeatures, generated, new KernelDistanceOptions { Seed = seed }, cancellationToken: cancellation);
        Print(result, referencePath);
        if (output is not null)
        {
            OutputPaths.CreateFolderOf(output);
            var report = new
            {
                result,
                extractor = extractor.FilePath,
                featureDimension = generated.Columns,
                reference = referencePath,
                checkpoint,
                seed,
                seconds = clock.Elapsed.TotalSeconds,
                createdUtc = DateTimeOffset.UtcNow,
            };
            File.WriteAllText(output, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
            AnsiConsole.MarkupLine($"wrote [blue]{Markup.Escape(output)}[/]");
        }

        return 0;
    }

    private static void Print(StandardMetricsResult result, string referencePath)
    {
        string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
        var table = new Table().AddColumns("quantity", "value");
        table.AddRow("FID", F(result.FrechetDistance));
        if (result.KernelDistance is KernelDistanceResult kid)
        {
            table.AddRow(Markup.Escape($"KID (mean ± SE over {kid.SubsetValues.Count} subsets of {kid.SubsetSize})"), $"{F(kid.Mean)} ± {F(kid.StandardError)}");
        }

        if (result.PrecisionRecall is PrecisionRecallResult pr)
        {
            table.AddRow($"precision (k = {pr.K})", F(pr.Precision));
            table.AddRow($"recall (k = {pr.K})", F(pr.Recall));
        }

        table.AddRow("generated samples", result.GeneratedCount.ToString(CultureInfo.InvariantCulture));
        table.AddRow("reference feature rows", result.ReferenceFeatureCount.ToString(CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
        if (result.KernelDistance is null)
        {
            AnsiConsole.MarkupLine($"KID and precision/recall need the reference's features: '{Markup.Escape(referencePath)}' has mu and sigma only (make it with `dcgan-experiments fid-reference` without --no-features).");
        }
    }
}
