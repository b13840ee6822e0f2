// `dcgan-experiments train-classifier`: trains the frozen Fashion-MNIST evaluation classifier on the 60k train split, reports
// its test accuracy, and writes the weights plus a JSON record (accuracy, time, SHA-256, seed, options).
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dcgan.CommandLine;
using Dcgan.Data;
using Dcgan.Evaluation;
using Spectre.Console;

namespace Dcgan.Experiments;

internal static class TrainClassifierCommand
{
    /// <summary>
    /// The test accuracy a classifier must reach to serve as the frozen evaluation classifier (the shipped one has
    /// 0.9177). Below it the files are still written, the reason is printed, and the exit code is
    /// <see cref="CommandLineTool.QualityGateExitCode"/>.
    /// </summary>
    public const double AccuracyGate = 0.91;

    private static readonly Option<string?> Data = ExperimentOptions.FashionMnistFolder();

    private static readonly Option<string> Output = new("--output") { Description = "The .bin weights file to write (a .json record goes next to it); an existing one is replaced only with --force.", DefaultValueFactory = _ => Path.Combine(ExperimentOptions.DefaultOutputFolder, "fashion-classifier.bin") };

    private static readonly Option<bool> Force = OutputPaths.ForceOption("the weights file and its record (e.g. the frozen data/evaluation/fashion-classifier.bin)");

    private static readonly Option<int> Epochs = new("--epochs") { Description = "Passes over the 60k training images.", DefaultValueFactory = _ => new ClassifierTrainingOptions().Epochs };

    private static readonly Option<long> Seed = new("--seed") { Description = "The one seed of the run.", DefaultValueFactory = _ => 1 };

    private static readonly Option<string> Device = DeviceOption.Create("cpu", "cpu (deterministic), auto, cuda or cuda:N (checked against the devices present).");

    public static Command Create()
    {
        var command = new Command(
            "train-classifier",
            $"Train the Fashion-MNIST evaluation classifier (features for FD, precision/recall, memorization). Exit code 0 when its test accuracy reaches {AccuracyGate:0.00} (the quality gate of the frozen evaluation classifier); {CommandLineTool.QualityGateExitCode} when it does not (the files are still written, and the reason is printed); {CommandLineTool.UserErrorExitCode} for bad input.")
        {
            Data, Output, Force, Epochs, Seed, Device,
        };
        Interruptible.SetAction(command, Run);
        return command;
    }

    private static int Run(ParseResult parse, CancellationToken cancellation)
    {
        string output = OutputPaths.File(Output.Name, parse.GetValue(Output)!, "classifier weights", ".bin");
        OutputPaths.RefuseToReplace(Output.Name, parse.GetValue(Force), output, Path.ChangeExtension(output, ".json"));
        string folder = ExperimentOptions.DataFolder(parse, Data);
        long seed = parse.GetValue(Seed);
        var options = new ClassifierTrainingOptions { Epochs = parse.GetValue(Epochs), Device = parse.GetValue(Device)! };
        using IdxImageDataSource train = FashionMnistSplits.OpenTrain(folder, labelled: true);
        using IdxImageDataSource test = FashionMnistSplits.OpenTest(folder);

        var clock = Stopwatch.StartNew();
        using EvaluationClassifier classifier = EvaluationClassifier.Train(train, train.Labels!.Select(l => (int)l).ToArray(), options, seed,
            new SynchronousProgress(e => AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"epoch {e.Epoch}/{e.Epochs}  loss {e.MeanLoss:F4}  train accuracy {e.TrainAccuracy:F4}  {e.Elapsed.TotalSeconds:F0} s"))),
            cancellation);
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
        if (accuracy < AccuracyGate)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"error: test accuracy {accuracy:F4} is below {AccuracyGate:0.00}, the accuracy the evaluation classifier must reach; the files were written, but do not measure with them (train longer with --epochs, or check --data)."));
            return CommandLineTool.QualityGateExitCode;
        }

        return 0;
    }

    private sealed class SynchronousProgress(Action<ClassifierEpoch> report) : IProgress<ClassifierEpoch>
    {
        public void Report(ClassifierEpoch value) => report(value);
    }
}
