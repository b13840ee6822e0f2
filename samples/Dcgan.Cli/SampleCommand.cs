// `dcgan sample`: images from a trained checkpoint (or, with --backend onnx, an exported ONNX model) as one grid PNG,
// an indexed grid with each tile's number under it (--indexed, for picking `dcgan arithmetic` exemplars), a folder with
// one PNG per image, or NumPy files for FID tools (--format npy: float32 [N, C, H, W] in [-1, 1]; --format npz: uint8
// [N, H, W, C] under 'arr_0').
// Image i of --seed s is always generated from z = LatentSeeds.Row(s, i): the same in every output form and whatever
// --count is, so the images of `--count 16` are the first 16 of `--count 64`. --latent FILE.npy gives the vectors instead.
// Folders and NumPy files are written in batches of --batch-size: memory does not grow with --count. Both backends
// share the seed convention, so `--backend onnx --model g.onnx` gives the checkpoint's images within 1e-5.
using System.CommandLine;
using Dcgan.CommandLine;
using Dcgan.Data;
using Dcgan.Generation;
using Dcgan.Imaging;
using Dcgan.Latent;
using Dcgan.Models;
using Spectre.Console;

namespace Dcgan.Cli;

internal static class SampleCommand
{
    private const int MaxGridCount = 4096;
    private const int MaxCount = 10_000_000;
    private const int MaxBatchSize = 4096;

    private static readonly Option<string> Checkpoint = Optional(CheckpointSupport.Option());

    private static readonly Option<string> Backend = SampleBackend.BackendOption();

    private static readonly Option<string?> Model = SampleBackend.ModelOption();

    private static readonly Option<string?> Prior = SampleBackend.PriorOption();

    private static readonly Option<string> Output = new("--output")
    {
        Description = "A .png file: one grid of all images; a .npy or .npz file: NumPy arrays (see --format); any other path: a folder with one PNG per image (sample-0000.png, ...; older sample-*.png there are removed).",
        DefaultValueFactory = _ => "samples.png",
    };

    private static readonly Option<string?> Format = new("--format")
    {
        Description = "png: one grid; folder: one PNG per image; npy: float32 [N, C, H, W] in [-1, 1]; npz: uint8 [N, H, W, C] as 'arr_0' (torch-fidelity, clean-fid, TTUR). Default: from --output's extension.",
        HelpName = "png|folder|npy|npz",
    };

    private static readonly Option<int> Count = new("--count") { Description = $"Number of images (a grid holds at most {MaxGridCount}, laid out square-ish).", DefaultValueFactory = _ => 64 };

    private static readonly Option<long> Seed = new("--seed") { Description = "Seed of the latent vectors: image i depends only on (seed, i), not on --count or the output form.", DefaultValueFactory = _ => 1 };

    private static readonly Option<string?> Latent = new("--latent") { Description = "Generate from these vectors instead of --seed: a float32 .npy of shape (N, nz) or (N, nz, 1, 1); N images." };

    private static readonly Option<int> BatchSize = new("--batch-size") { Description = "Images per forward pass; folders and NumPy files hold at most four batches in memory (one being generated, two waiting, one being written), whatever --count is.", DefaultValueFactory = _ => 256 };

    private static readonly Option<bool> Indexed = new("--indexed") { Description = "Draw each image's index under it (for picking exemplars for `dcgan arithmetic`); needs a .png --output." };

    private static readonly Option<int?> Scale = LatentCommandSupport.ScaleOption();

    private static readonly Option<string> BatchNorm = LatentCommandSupport.BatchNormOption();

    public static Command Create()
    {
        var command = new Command("sample", "Generate images from a checkpoint (or an exported ONNX model with --backend onnx): a PNG grid, an indexed grid for picking exemplars, one PNG per image, or .npy/.npz arrays for FID tools.")
        {
            Checkpoint, Backend, Model, Prior, Output, Format, Count, Seed, Latent, BatchSize, Indexed, Scale, BatchNorm,
        };
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parse)
    {
        string output = Path.GetFullPath(parse.GetValue(Output)!);
        SampleFormat format = SampleFormats.Resolve(parse.GetValue(Format), output);
        string? latentFile = parse.GetValue(Latent);
        int count = parse.GetValue(Count);
        if (latentFile is not null && parse.GetResult(Count) is { Implicit: false })
        {
            throw new ArgumentException($"--count and --latent cannot be used together: --latent '{latentFile}' gives one image per vector.");
        }

        int maxCount = format == SampleFormat.Png ? MaxGridCount : MaxCount;
        if (latentFile is null && count is < 1 or > MaxCount || count > maxCount)
        {
            throw new ArgumentException(format == SampleFormat.Png
                ? $"--count {count} is out of range: expected 1 to {MaxGridCount}. (A grid is built in memory; --format folder, npy or npz write up to {MaxCount:N0} images in batches.)"
                : $"--count {count} is out of range: expected 1 to {MaxCount:N0}.");
        }

        int batchSize = parse.GetValue(BatchSize);
        if (batchSize is < 1 or > MaxBatchSize)
        {
            throw new ArgumentException($"--batch-size {batchSize} is out of range: expected 1 to {MaxBatchSize}.");
        }

        bool indexed = parse.GetValue(Indexed);
        if (indexed && format != SampleFormat.Png)
        {
            throw new ArgumentException($"--indexed draws one labelled grid, but --output '{output}' is a {format.ToString().ToLowerInvariant()} output; give a .png file, e.g. --output grid.png.");
        }

        _ = format == SampleFormat.Folder // writable, before loading
            ? OutputPaths.Folder(Output.Name, output)
            : OutputPaths.File(Output.Name, output, format.ToString().ToUpperInvariant(), "." + format.ToString().ToLowerInvariant());

        BatchNormMode mode = LatentCommandSupport.BatchNorm(parse, BatchNorm);
        IImageGenerator generator = SampleBackend.Open(parse, Backend, Checkpoint, Model, Prior, mode);
        using (generator as IDisposable)
        {
            SampleLatents latents = latentFile is null
                ? SampleLatents.FromSeed(generator, parse.GetValue(Seed), count)
                : SampleLatents.FromFile(generator, latentFile);
            if (latents.Count > maxCount)
            {
                throw new ArgumentException($"--latent '{latentFile}' has {latents.Count} vectors; a grid holds at most {MaxGridCount}: use --format folder, npy or npz.");
            }

            if (format == SampleFormat.Png)
            {
                SaveGrid(parse, generator, latents, mode, output, indexed);
            }
            else
            {
                Stream(generator, latents, mode, batchSize, format, output);
            }
        }

        return 0;
    }

    private static void SaveGrid(ParseResult parse, IImageGenerator generator, SampleLatents latents, BatchNormMode mode, string output, bool indexed)
    {
        int count = latents.Count;
        // With batch statistics an image depends on the images generated with it: all of them, in one batch.
        ImageBatch images = SampleBackend.Render(generator, latents.Rows(0, count), mode, batchSize: mode == BatchNormMode.BatchStatistics ? count : LatentImages.DefaultBatchSize);
        if (indexed)
        {
            IndexedGridImage.SavePng(images, output, scale: LatentCommandSupport.Scale(parse, Scale, images.Shape));
            LatentCommandSupport.Wrote($"an indexed grid of {count} samples ({latents.Description})", output);
            if (parse.GetValue(Latent) is null)
            {
                long seed = parse.GetValue(Seed);
                AnsiConsole.MarkupLine(
                    $"Pick exemplars by index: dcgan arithmetic --grid-seed {seed} --grid-count {count} --add i,j,k --subtract i,j,k --add i,j,k ...");
            }
        }
        else
        {
            ImageGrid.SavePng(images, output);
            LatentCommandSupport.Wrote($"a grid of {count} samples ({latents.Description})", output);
        }
    }

    // Generates --batch-size images at a time and hands each batch to the sink; with batch statistics, an image depends
    // on the images of its batch.
    private static void Stream(IImageGenerator generator, SampleLatents latents, BatchNormMode mode, int batchSize, SampleFormat format, string output)
    {
        int count = latents.Count;
        if (format != SampleFormat.Folder)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        }

        // Writing runs on a background task while the next batch is generated (BackgroundSampleSink); PNGs are encoded
        // with Parallel.For there (measured: benchmarks/README.md, Sampling).
        using ISampleSink sink = new BackgroundSampleSink(format switch
        {
            SampleFormat.Npy => new NpySampleSink(output, count, generator.ImageShape),
            SampleFormat.Npz => new NpzSampleSink(output, count, generator.ImageShape),
            _ => new PngFolderSampleSink(output, count, parallel: true),
        });
        for (int start = 0; start < count; start += batchSize)
        {
            int n = Math.Min(batchSize, count - start);
            sink.Write(SampleBackend.Render(generator, latents.Rows(start, n), mode, batchSize: n), start);
        }

        sink.Complete();
        string what = format switch
        {
            SampleFormat.Npy => $"{count} samples ({latents.Description}) as float32 [N, C, H, W] in [-1, 1]",
            SampleFormat.Npz => $"{count} samples ({latents.Description}) as uint8 [N, H, W, C] under '{NpzSampleSink.ArrayName}'",
            _ => $"{count} samples ({latents.Description}) as {PngFolderSampleSink.FileName(0, Math.Max(4, count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length))} ...",
        };
        LatentCommandSupport.Wrote(what, output);
    }

    private static Option<string> Optional(Option<string> option)
    {
        option.Required = false; // --backend onnx takes --model instead (SampleBackend checks which one is given)
        return option;
    }
}
