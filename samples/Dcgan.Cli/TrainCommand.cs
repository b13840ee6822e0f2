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

    private static readonly Option<int?> ImageSize = new("--image-size")
    {
        Description = "Side of the square images, b*2^k with b in 4..7 (28, 32, 48, 56, 64, ...). Default: the data's own size for IDX (28 for Fashion-MNIST), 64 for image folders.",
    };

    private static readonly Option<int?> Epochs = new("--epochs")
    {
        Description = $"Passes over the data. Default: enough for the profile's image budget (quick-start: {TrainProfile.QuickStart.ImageBudget:N0} images, {TrainProfile.QuickStart.Epochs(60_000)} epochs of the full 60k set, {TrainProfile.QuickStart.Epochs(10_000)} of the shipped 10k split).",
    };

    private static readonly Option<int?> BatchSize = new("--batch-size") { Description = $"Images per mini-batch. Default: the profile's (quick-start {TrainProfile.QuickStart.BatchSize}, paper {TrainProfile.PaperSettings.BatchSize})." };

    private static readonly Option<long> Seed = new("--seed") { Description = "The one seed for weights, noise and shuffling.", DefaultValueFactory = _ => 1 };

    private static readonly Option<string> Output = new("--output") { Description = "Run folder for sample grids, checkpoints and losses.csv.", DefaultValueFactory = _ => "runs/train" };

    private static readonly Option<string?> Resume = new("--resume")
    {
        Description = "Continue exactly from a checkpoint file or run folder (its newest checkpoint that verifies; newer damaged ones are named and skipped), with the architecture, seed and options stored in it (--epochs may raise the total). With no value: the newest checkpoint in --output.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly Option<Preset> PresetOption = new("--preset") { Description = "Architecture: paper (dense projection, 5x5 kernels, uniform z) or pytorch (pytorch/examples: 1x1 transposed-conv projection, 4x4 kernels, normal z).", DefaultValueFactory = _ => Preset.Paper, CustomParser = OnePreset };

    private static readonly Option<int?> GeneratorWidth = new("--generator-width") { Description = $"Generator width (ngf). Default: the profile's (quick-start {TrainProfile.QuickStart.Width}, paper: the preset's)." };

    private static readonly Option<int?> DiscriminatorWidth = new("--discriminator-width") { Description = $"Discriminator width (ndf). Default: the profile's (quick-start {TrainProfile.QuickStart.Width}, paper: the preset's)." };

    private static readonly Option<Dcgan.Deduplication.DeduplicationMethod?> Dedup = new("--dedup")
    {
        Description = "Train on one image of each duplicate group found by exact, perceptual or semantic (the paper's autoencoder, seed 1) de-duplication (see `dcgan dedup`). Pass it again when resuming.",
    };

    private static readonly Option<string> Device = new("--device") { Description = "auto, cpu, cuda or cuda:N.", DefaultValueFactory = _ => "auto" };

    public static Command Create()
    {
        var command = new Command("train", "Train a DCGAN and write sample grids, checkpoints and a loss log.")
        {
            Data, TrainProfile.Option, ImageSize, Epochs, BatchSize, Seed, Output, Resume, PresetOption, GeneratorWidth, DiscriminatorWidth, Dedup, Device,
            TrainTuningOptions.LearningRate, TrainTuningOptions.Beta1, TrainTuningOptions.OnDivergence,
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
        string? resumeFile = resume is null ? null : ResumeCheckpoint.Find(resume); // the newest valid one, naming any skipped

        CheckpointInfo? resumed = resumeFile is null ? null : Checkpoints.Read(resumeFile);
        if (resumed is not null && resumed.DcganOptions is null)
        {
            throw new ArgumentException(
                $"The checkpoint {resumeFile} holds networks of kind '{resumed.Network?.Kind ?? "(none recorded)"}'; `dcgan train` resumes DCGAN runs only. Resume it with the library and its network builder.");
        }

        if (resumed is not null && parse.GetResult(TrainProfile.Option) is { Implicit: false })
        {
            throw new ArgumentException($"--profile sets up a new run; a resumed run keeps the settings stored in its checkpoint ({resumeFile}). Leave --profile out, or start a new run in another --output.");
        }

        TrainProfile profile = parse.GetValue(TrainProfile.Option)!;
        string dataPath = DataLocation.Resolve(parse.GetValue(Data));
        int? requestedSize = parse.GetValue(ImageSize) ?? resumed?.DcganOptions?.ImageSize;
        IImageDataSource data = ImageDataSources.Open(dataPath, new ImageDataSourceOptions { ImageSize = requestedSize });
        if (parse.GetValue(Dedup) is { } method)
        {
            data = new DeduplicatedDataSource(data, DedupCommand.Find(data, DedupCommand.Options(method)).Groups);
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

        // A resumed run keeps the architecture and trainer options it was started with; only --epochs may change.
        DcganModelOptions architecture = resumed?.DcganOptions ?? NewArchitecture(parse, data, profile);
        GanTrainerOptions options = resumed?.ToTrainerOptions() ?? new GanTrainerOptions
        {
            BatchSize = parse.GetValue(BatchSize) ?? profile.BatchSize,
            GeneratorLearningRate = profile.LearningRate,
            DiscriminatorLearningRate = profile.LearningRate,
            Seed = parse.GetValue(Seed),
            Device = parse.GetValue(Device)!,
        };
        options.Epochs = parse.GetValue(Epochs) ?? resumed?.Trainer.Epochs ?? profile.Epochs(data.Count);
        TrainTuningOptions.Apply(parse, options, resuming: resumed is not null);
        long seed = options.Seed;
        new GanTrainerOptionsValidator().ThrowIfInvalid(options);

        Dcgan.Native.DeviceSelection.Resolve(options.Device); // an unavailable device fails here, before the run folder exists

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

    private static DcganModelOptions NewArchitecture(ParseResult parse, IImageDataSource data, TrainProfile profile)
    {
        DcganModelOptions architecture = parse.GetValue(PresetOption) == Preset.Paper
            ? DcganModelOptions.Paper(data.Shape.Height, data.Shape.Channels)
            : DcganModelOptions.PyTorchExample(data.Shape.Height, data.Shape.Channels);
        architecture.GeneratorWidth = parse.GetValue(GeneratorWidth) ?? profile.Width ?? architecture.GeneratorWidth;
        architecture.DiscriminatorWidth = parse.GetValue(DiscriminatorWidth) ?? profile.Width ?? architecture.DiscriminatorWidth;
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
