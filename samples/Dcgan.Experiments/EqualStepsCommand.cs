// `dcgan-experiments equal-steps`: the default `dcgan train` configuration (quick-start) trained for the same number of
// steps with and without a training option (DiffAugment, the generator's weight average), on the first N images of
// the Fashion-MNIST train split, once per seed; each run's 5,000 samples are scored against the 10k test images (FD,
// precision, recall, class coverage, KL).
using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Dcgan.Data;
using Dcgan.Evaluation;
using Dcgan.Training;
using Spectre.Console;

namespace Dcgan.Experiments;

internal static class EqualStepsCommand
{
    private static readonly Option<string?> Data = ExperimentOptions.FashionMnistFolder();

    private static readonly Option<string?> Classifier = EvaluationClassifierFile.Option();

    private static readonly Option<int> Images = new("--images")
    {
        Description = "Train on the first this many images of the 60k train split (6,000 = 10%; its files are already shuffled).",
        DefaultValueFactory = _ => 6000,
    };

    private static readonly Option<int> Steps = new("--steps")
    {
        Description = "Steps per run, the same for every variant (1,874 = the default `dcgan train` run).",
        DefaultValueFactory = _ => 1874,
    };

    private static readonly Option<string[]> VariantNames = new("--variants")
    {
        Description = "Variants to train (comma-separated): quick-start, quick-start-diffaugment (all three DiffAugment operations), quick-start-ema (weight average, decay 0.995). Default: quick-start,quick-start-diffaugment.",
        AllowMultipleArgumentsPerToken = true,
        CustomParser = result => result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray(),
    };

    /// <summary>The decay of quick-start-ema: a half-life of about 140 steps (about 9,000 images at batch 64, near StyleGAN2-ADA's 10k-image EMA).</summary>
    public const double EmaDecay = 0.995;

    private static readonly Option<int> Samples = new("--samples") { Description = "Generated samples scored per run.", DefaultValueFactory = _ => 5000 };

    private static readonly Option<long[]> Seeds = ExperimentOptions.Seeds("every variant is trained once per seed", [1, 2, 3]);

    private static readonly Option<string> Output = ExperimentOptions.ReportFolder("equal-steps.json and equal-steps.md");

    private static readonly Option<bool> Force = ExperimentOptions.Force();

    public static Command Create()
    {
        var command = new Command("equal-steps", "Train the quick-start configuration with and without DiffAugment for the same steps on a slice of the train split, per seed, and score the samples.")
        {
            Data, Classifier, Images, Steps, VariantNames, Samples, Seeds, Output, Force,
        };
        Interruptible.SetAction(command, Run);
        return command;
    }

    /// <summary>The variants: the quick-start configuration as it is, with DiffAugment (all three operations), with the weight average.</summary>
    internal static QualityCandidate[] Variants()
    {
        QualityCandidate quickStart = QualityCandidate.All.Single(c => c.Name == QualityCandidate.QuickStartName);
        return
        [
            quickStart with { Name = "quick-start" },
            quickStart with { Name = "quick-start-diffaugment", Augmentation = DiffAugmentPolicy.All },
            quickStart with { Name = "quick-start-ema", GeneratorEmaDecay = EmaDecay },
        ];
    }

    private static QualityCandidate[] Selected(string[]? names)
    {
        QualityCandidate[] all = Variants();
        names = names is { Length: > 0 } ? names : ["quick-start", "quick-start-diffaugment"];
        return names.Select(n => all.FirstOrDefault(v => v.Name == n)
            ?? throw new ArgumentException($"--variants: unknown variant '{n}'; expected some of {string.Join(", ", all.Select(v => v.Name))}.")).Distinct().ToArray();
    }

    private static int Run(ParseResult parse, CancellationToken cancellation)
    {
        int images = parse.GetValue(Images);
        int steps = parse.GetValue(Steps);
        int samples = parse.GetValue(Samples);
        if (images < 1 || steps < 1 || samples < 100)
        {
            throw new ArgumentException($"--images {images} / --steps {steps} / --samples {samples}: expected at least 1, 1 and 100.");
        }

        long[] seeds = parse.GetValue(Seeds)!;
        ExperimentOptions.CheckReportFolder(parse, Output, Force, "equal-steps.json", "equal-steps.md");
        string folder = ExperimentOptions.DataFolder(parse, Data);
        IdxImageDataSource test = FashionMnistSplits.OpenTest(folder);
        var train = new FirstImages(FashionMnistSplits.OpenTrain(folder, labelled: false), images);
        EvaluationClassifier classifier = EvaluationClassifierFile.Load(parse, Classifier);
        var quality = new SampleQuality(classifier, test.ReadAll());

        QualityCandidate[] variants = Selected(parse.GetValue(VariantNames));
        var runs = new List<QualityRun>();
        foreach (long seed in seeds)
        {
            foreach (QualityCandidate variant in variants)
            {
                QualityRun run = QualityTraining.TrainAndScore(variant, seed, steps, samples, train, classifier, quality, cancellation);
                runs.Add(run);
                AnsiConsole.MarkupLine(Invariant($"seed {seed}, {variant.Name}: {run.Steps} steps in {run.Seconds:F1} s, FD {run.Quality.FrechetDistance:F1}, precision {run.Quality.PrecisionRecall.Precision:F3}, recall {run.Quality.PrecisionRecall.Recall:F3}, classes {run.Quality.Coverage.CoveredClasses}, KL {run.Quality.Coverage.KlToUniform:F3} (load average {TimeToQualityCommand.LoadAverage()})"));
            }
        }

        var summaries = variants.Select(v => QualitySummary.Of(v, runs.Where(r => r.Candidate == v).ToArray(), goalFd: 200, goalKl: 0.05)).ToArray();
        var numbers = new JsonObject
        {
            ["train"] = train.Description,
            ["steps"] = steps,
            ["samples"] = samples,
            ["seeds"] = new JsonArray(seeds.Select(s => (JsonNode)s).ToArray()),
            ["variants"] = new JsonArray(summaries.Select(s => (JsonNode)s.ToJson()).ToArray()),
        };
        string heading = Invariant($"Equal steps on {train.Description}: each variant trained for {steps} steps, then {samples} samples (running batch-norm statistics) scored with the frozen evaluation classifier against the 10k test images. Seeds {string.Join(", ", seeds)}; mean +- sample std over the seeds. \"Seeds meeting goal\" is issue 14's FD <= 200, 10/10 classes, KL <= 0.05.");
        (string json, string md) = ExperimentReport.Write(parse.GetValue(Output)!, "equal-steps", seeds[0], numbers, QualitySummary.Table(summaries, heading));
        AnsiConsole.MarkupLine($"Wrote [blue]{Markup.Escape(json)}[/] and [blue]{Markup.Escape(md)}[/]");
        return 0;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
