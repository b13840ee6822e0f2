// `dcgan grid`: a grid of samples whose tile i is z number i of the indexed grid (seed, i); with --indexed each
// tile's index is drawn under it, so exemplars can be picked for `dcgan arithmetic`.
using Dcgan.Data;
using System.CommandLine;
using Dcgan.Imaging;
using Dcgan.Latent;
using Dcgan.Models;

namespace Dcgan.Cli;

internal static class GridCommand
{
    private static readonly Option<string> Checkpoint = LatentCommandSupport.CheckpointOption();

    private static readonly Option<string> Output = LatentCommandSupport.OutputOption("grid");

    private static readonly Option<long> Seed = new("--seed") { Description = "Seed of the grid: tile i's z depends only on (seed, i), not on --count.", DefaultValueFactory = _ => 1 };

    private static readonly Option<int> Count = new("--count") { Description = "Number of tiles.", DefaultValueFactory = _ => 64 };

    private static readonly Option<bool> Indexed = new("--indexed") { Description = "Draw each tile's index under it (for picking exemplars)." };

    private static readonly Option<int?> Scale = LatentCommandSupport.ScaleOption();

    public static Command Create()
    {
        var command = new Command("grid", "Generate a grid of samples; with --indexed, numbered for picking arithmetic exemplars.")
        {
            Checkpoint, Output, Seed, Count, Indexed, Scale,
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

        long seed = parse.GetValue(Seed);
        (DcganGenerator generator, _, _) = LatentCommandSupport.Load(parse, Checkpoint);
        using (generator)
        {
            string folder = LatentCommandSupport.OutputFolder(parse, Output);
            var grid = IndexedLatentGrid.For(generator, seed, count);
            ImageBatch images = generator.Render(grid.Vectors);
            if (parse.GetValue(Indexed))
            {
                string path = Path.Combine(folder, $"grid-seed{seed}-count{count}-indexed.png");
                IndexedGridImage.SavePng(images, path, scale: LatentCommandSupport.Scale(parse, Scale, images.Shape));
                LatentCommandSupport.Wrote($"an indexed grid of {count} samples (seed {seed})", path);
                Spectre.Console.AnsiConsole.MarkupLine(
                    $"Pick exemplars by index: dcgan arithmetic --grid-seed {seed} --grid-count {count} --add i,j,k --subtract i,j,k --add i,j,k ...");
            }
            else
            {
                string path = Path.Combine(folder, $"grid-seed{seed}-count{count}.png");
                ImageGrid.SavePng(images, path);
                LatentCommandSupport.Wrote($"a grid of {count} samples (seed {seed})", path);
            }
        }

        return 0;
    }
}
