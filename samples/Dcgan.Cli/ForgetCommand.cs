// `dcgan forget`: the paper's "forgetting to draw objects" experiment (section 6.3.2). Drops feature maps of a
// generator block while generating, given either the maps (--maps) or hand-drawn boxes (--boxes, a JSON file,
// see Dcgan.Forgetting.ConceptBoxFile) from which the logistic-regression probe picks them. Writes one PNG: the
// original samples on top, a blank row, then the same samples with the maps dropped.
using System.CommandLine;
using System.Globalization;
using Dcgan.CommandLine;
using Dcgan.Data;
using Dcgan.Forgetting;
using Dcgan.Generation;
using Dcgan.Imaging;
using Dcgan.Interventions;
using Dcgan.Latent;
using Dcgan.Models;
using Dcgan.Persistence;
using Spectre.Console;
using TorchSharp;

namespace Dcgan.Cli;

internal static class ForgetCommand
{
    private static readonly Option<string> Checkpoint = CheckpointSupport.Option();

    private static readonly Option<string?> Layer = new("--layer") { Description = "Generator block to drop maps from: block0 .. block{k-1}. Default: the second-highest layer (the last hidden block), as in the paper." };

    private static readonly Option<string?> Maps = new("--maps") { Description = "Comma-separated feature-map indices to drop, e.g. 3,7,12." };

    private static readonly Option<string?> Boxes = new("--boxes") { Description = "JSON file of boxes drawn on samples: { \"seed\": 5, \"count\": 16, \"boxes\": [ { \"sample\": 3, \"x\": 4, \"y\": 10, \"width\": 8, \"height\": 6 } ] } (pixels, (0,0) top-left; samples numbered as `dcgan sample --seed S --count N` lays them out, row by row). The maps with positive logistic-regression weight are dropped." };

    private static readonly Option<int?> TopK = new("--top-k") { Description = "With --boxes: drop only the k maps with the largest positive weights." };

    private static readonly Option<long?> Seed = new("--seed") { Description = "Seed of the latent vectors shown. Default: the boxes file's seed, else 1." };

    private static readonly Option<int?> Count = new("--count") { Description = "Number of samples shown. Default: the boxes file's count, else 16." };

    private static readonly Option<string> Output = new("--output") { Description = "The .png file to write: originals on top, forgotten samples below (replaced if it exists).", DefaultValueFactory = _ => "forget.png" };

    private static readonly Option<string> BatchNorm = LatentCommandSupport.BatchNormOption();

    public static Command Create()
    {
        var command = new Command("forget", "Generate samples with chosen feature maps dropped (the paper's forgetting experiment).")
        {
            Checkpoint, Layer, Maps, Boxes, TopK, Seed, Count, Output, BatchNorm,
        };
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parse)
    {
        string? mapsText = parse.GetValue(Maps);
        string? boxesPath = parse.GetValue(Boxes);
        if ((mapsText is null) == (boxesPath is null))
        {
            throw new ArgumentException("Give exactly one of --maps (e.g. 3,7,12) and --boxes FILE.");
        }

        if (mapsText is not null && parse.GetValue(TopK) is int topK)
        {
            throw new ArgumentException($"--top-k {topK} only applies with --boxes (it keeps the k maps the probe weighs highest); with --maps the maps are given.");
        }

        string output = OutputPaths.File(Output.Name, parse.GetValue(Output)!, "PNG", ".png");
        if (boxesPath is not null && !File.Exists(boxesPath))
        {
            throw new FileNotFoundException($"--boxes '{Path.GetFullPath(boxesPath)}' does not exist; give a JSON file of boxes (see `dcgan forget --help`).", boxesPath);
        }

        ConceptBoxFile? boxes = boxesPath is null ? null : ConceptBoxFile.Load(boxesPath);
        long seed = parse.GetValue(Seed) ?? boxes?.Seed ?? 1;
        int count = parse.GetValue(Count) ?? boxes?.Count ?? 16;
        if (count is < 1 or > 1024)
        {
            throw new ArgumentException($"--count {count} is out of range: expected 1 to 1024.");
        }

        BatchNormMode mode = LatentCommandSupport.BatchNorm(parse, BatchNorm);
        (DcganGenerator generator, CheckpointInfo checkpoint) = CheckpointModels.LoadGenerator<DcganGenerator>(CheckpointSupport.Resolve(parse, Checkpoint));
        using (generator)
        using (var scope = torch.NewDisposeScope())
        {
            GeneratorLayer layer = GeneratorLayer.Resolve(generator, parse.GetValue(Layer));
            int[] maps;
            if (boxes is null)
            {
                maps = layer.ValidateMaps(CommaSeparatedValues.Integers("--maps", mapsText!, "map index", "3,7,12"));
            }
            else
            {
                maps = Probe(generator, layer, boxes, parse.GetValue(TopK), mode);
            }

            torch.Tensor z = LatentTensors.ToTensor(LatentSeeds.ForSeed(generator, seed, count)); // [count, Z], as `sample --seed`
            ImageBatch original = ImageTensors.FromTensor(generator.GenerateImages(z, mode));
            ImageBatch forgotten = ImageTensors.FromTensor(FeatureMapDropout.Generate(generator, z, layer.Name, maps, mode));
            int columns = count <= 16 ? count : (int)Math.Ceiling(Math.Sqrt(count));
            ImageGrid.SavePng(Stack(original, forgotten, columns), output, columns);
            AnsiConsole.MarkupLine(
                $"Dropped {maps.Length} of {layer.Channels} maps of {Markup.Escape(layer.ToString())}: " +
                $"{(maps.Length == 0 ? "none" : string.Join(",", maps))}{(boxes is null ? "" : " (largest weight first)")}");
            AnsiConsole.MarkupLine(
                $"Wrote {count} samples (seed {seed}, step {checkpoint.GlobalStep}) to [blue]{Markup.Escape(output)}[/]: originals on top, forgotten below");
        }

        return 0;
    }

    private static int[] Probe(DcganGenerator generator, GeneratorLayer layer, ConceptBoxFile boxes, int? topK, BatchNormMode mode)
    {
        using var scope = torch.NewDisposeScope();
        torch.Tensor z = LatentTensors.ToTensor(LatentSeeds.ForSeed(generator, boxes.Seed, boxes.Count)); // [count, Z], as `sample --seed`
        var options = new ConceptProbeOptions { Layer = layer.Name, TopK = topK, BatchNorm = mode };
        ConceptProbeResult result = ConceptMapSelector.Select(generator, z, boxes.Boxes, options);
        string top = string.Join(", ", result.MapsByWeight.Take(8).Select(m =>
            string.Create(CultureInfo.InvariantCulture, $"{m}:{result.Weights[m]:+0.00;-0.00}")));
        AnsiConsole.MarkupLine(
            $"Probe on {boxes.Boxes.Count} boxes: {result.Positives} locations inside, {result.Negatives} outside, " +
            $"training accuracy {result.TrainingAccuracy:P1}; largest weights {Markup.Escape(top)}");
        return [.. result.SelectedMaps];
    }

    // Originals, padded to whole rows, a blank row, then the forgotten samples: each sample sits above its twin.
    private static ImageBatch Stack(ImageBatch top, ImageBatch bottom, int columns)
    {
        int rows = (top.Count + columns - 1) / columns;
        int slots = (2 * rows + 1) * columns;
        int size = top.Shape.ElementCount;
        var pixels = new float[slots * size];
        Array.Fill(pixels, -1f); // blank tiles are black, like the padding
        top.Pixels.CopyTo(pixels, 0);
        bottom.Pixels.CopyTo(pixels, (rows + 1) * columns * size);
        return new ImageBatch(slots, top.Shape, pixels);
    }
}
