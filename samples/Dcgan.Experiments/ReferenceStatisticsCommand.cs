// `dcgan-experiments reference-stats`: the real-data reference numbers of the sample-quality evaluation (FD floor, FD of blurred
// and noisy test images, precision/recall of train vs test, KL of the test predictions), printed and written as JSON.
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dcgan.CommandLine;
using Dcgan.Data;
using Dcgan.Evaluation;
using Spectre.Console;

namespace Dcgan.Experiments;

internal static class ReferenceStatisticsCommand
{
    private static readonly Option<string?> Data = ExperimentOptions.FashionMnistFolder();

    private static readonly Option<string?> Classifier = EvaluationClassifierFile.Option();

    private static readonly Option<string?> Sha256 = new("--sha256") { Description = "Refuse a classifier file with another SHA-256 (the shipped classifier is always checked against its recorded one)." };

    private static readonly Option<string?> Output = new("--output") { Description = "A .json file for the numbers (checked before computing; an existing file is replaced only with --force)." };

    private static readonly Option<bool> Force = OutputPaths.ForceOption("the --output file");

    private static readonly Option<long> Seed = new("--seed") { Description = "Seed of the train subset and the pixel noise.", DefaultValueFactory = _ => 1 };

    public static Command Create()
    {
        var command = new Command("reference-stats", "Real-vs-real reference numbers for FD, precision/recall and class coverage.") { Data, Classifier, Sha256, Output, Force, Seed };
        Interruptible.SetAction(command, Run);
        return command;
    }

    private static int Run(ParseResult parse, CancellationToken cancellation)
    {
        // The output is checked first: the computation takes about 30 s and its numbers must have somewhere to go.
        string? output = parse.GetValue(Output) is string given ? OutputPaths.File(Output.Name, given, "JSON", ".json") : null;
        OutputPaths.RefuseToReplace(Output.Name, parse.GetValue(Force), output is null ? [] : [output]);
        string folder = ExperimentOptions.DataFolder(parse, Data);
        using IdxImageDataSource train = FashionMnistSplits.OpenTrain(folder, labelled: false);
        using IdxImageDataSource test = FashionMnistSplits.OpenTest(folder);
        using EvaluationClassifier classifier = EvaluationClassifierFile.Load(parse, Classifier, parse.GetValue(Sha256));
        var clock = Stopwatch.StartNew();
        ReferenceStatisticsResult r = ReferenceStatistics.Compute(classifier, train, test, test.Labels!.Select(l => (int)l).ToArray(),
            new ReferenceStatisticsOptions { Seed = parse.GetValue(Seed) }, cancellationToken: cancellation);
        double seconds = clock.Elapsed.TotalSeconds;

        var table = new Table().AddColumns("quantity", "value");
        void Row(string name, double value) => table.AddRow(Markup.Escape(name), value.ToString("G6", CultureInfo.InvariantCulture));
        Row($"FD(train {r.TrainVersusTest.Count}, test {r.TestCount}) (floor)", r.TrainVersusTest.FrechetDistance);
        Row($"FD(test, test blurred sigma={r.Options.BlurSigma} px)", r.BlurredTestDistance);
        Row($"FD(test, test + N(0, {r.Options.NoiseStandardDeviation}^2) on [0,1] scale)", r.NoisyTestDistance);
        Row($"precision(train vs test, k={r.Options.K})", r.TrainVersusTest.PrecisionRecall.Precision);
        Row($"recall(train vs test, k={r.Options.K})", r.TrainVersusTest.PrecisionRecall.Recall);
        Row("KL(test predictions || uniform)", r.TestCoverage.KlToUniform);
        Row("classes >= 1% in test predictions", r.TestCoverage.CoveredClasses);
        Row("KL(train subset predictions || uniform)", r.TrainVersusTest.Coverage.KlToUniform);
        if (r.TestAccuracy is double accuracy)
        {
            Row("classifier test accuracy", accuracy);
        }

        Row("seconds", seconds);
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"classifier SHA-256 {r.ClassifierSha256}");
        if (output is not null)
        {
            OutputPaths.CreateFolderOf(output);
            var json = new JsonSerializerOptions { WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
            File.WriteAllText(output, JsonSerializer.Serialize(new { result = r, seconds, createdUtc = DateTimeOffset.UtcNow }, json));
            AnsiConsole.MarkupLine($"wrote [blue]{Markup.Escape(Path.GetFullPath(output))}[/]");
        }

        return 0;
    }
}
