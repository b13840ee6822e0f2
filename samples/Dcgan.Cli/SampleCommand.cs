// `dcgan sample`: generates a PNG grid from a trained checkpoint.
using Dcgan.Data;
using System.CommandLine;
using Dcgan.Imaging;
using Dcgan.Latent;
using Dcgan.Models;
using Dcgan.Persistence;
using Spectre.Console;
using TorchSharp;

namespace Dcgan.Cli;

internal static class SampleCommand
{
    private static readonly Option<string> Checkpoint = new("--checkpoint") { Description = "A checkpoint file, or a run folder (its newest checkpoint).", Required = true };

    private static readonly Option<string> Output = new("--output") { Description = "The PNG file to write.", DefaultValueFactory = _ => "samples.png" };

    private static readonly Option<int> Count = new("--count") { Description = "Number of images (laid out in a square-ish grid).", DefaultValueFactory = _ => 64 };

    private static readonly Option<long> Seed = new("--seed") { Description = "Seed of the latent vectors.", DefaultValueFactory = _ => 1 };

    private static readonly Option<BatchNormMode> BatchNorm = new("--batch-norm") { Description = "RunningStatistics: each image independent of the others (default); BatchStatistics: as during training.", DefaultValueFactory = _ => BatchNormMode.RunningStatistics };

    public static Command Create()
    {
        var command = new Command("sample", "Generate a PNG grid of images from a checkpoint.") { Checkpoint, Output, Count, Seed, BatchNorm };
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parse)
    {
        int count = parse.GetValue(Count);
        if (count is < 1 or > 4096)
        {
            throw new ArgumentException($"--count {count} is out of range: expected 1 to 4096.");
        }

        (DcganGenerator generator, CheckpointManifest manifest) = CheckpointModels.LoadGenerator(parse.GetValue(Checkpoint)!);
        using (generator)
        using (var scope = torch.NewDisposeScope())
        {
            torch.Tensor z = LatentVectors.ToTensor(LatentSampler.ForSeed(generator, parse.GetValue(Seed), count)); // [count, Z]
            ImageBatch images = ImageTensors.FromTensor(generator.GenerateImages(z, parse.GetValue(BatchNorm)));
            string output = Path.GetFullPath(parse.GetValue(Output)!);
            ImageGrid.SavePng(images, output);
            AnsiConsole.MarkupLine($"Wrote {count} samples from step {manifest.GlobalStep} to [blue]{Markup.Escape(output)}[/]");
        }

        return 0;
    }
}
