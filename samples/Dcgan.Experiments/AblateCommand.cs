// `dcgan-experiments ablate`: the paper's stability claims under one budget and the same seeds (evaluation protocol,
// part F): learning rate 2e-4 vs 1e-3, beta1 0.5 vs 0.9, and batch norm on the G output / D input vs not. Each
// variant trains the same paper-preset model (28x28 for Fashion-MNIST) for --steps steps once per seed; reported
// are the Frechet distance of its samples (frozen evaluation classifier) and loss-oscillation statistics,
// per seed and as mean and sample standard deviation over the seeds.
using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text;
using Dcgan.CommandLine;
using Dcgan.Data;
using Dcgan.Evaluation;
using Dcgan.Generation;
using Dcgan.Latent;
using Dcgan.Models;
using Dcgan.Training;
using Spectre.Console;
using TorchSharp;

namespace Dcgan.Experiments;

internal static class AblateCommand
{
    private static readonly Option<string?> Data = ExperimentOptions.FashionMnistFolder();

    private static readonly Option<string?> Classifier = EvaluationClassifierFile.Option();

    private static readonly Option<int> Steps = new("--steps") { Description = "Training steps per variant (batch 128).", DefaultValueFactory = _ => 468 };

    private static readonly Option<int> Samples = new("--samples") { Description = "Generated samples per variant for the Frechet distance.", DefaultValueFactory = _ => 5000 };

    private static readonly Option<long[]> Seeds = ExperimentOptions.Seeds("every variant is trained once per seed", [1]);

    private static readonly Option<string> Output = ExperimentOptions.ReportFolder("ablate.json and ablate.md");

    private static readonly Option<bool> Force = ExperimentOptions.Force();

    private static readonly (string Name, Action<GanTrainerOptions, DcganModelOptions> Apply)[] Variants =
    [
        ("paper (lr 2e-4, beta1 0.5)", (_, _) => { }),
        ("lr 1e-3", (t, _) => { t.GeneratorLearningRate = 1e-3; t.DiscriminatorLearningRate = 1e-3; }),
        ("beta1 0.9", (t, _) => t.Beta1 = 0.9),
        ("BN on G output and D input", (_, m) => { m.BatchNormOnGeneratorOutput = true; m.BatchNormOnDiscriminatorInput = true; }),
    ];

    public static Command Create()
    {
        var command = new Command("ablate", "The paper's stability ablation: lr, beta1 and batch-norm placement under one budget and the same seeds.")
        {
            Data, Classifier, Steps, Samples, Seeds, Output, Force,
        };
        Interruptible.SetAction(command, Run);
        return command;
    }

    private static int Run(ParseResult parse, CancellationToken cancellation)
    {
        long[] seeds = parse.GetValue(Seeds)!;
        int steps = parse.GetValue(Steps);
        int samples = parse.GetValue(Samples);
        if (steps < 10 || samples < 100)
        {
            throw new ArgumentException($"--steps {steps} / --samples {samples}: expected at least 10 steps and 100 samples.");
        }

        ExperimentOptions.CheckReportFolder(parse, Output, Force, "ablate.json", "ablate.md");

        EvaluationClassifier classifier = EvaluationClassifierFile.Load(parse, Classifier);
        using FashionMnistSplits splits = FashionMnistSplits.Open(ExperimentOptions.DataFolder(parse, Data), null);
        var quality = new SampleQuality(classifier, splits.Test.ReadAll());
        var results = new List<VariantRun>();
        foreach (long seed in seeds)
        {
            foreach ((string name, Action<GanTrainerOptions, DcganModelOptions> apply) in Variants)
            {
                VariantRun run = TrainAndScore(name, apply, seed, steps, samples, splits.Train, quality, cancellation);
                results.Add(run);
                AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"seed {seed}, {Markup.Escape(name)}: FD {run.Fd:F1}, std(G loss, 2nd half) {run.GeneratorLossStd:F3}, mean |dD loss| {run.DiscriminatorLossJump:F3}"));
            }
        }

        var summaries = Variants.Select(v => Summarise(v.Name, results.Where(r => r.Name == v.Name).ToArray())).ToArray();
        var numbers = new JsonObject
        {
            ["steps"] = steps,
            ["samples"] = samples,
            ["seeds"] = new JsonArray(seeds.Select(s => (JsonNode)s).ToArray()),
            ["variants"] = new JsonArray(summaries.Select(s => (JsonNode)s.ToJson()).ToArray()),
        };
        var table = new StringBuilder()
            .AppendLine(string.Create(CultureInfo.InvariantCulture, $"Ablation: {steps} steps of batch 128 per variant, {splits.Train.Shape.Height}x{splits.Train.Shape.Width} paper preset, FD of {samples} samples vs the 10k test images; seeds {string.Join(", ", seeds)}. Mean +- sample std over the seeds (std 0 with one seed)."))
            .AppendLine()
            .AppendLine("| variant | Frechet distance | FD per seed | std of G loss (2nd half) | mean abs change of D loss (2nd half) |")
            .AppendLine("|---|---:|---|---:|---:|");
        foreach (VariantSummary s in summaries)
        {
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {s.Name} | {s.Fd.Mean:F1} +- {s.Fd.Std:F1} | {string.Join(", ", s.Runs.Select(r => r.Fd.ToString("F1", CultureInfo.InvariantCulture)))} | {s.GeneratorLossStd.Mean:F3} +- {s.GeneratorLossStd.Std:F3} | {s.DiscriminatorLossJump.Mean:F3} +- {s.DiscriminatorLossJump.Std:F3} |"));
        }

        (string json, string md) = ExperimentReport.Write(parse.GetValue(Output)!, "ablate", seeds[0], numbers, table.ToString());
        AnsiConsole.MarkupLine($"Wrote [blue]{Markup.Escape(json)}[/] and [blue]{Markup.Escape(md)}[/]");
        return 0;
    }

    private static VariantRun TrainAndScore(string name, Action<GanTrainerOptions, DcganModelOptions> apply, long seed, int steps, int samples, IImageDataSource train, SampleQuality quality, CancellationToken cancellation)
    {
        DcganModelOptions architecture = DcganModelOptions.Paper(train.Shape.Height, train.Shape.Channels); // 28x28x1 on Fashion-MNIST
        architecture.GeneratorWidth = 64;      // the widths docs/results.md section F was measured with (the preset's are
        architecture.DiscriminatorWidth = 64;  // Figure 1's 128), as `dcgan train` uses by default
        var options = new GanTrainerOptions { Seed = seed, Device = "cpu" };
        apply(options, architecture);
        options.Epochs = (int)Math.Ceiling(steps / (double)(train.Count / options.BatchSize));
        var losses = new List<StepLosses>();
        (DcganGenerator generator, DcganDiscriminator discriminator) = DcganModels.Create(architecture, seed);
        using (generator)
        using (discriminator)
        using (var trainer = new GanTrainer(generator, discriminator, train, new GanTrainerSetup { Options = options, Callbacks = [new StepRecorder(losses, steps)] }))
        {
            trainer.Fit(cancellationToken: cancellation);
            cancellation.ThrowIfCancellationRequested(); // a cancelled Fit returns; the variant is not scored
            using var rng = new torch.Generator(unchecked((ulong)seed), torch.CPU);          // one stream, as docs/results measured
            float[][] z = LatentNoise.SampleRows(samples, generator.LatentDimension, generator.LatentDistribution, rng);
            double fd = quality.Evaluate(generator.Render(z, BatchNormMode.RunningStatistics), cancellation).FrechetDistance;
            double[] g = losses.Skip(losses.Count / 2).Select(l => l.GeneratorLoss).ToArray();
            double dJump = losses.Zip(losses.Skip(1), (a, b) => Math.Abs(b.DiscriminatorLoss - a.DiscriminatorLoss)).Skip(losses.Count / 2).Average();
            return new VariantRun(name, seed, fd, SampleStatistics.Of(g).Std, dJump, losses[^1].RealScore);
        }
    }

    private static VariantSummary Summarise(string name, VariantRun[] runs) => new(
        name,
        runs,
        SampleStatistics.Of(runs.Select(r => r.Fd).ToArray()),
        SampleStatistics.Of(runs.Select(r => r.GeneratorLossStd).ToArray()),
        SampleStatistics.Of(runs.Select(r => r.DiscriminatorLossJump).ToArray()));

    private sealed record VariantRun(string Name, long Seed, double Fd, double GeneratorLossStd, double DiscriminatorLossJump, double FinalRealScore);

    private sealed record VariantSummary(string Name, VariantRun[] Runs, SampleStatistics Fd, SampleStatistics GeneratorLossStd, SampleStatistics DiscriminatorLossJump)
    {
        public JsonObject ToJson() => new()
        {
            ["name"] = Name,
            ["frechetDistance"] = Fd.Mean,
            ["frechetDistanceStd"] = Fd.Std,
            ["generatorLossStdSecondHalf"] = GeneratorLossStd.Mean,
            ["meanAbsDiscriminatorLossChangeSecondHalf"] = DiscriminatorLossJump.Mean,
            ["runs"] = new JsonArray(Runs.Select(r => (JsonNode)new JsonObject
            {
                ["seed"] = r.Seed,
                ["frechetDistance"] = r.Fd,
                ["generatorLossStdSecondHalf"] = r.GeneratorLossStd,
                ["meanAbsDiscriminatorLossChangeSecondHalf"] = r.DiscriminatorLossJump,
                ["finalRealScore"] = r.FinalRealScore,
            }).ToArray()),
        };
    }
}
