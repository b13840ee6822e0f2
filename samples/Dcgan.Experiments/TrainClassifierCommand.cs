// `dcgan-experiments train-classifier`: trains the frozen Fashion-MNIST evaluation classifier on the 60k train split, reports
// its test accuracy, and writes the weights plus a JSON record (accuracy, time, SHA-256, seed, options).
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dcgan.Data;
using Dcgan.Evaluation;
using Spectre.Console;

namespace Dcgan.Experiments;

internal static class TrainClassifierCommand
{
    private static readonly Option<string?> Data = ExperimentOptions.FashionMnistFolder();

    private static readonly Option<string> Output = new("--output") { Description = "The weights file to write (a JSON record goes next to it).", DefaultValueFactory = _ => Path.Combine(ExperimentOptions.DefaultOutputFolder, "fashion-classifier.bin") };

    private static readonly Option<int> Epochs = new("--epochs") { Description = "Passes over the 60k training images.", DefaultValueFactory = _ => new ClassifierTrainingOptions().Epochs };

    private static readonly Option<long> Seed = new("--seed") { Description = "The one seed of the run.", DefaultValueFactory = _ => 1 };

    private static readonly Option<string> Device = new("--device") { Description = "cpu (deterministic), auto, cuda or cuda:N.", DefaultValueFactory = _ => "cpu" };

    public static Command Create()
    {
        var command = new Command("train-classifier", "Train the Fashion-MNIST evaluation classifier (features for FD, precision/recall, memorization).") { Data, Output, Epochs, Seed, Device };
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parse)
    {
        string folder = ExperimentOptions.DataFolder(parse, Data);
        string output = Path.GetFullPath(parse.GetValue(Output)!);
        long seed = parse.GetValue(Seed);
        var options = new ClassifierTrainingOptions { Epochs = parse.GetValue(Epochs), Device = parse.GetValue(Device)! };
        IdxImageDataSource train = FashionMnistSplits.OpenTrain(folder, labelled: true);
        IdxImageDataSource test = FashionMnistSplits.OpenTest(folder);

        var clock = Stopwatch.StartNew();
        using EvaluationClassifier classifier = EvaluationClassifier.Train(train, train.Labels!.Select(l => (int)l).ToArray(), options, seed,
            new SynchronousProgress(e => AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"epoch {e.Epoch}/{e.Epochs}  loss {e.MeanLoss:F4}  train accuracy {e.TrainAccuracy:F4}  {e.Elapsed.TotalSeconds:F0} s"))));
        double trainSeconds = clock.Elapsed.TotalSeconds;
        double accuracy = classifier.Accuracy(test.ReadAll(), test.Labels!.Select(l => (int)l).ToArray());
        string sha = classifier.Save(output);

        var record = new
        {
            weights = Path.GetFileName(output),
            sha256 = sha,
            bytes = new FileInfo(output).Length,
            testAccuracy = accuracy,
            trainSeconds,
            seed,
            options,
            trainImages = train.Description,
            testImages = test.Description,
            machine = $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}",
            torchSharp = typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString(),
            createdUtc = DateTimeOffset.UtcNow,
        };
        File.WriteAllText(Path.ChangeExtension(output, ".json"), JsonSerializer.Serialize(record, new JsonSerializerOptions { WriteIndented = true }));
        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"test accuracy [green]{accuracy:F4}[/]  training {trainSeconds:F0} s  SHA-256 {sha}"));
        AnsiConsole.MarkupLine($"wrote [blue]{Markup.Escape(output)}[/]");
        return accuracy >= 0.91 ? 0 : 1;
    }

    private sealed class SynchronousProgress(Action<ClassifierEpoch> report) : IProgress<ClassifierEpoch>
    {
        public void Report(ClassifierEpoch value) => report(value);
    }
}
