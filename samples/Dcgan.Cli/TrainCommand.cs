// `dcgan train`: trains a DCGAN on Fashion-MNIST (default), an IDX file or an image folder, writing sample grids,
// checkpoints and a loss log under --output. Ctrl+C stops at the next step, saves a checkpoint and exits 0.
using System.CommandLine;
using Dcgan.CommandLine;
using Dcgan.Data;
using Dcgan.Models;
using Dcgan.Persistence;
using Dcgan.Training;
using Dcgan.Training.Callbacks;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Dcgan.Cli;

internal static class TrainCommand
{
    private static readonly Option<string?> Data = new("--data")
    {
        Description = "Training data: a folder with IDX files (train-images-idx3-ubyte[.gz]), an IDX image file, CIFAR-10/100 binary files (data_batch_N.bin, train.bin) or their folder, an LMDB folder (LSUN, holds data.mdb), or a folder of PNG/JPEG images. Default: /usr/share/datasets/fashion-mnist when installed, else the Fashion-MNIST test split shipped with the tool.",
    };

    private static readonly Option<ImageSizeArgument?> ImageSize = new("--image-size")
    {
        Description = "Image size: a side (square, b*2^k with b in 4..7: 28, 32, 48, 56, 64, ...) or height x width (64x96: each b*2^k with one k, so the width is between 4/7 and 7/4 of the height; image folders and LMDB only). Default: the data's own size for IDX (28 for Fashion-MNIST), 64 for image folders.",
        HelpName = "N|HxW",
        CustomParser = ImageSizeArgument.Parse,
    };

    private static readonly Option<int?> Epochs = new("--epochs")
    {
        Description = $"Passes over the data. Default: enough for the profile's image budget (quick-start: {TrainingProfile.QuickStart.ImageBudget:N0} images, {TrainingProfile.QuickStart.Epochs(60_000)} epochs of the full 60k set, {TrainingProfile.QuickStart.Epochs(10_000)} of the shipped 10k split).",
    };

    private static readonly Option<int?> BatchSize = new("--batch-size") { Description = $"Images per mini-batch. Default: the profile's (quick-start {TrainingProfile.QuickStart.BatchSize}, paper {TrainingProfile.Paper.BatchSize})." };

    private static readonly Option<long> Seed = new("--seed") { Description = "The one seed for weights, noise and shuffling.", DefaultValueFactory = _ => 1 };

    private static readonly Option<string> Output = new("--output") { Description = "Run folder for sample grids, checkpoints and losses.csv.", DefaultValueFactory = _ => "runs/train" };

    private static readonly Option<string?> Resume = new("--resume")
    {
        Description = "Continue exactly from a checkpoint file or run folder (its newest checkpoint that verifies; newer damaged ones are named and skipped), with the architecture, seed and training settings stored in it (--epochs may raise the total; --device says where to run it now; --profile is refused, and --batch-size, --seed and the widths must match the checkpoint's). With no value: the newest checkpoint in --output.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly Option<Preset> PresetOption = new("--preset") { Description = "Architecture: paper (dense projection, 5x5 kernels, uniform z) or pytorch (pytorch/examples: 1x1 transposed-conv projection, 4x4 kernels, normal z).", DefaultValueFactory = _ => Preset.Paper, CustomParser = OnePreset };

    private static readonly Option<int?> GeneratorWidth = new("--generator-width") { Description = $"Generator width (ngf). Default: the profile's (quick-start {TrainingProfile.QuickStart.Width}, paper: the preset's)." };

    private static readonly Option<int?> DiscriminatorWidth = new("--discriminator-width") { Description = $"Discriminator width (ndf). Default: the profile's (quick-start {TrainingProfile.QuickStart.Width}, paper: the preset's)." };

    private static readonly Option<Dcgan.Deduplication.DeduplicationMethod?> Dedup = new("--dedup")
    {
        Description = "Train on one image of each duplicate group found by exact, perceptual or semantic (the paper's autoencoder, seed 1) de-duplication (see `dcgan dedup`). Pass it again when resuming.",
    };

    private static readonly Option<string> Device = DeviceOption.Create("auto", "auto, cpu, cuda or cuda:N (checked against the devices present).");

    public static Command Create()
    {
        var command = new Command("train", "Train a DCGAN and write sample grids, checkpoints and a loss log.")
        {
            Data, TrainProfile.Option, ImageSize, Epochs, BatchSize, Seed, Output, Resume, PresetOption, GeneratorWidth, DiscriminatorWidth, Dedup, Device,
            TrainTuningOptions.LearningRate, TrainTuningOptions.Beta1, TrainTuningOptions.OnDivergence, TrainTuningOptions.Augment,
            TrainTuningOptions.Ema, TrainTuningOptions.EmaStart,
        };
        foreach (Option option in TrainObservability.Options)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellation) => Task.FromResult(Run(parse, cancellation))); // on the calling thread
        return command;
    }

    private static int Run(ParseResult parse, CancellationToken cancellation)
    {
        string output = OutputPaths.Folder(Output.Name, parse.GetValue(Output)!);
        string? resume = parse.GetResult(Resume) is null ? null : parse.GetValue(Resume) ?? output;
        TrainingResume? resumed = resume is null ? null : ResumeCheckpoint.Find(resume); // the newest valid one, naming any skipped
        string? resumeFile = resumed?.Checkpoint;
        if (resumed is not null && resumed.Architecture is null)
        {
            throw new ArgumentException(
                $"The checkpoint {resumeFile} holds networks of kind '{resumed.Info.Network?.Kind ?? "(none recorded)"}'; `dcgan train` resumes DCGAN runs only. Resume it with the library and its network builder.");
        }

        if (resumed is not null && parse.GetResult(TrainProfile.Option) is { Implicit: false })
        {
            throw new ArgumentException($"--profile sets up a new run; a resumed run keeps the settings stored in its checkpoint ({resumeFile}). Leave --profile out, or start a new run in another --output.");
        }

        if (resumed is not null && ChangedByFlags(parse, resumed).ToList() is [var changed, ..])
        {
            throw new ArgumentException($"{changed.Flag} {changed.Asked} differs from the resumed run's {changed.Kept}: a resumed run keeps the settings stored in its checkpoint ({resumeFile}). Leave {changed.Flag} out, or start a new run in another --output.");
        }

        TrainingProfile profile = parse.GetValue(TrainProfile.Option)!;
        string dataPath = DataLocation.Resolve(parse.GetValue(Data));
        ImageSizeArgument? requested = parse.GetValue(ImageSize);
        ImageShape? resumedShape = resumed?.ImageShape;
        using IImageDataSource opened = ImageDataSources.Open(dataPath, new ImageDataSourceOptions // ours to dispose
        {
            ImageSize = requested?.Height ?? resumedShape?.Height,
            ImageWidth = requested is { } r ? r.NonSquareWidth : resumedShape is { } shape && shape.Width != shape.Height ? shape.Width : null,
        });
        IImageDataSource data = opened;
        if (parse.GetValue(Dedup) is { } method)
        {
            data = new DeduplicatedDataSource(opened, DedupCommand.Find(opened, DedupCommand.Options(method)).Groups);
        }

        if (resumed is not null && (resumed.DataCount != data.Count || resumed.ImageShape != data.Shape))
        {
            throw new ArgumentException(
                $"The checkpoint {resumeFile} was trained on {resumed.DataDescription}, but this run would read {data.Description}; an exact resume needs the same data: pass it with --data.");
        }

        if (resumed is not null && resumed.DataDescription != data.Description)
        {
            AnsiConsole.MarkupLine($"[yellow]note:[/] the checkpoint was trained on {Markup.Escape(resumed.DataDescription)}; continuing on {Markup.Escape(data.Description)} (same count and shape).");
        }

        // A resumed run keeps the architecture and the trainer settings it was started with (TrainingResume's rule);
        // the command line gives only how far (--epochs raises the total), where (--device) and the divergence flags.
        DcganModelOptions architecture = resumed?.Architecture ?? NewArchitecture(parse, data, profile);
        GanTrainerOptions options;
        if (resumed is null)
        {
            options = profile.TrainerOptions(data.Count);             // the profile's batch, learning rate and epochs
            options.BatchSize = parse.GetValue(BatchSize) ?? options.BatchSize;
            options.Epochs = parse.GetValue(Epochs) ?? options.Epochs;
            options.Seed = parse.GetValue(Seed);
            options.Device = parse.GetValue(Device)!;
        }
        else
        {
            GanTrainerOptions recorded = resumed.TrainerOptions();
            options = resumed.TrainerOptions(new GanTrainerOptions { Epochs = parse.GetValue(Epochs) ?? recorded.Epochs, Device = parse.GetValue(Device)! });
        }

        TrainTuningOptions.Apply(parse, options, resuming: resumed is not null);
        long seed = options.Seed;
        new GanTrainerOptionsValidator().ThrowIfInvalid(options);

        using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
        (DcganGenerator generator, DcganDiscriminator discriminator) = DcganModels.Create(architecture, seed);
        using var newRunFolder = new NewRunFolder(output);
        using (generator)
        using (discriminator)
        {
            var losses = new LossLogCallback(output);                  // the trainer owns its callbacks and disposes them
            var checkpoints = new CheckpointCallback(output);
            var grids = new SampleGridCallback(output);
            using var trainer = new GanTrainer(generator, discriminator, data, new GanTrainerSetup
            {
                Options = options,
                Callbacks = [new RealSamplesCallback(output), losses, grids, .. TrainObservability.Callbacks(parse, output), checkpoints],
                Logger = loggerFactory.CreateLogger("dcgan"),
            });
            if (resumeFile is not null)
            {
                trainer.LoadCheckpoint(resumeFile);
                AnsiConsole.MarkupLine($"Resuming from [blue]{Markup.Escape(resumeFile)}[/] at epoch {trainer.Position.Epoch + 1}, step {trainer.Position.GlobalStep}.");
            }

            AnsiConsole.MarkupLine($"Training on [blue]{Markup.Escape(data.Description)}[/]: {data.Count:N0} images of {data.Shape}, {options.Epochs} epoch(s) of {trainer.BatchesPerEpoch} batches, architecture {architecture.Projection} projection / {architecture.KernelSize}x{architecture.KernelSize} kernels, widths {architecture.GeneratorWidth}/{architecture.DiscriminatorWidth}, batch {options.BatchSize}, learning rate {options.GeneratorLearningRate.ToString(System.Globalization.CultureInfo.InvariantCulture)}{(resumed is null ? $" (profile {profile.Name})" : " (from the checkpoint)")}, device {trainer.Device}, seed {seed}.");
            AnsiConsole.MarkupLine($"Writing to [blue]{Markup.Escape(output)}[/]");
            TrainingResult result = TrainTuningOptions.Run(trainer, output, () => TrainingProgressView.Run(trainer, options.Epochs, cancellation));

            AnsiConsole.MarkupLine(result.Outcome == TrainingOutcome.Completed
                ? $"Done: {result.StepsTrained} steps in {result.Elapsed.TotalSeconds:F0} s."
                : $"Stopped ({result.Outcome}) after {result.StepsTrained} steps; resume with:");
            if (result.Outcome != TrainingOutcome.Completed)
            {
                Console.WriteLine($"  {ResumeHint.For(parse, dataPath, output)}"); // one unwrapped line, to paste
            }

            AnsiConsole.MarkupLine($"Last sample grid: [blue]{Markup.Escape(grids.LastWritten ?? "none (no epoch finished)")}[/]");
            AnsiConsole.MarkupLine($"Last checkpoint:  [blue]{Markup.Escape(checkpoints.LastWritten ?? "none")}[/]");
            AnsiConsole.MarkupLine($"Loss log:         [blue]{Markup.Escape(losses.FilePath)}[/]");
        }

        return 0;
    }

    // Flags of settings a resumed run keeps (TrainingResume's rule) that were given with another value than the
    // checkpoint's: the same value is accepted, so the printed resume command (the same flags) works.
    private static IEnumerable<(string Flag, string Asked, string Kept)> ChangedByFlags(ParseResult parse, TrainingResume resumed)
    {
        GanTrainerOptions kept = resumed.TrainerOptions();
        DcganModelOptions? architecture = resumed.Architecture;
        (Option Flag, object? Asked, object? Kept)[] settings =
        [
            (BatchSize, parse.GetValue(BatchSize), kept.BatchSize),
            (Seed, parse.GetValue(Seed), kept.Seed),
            (GeneratorWidth, parse.GetValue(GeneratorWidth), architecture?.GeneratorWidth),
            (DiscriminatorWidth, parse.GetValue(DiscriminatorWidth), architecture?.DiscriminatorWidth),
        ];
        return settings
            .Where(s => parse.GetResult(s.Flag) is { Implicit: false } && s.Kept is not null && !Equals(Convert.ToInt64(s.Asked, System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt64(s.Kept, System.Globalization.CultureInfo.InvariantCulture)))
            .Select(s => (s.Flag.Name, Convert.ToString(s.Asked, System.Globalization.CultureInfo.InvariantCulture)!, Convert.ToString(s.Kept, System.Globalization.CultureInfo.InvariantCulture)!));
    }

    private static DcganModelOptions NewArchitecture(ParseResult parse, IImageDataSource data, TrainingProfile profile)
    {
        DcganModelOptions architecture = parse.GetValue(PresetOption) == Preset.Paper
            ? DcganModelOptions.Paper(data.Shape.Height, data.Shape.Channels)
            : DcganModelOptions.PyTorchExample(data.Shape.Height, data.Shape.Channels);
        architecture.ImageWidth = data.Shape.Width == data.Shape.Height ? null : data.Shape.Width;
        architecture = profile.Architecture(architecture);
        architecture.GeneratorWidth = parse.GetValue(GeneratorWidth) ?? architecture.GeneratorWidth;
        architecture.DiscriminatorWidth = parse.GetValue(DiscriminatorWidth) ?? architecture.DiscriminatorWidth;
        return architecture;
    }

    // One name, any case: System.CommandLine's own enum parsing would read "paper,pytorch" or "7" as some value.
    private static Preset OnePreset(System.CommandLine.Parsing.ArgumentResult result)
    {
        Preset[] presets = CommaSeparatedValues.Names<Preset>(result, "--preset");
        if (presets.Length > 1)
        {
            result.AddError($"--preset takes one of {string.Join(", ", Enum.GetNames<Preset>())}, not {presets.Length}.");
        }

        return presets.FirstOrDefault();
    }

    private enum Preset
    {
        Paper,
        PyTorch,
    }
}
