// `dcgan sample`: images from a trained checkpoint, as one grid PNG (--output x.png), an indexed grid with each
// tile's number under it (--indexed, for picking `dcgan arithmetic` exemplars), or a folder with one PNG per image.
// Image i of --seed s is always generated from z = LatentSampler.Row(s, i): the same in every output form and
// whatever --count is, so the images of `--count 16` are the first 16 of `--count 64`.
using System.CommandLine;
using Dcgan.CommandLine;
using Dcgan.Data;
using Dcgan.Imaging;
using Dcgan.Latent;
using Dcgan.Models;
using Spectre.Console;

namespace Dcgan.Cli;

internal static class SampleCommand
{
    private const string FilePrefix = "sample-";

    private static readonly Option<string> Checkpoint = CheckpointSupport.Option();

    private static readonly Option<string> Output = new("--output")
    {
        Description = "A .png file: one grid of all images; any other path: a folder with one PNG per image (sample-0000.png, ...; older sample-*.png there are removed).",
        DefaultValueFactory = _ => "samples.png",
    };

    private static readonly Option<int> Count = new("--count") { Description = "Number of images (a grid is laid out square-ish).", DefaultValueFactory = _ => 64 };

    private static readonly Option<long> Seed = new("--seed") { Description = "Seed of the latent vectors: image i depends only on (seed, i), not on --count or the output form.", DefaultValueFactory = _ => 1 };

    private static readonly Option<bool> Indexed = new("--indexed") { Description = "Draw each image's index under it (for picking exemplars for `dcgan arithmetic`); needs a .png --output." };

    private static readonly Option<int?> Scale = LatentCommandSupport.ScaleOption();

    private static readonly Option<string> BatchNorm = LatentCommandSupport.BatchNormOption();

    public static Command Create()
    {
        var command = new Command("sample", "Generate images from a checkpoint: a PNG grid, an indexed grid for picking exemplars, or one PNG per image.")
        {
            Checkpoint, Output, Count, Seed, Indexed, Scale, BatchNorm,
        };
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

        string output = Path.GetFullPath(parse.GetValue(Output)!);
        bool toFile = output.EndsWith(".png", StringComparison.OrdinalIgnoreCase);
        string extension = Path.GetExtension(output);
        if (!toFile && extension.Length > 0 && !Directory.Exists(output))
        {
            // x.jpg would otherwise become a folder named x.jpg: say what sample writes instead.
            throw new ArgumentException(
                $"--output '{output}' has the extension {extension}, but sample writes PNG only: give a .png file for one grid, or a folder path (no extension) for one PNG per image.");
        }

        bool indexed = parse.GetValue(Indexed);
        if (indexed && !toFile)
        {
            throw new ArgumentException($"--indexed draws one labelled grid, but --output '{output}' is a folder; give a .png file, e.g. --output grid.png.");
        }

        _ = toFile ? OutputPaths.File(Output.Name, output, "PNG", ".png") : OutputPaths.Folder(Output.Name, output); // writable, before loading

        long seed = parse.GetValue(Seed);
        BatchNormMode mode = LatentCommandSupport.BatchNorm(parse, BatchNorm);
        (DcganGenerator generator, _, _) = CheckpointSupport.LoadGenerator(parse, Checkpoint, mode);
        using (generator)
        {
            float[][] z = LatentSampler.ForSeed(generator, seed, count); // z_i = LatentSampler.Row(seed, i)
            // With batch statistics an image depends on the images generated with it: all of them, in one batch.
            ImageBatch images = generator.Render(z, mode, batchSize: mode == BatchNormMode.BatchStatistics ? count : LatentImages.DefaultBatchSize);
            if (indexed)
            {
                IndexedGridImage.SavePng(images, output, scale: LatentCommandSupport.Scale(parse, Scale, images.Shape));
                LatentCommandSupport.Wrote($"an indexed grid of {count} samples (seed {seed})", output);
                AnsiConsole.MarkupLine(
                    $"Pick exemplars by index: dcgan arithmetic --grid-seed {seed} --grid-count {count} --add i,j,k --subtract i,j,k --add i,j,k ...");
            }
            else if (toFile)
            {
                ImageGrid.SavePng(images, output);
                LatentCommandSupport.Wrote($"a grid of {count} samples (seed {seed})", output);
            }
            else
            {
                SaveEach(images, output);
                LatentCommandSupport.Wrote($"{count} samples (seed {seed}) as {FilePrefix}0000.png ...", output);
            }
        }

        return 0;
    }

    // One PNG per image, numbered by its index; stale files of an earlier, larger --count are removed first.
    private static void SaveEach(ImageBatch images, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (string stale in Directory.EnumerateFiles(folder, FilePrefix + "*.png"))
        {
            File.Delete(stale);
        }

        for (int i = 0; i < images.Count; i++)
        {
            var one = new ImageBatch(1, images.Shape, images.Image(i).ToArray());
            ImageGrid.SavePng(one, Path.Combine(folder, $"{FilePrefix}{i:D4}.png"), columns: 1, padding: 0);
        }
    }
}
