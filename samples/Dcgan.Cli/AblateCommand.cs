// `dcgan ablate`: the paper's stability claims under one budget and one seed (evaluation protocol, part F):
// learning rate 2e-4 vs 1e-3, beta1 0.5 vs 0.9, and batch norm on the G output / D input vs not. Each variant
// trains the same 28x28 paper-preset model for --steps steps on Fashion-MNIST; reported are the Frechet
// distance of its samples (frozen evaluation classifier) and loss-oscillation statistics.
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Dcgan.Data;
using Dcgan.Evaluation;
using Dcgan.Latent;
using Dcgan.Models;
using Dcgan.Training;
using Spectre.Console;

namespace Dcgan.Cli;

internal static class AblateCommand
{
    private static readonly Option<string> Data = SharedOptions.FashionMnistFolder();

    private static readonly Option<string> Classifier = SharedOptions.EvaluationClassifier();

    private static readonly Option<int> Steps = new("--steps") { Description = "Training steps per variant (batch 128).", DefaultValueFactory = _ => 468 };

    private static readonly Option<int> Samples = new("--samples") { Description = "Generated samples per variant for the Frechet distance.", DefaultValueFactory = _ => 5000 };

    private static readonly Option<long> Seed = new("--seed") { Description = "The one seed shared by every variant.", DefaultValueFactory = _ => 1 };

    private static readonly Option<string> Output = new("--output") { Description = "Folder for ablate.json and ablate.md.", DefaultValueFactory = _ => "docs/results" };

    private static readonly (string Name, Action<GanTrainerOptions, DcganModelOptions> Apply)[] Variants =
    [
        ("paper (lr 2e-4, beta1 0.5)", (_, _) => { }),
        ("lr 1e-3", (t, _) => { t.GeneratorLearningRate = 1e-3; t.DiscriminatorLearningRate = 1e-3; }),
        ("beta1 0.9", (t, _) => t.Beta1 = 0.9),
        ("BN on G output and D input", (_, m) => { m.BatchNormOnGeneratorOutput = true; m.BatchNormOnDiscriminatorInput = true; }),
    ];

    public static Command Create()
    {
        var command = new Command("ablate", "The paper's stability ablation: lr, beta1 and batch-norm placement under one budget and seed.")
        {
            Data, Classifier, Steps, Samples, Seed, Output,
        };
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parse)
    {
        long seed = parse.GetValue(Seed);
        int steps = parse.GetValue(Steps);
        int samples = parse.GetValue(Samples);
        if (steps < 10 || samples < 100)
        {
            throw new ArgumentException($"--steps {steps} / --samples {samples}: expected at least 10 steps and 100 samples.");
        }

        EvaluationClassifier classifier = EvaluationClassifier.Load(parse.GetValue(Classifier)!);
        FashionMnistSplits splits = FashionMnistSplits.Open(parse.GetValue(Data)!, null);
        var quality = new SampleQuality(classifier, ImageSets.Read(splits.Test));
        var results = new List<(string Name, double Fd, double GeneratorLossStd, double DiscriminatorLossJump, double FinalRealScore)>();
        foreach ((string name, Action<GanTrainerOptions, DcganModelOptions> apply) in Variants)
        {
            DcganModelOptions architecture = DcganModelOptions.Paper(28, 1);
            var options = new GanTrainerOptions { Seed = seed, Device = "cpu" };
            apply(options, architecture);
            options.Epochs = (int)Math.Ceiling(steps / (double)(splits.Train.Count / options.BatchSize));
            var losses = new List<StepLosses>();
            var recorder = new StepRecorder(losses, steps);
            (DcganGenerator generator, DcganDiscriminator discriminator) = DcganModels.Create(architecture, seed);
            using (generator)
            using (discriminator)
            using (var trainer = new GanTrainer(generator, discriminator, splits.Train, options, callbacks: [recorder], architecture: architecture))
            {
                trainer.Fit();
                float[][] z = LatentSampler.SampleRows(samples, generator.LatentDimension, generator.LatentDistribution, seed);
                double fd = quality.Evaluate(generator.Render(z, BatchNormMode.RunningStatistics)).FrechetDistance;
                double[] g = losses.Skip(losses.Count / 2).Select(l => l.GeneratorLoss).ToArray();
                double gStd = Math.Sqrt(g.Sum(v => (v - g.Average()) * (v - g.Average())) / Math.Max(1, g.Length - 1));
                double dJump = losses.Zip(losses.Skip(1), (a, b) => Math.Abs(b.DiscriminatorLoss - a.DiscriminatorLoss)).Skip(losses.Count / 2).Average();
                results.Add((name, fd, gStd, dJump, losses[^1].RealScore));
                AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"{Markup.Escape(name)}: FD {fd:F1}, std(G loss, 2nd half) {gStd:F3}, mean |dD loss| {dJump:F3}"));
            }
        }

        var numbers = new JsonObject
        {
            ["steps"] = steps,
            ["samples"] = samples,
            ["variants"] = new JsonArray(results.Select(r => (JsonNode)new JsonObject
            {
                ["name"] = r.Name,
                ["frechetDistance"] = r.Fd,
                ["generatorLossStdSecondHalf"] = r.GeneratorLossStd,
                ["meanAbsDiscriminatorLossChangeSecondHalf"] = r.DiscriminatorLossJump,
                ["finalRealScore"] = r.FinalRealScore,
            }).ToArray()),
        };
        var table = new StringBuilder()
            .AppendLine($"Ablation: {steps} steps of batch 128 per variant, 28x28 paper preset, FD of {samples} samples vs the 10k test images.")
            .AppendLine()
            .AppendLine("| variant | Frechet distance | std of G loss (2nd half) | mean abs change of D loss (2nd half) |")
            .AppendLine("|---|---:|---:|---:|");
        foreach (var r in results)
        {
            table.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Name} | {r.Fd:F1} | {r.GeneratorLossStd:F3} | {r.DiscriminatorLossJump:F3} |"));
        }

        (string json, string md) = ExperimentReport.Write(parse.GetValue(Output)!, "ablate", seed, numbers, table.ToString());
        AnsiConsole.MarkupLine($"Wrote [blue]{Markup.Escape(json)}[/] and [blue]{Markup.Escape(md)}[/]");
        return 0;
    }

    /// <summary>Keeps every step's losses and stops the trainer after the step budget.</summary>
    private sealed class StepRecorder(List<StepLosses> losses, int steps) : GanCallback
    {
        public override void OnBatchEnd(GanStepArguments arguments)
        {
            losses.Add(arguments.Losses);
            if (losses.Count >= steps)
            {
                arguments.Trainer.RequestStop();
            }
        }
    }
}
