// `dcgan interpolate`: latent walks. Either between two seeds (--from/--to: the z of `dcgan sample --count 1
// --seed S`) or through --walk N points (images 0..N-1 of `dcgan sample --seed S`; walk r of --rows uses images
// r*N .. r*N+N-1). Writes one strip with one row per walk, and with --frames a frame folder per walk.
using System.CommandLine;
using Dcgan.CommandLine;
using Dcgan.Data;
using Dcgan.Generation;
using Dcgan.Imaging;
using Dcgan.Latent;
using Dcgan.Models;

namespace Dcgan.Cli;

internal static class InterpolateCommand
{
    private static readonly Option<string> Checkpoint = CheckpointSupport.Option();

    private static readonly Option<string> Output = LatentCommandSupport.OutputOption("interpolation");

    private static readonly Option<long?> From = new("--from") { Description = "Seed of the start point (the z of `dcgan sample --count 1 --seed S`)." };

    private static readonly Option<long?> To = new("--to") { Description = "Seed of the end point." };

    private static readonly Option<int?> Walk = new("--walk") { Description = "Walk through N random points instead (the paper walks 9): images 0..N-1 of `dcgan sample --seed S`." };

    private static readonly Option<long> Seed = new("--seed") { Description = "--seed of the `dcgan sample` images the --walk points come from.", DefaultValueFactory = _ => 1 };

    private static readonly Option<int> Rows = new("--rows") { Description = "Number of walks (one row each) with --walk.", DefaultValueFactory = _ => 1 };

    private static readonly Option<int> Steps = new("--steps") { Description = "Intervals per segment: a walk through N points has (N-1)*steps+1 frames.", DefaultValueFactory = _ => 8 };

    private static readonly Option<string> Mode = CreateMode();

    private static readonly Option<bool> Frames = new("--frames") { Description = "Also write each frame as frame-0000.png, ... in a frames folder." };

    public static Command Create()
    {
        var command = new Command("interpolate", "Interpolate in latent space between two seeds or along a walk through N random points.")
        {
            Checkpoint, Output, From, To, Walk, Seed, Rows, Steps, Mode, Frames,
        };
        command.SetAction(Run);
        return command;
    }

    private static Option<string> CreateMode()
    {
        var option = new Option<string>("--mode") { Description = "lerp (straight line, the paper's) or slerp (great circle).", DefaultValueFactory = _ => "lerp" };
        option.AcceptOnlyFromAmong("lerp", "slerp");
        return option;
    }

    private static int Run(ParseResult parse)
    {
        long? from = parse.GetValue(From);
        long? to = parse.GetValue(To);
        int? walk = parse.GetValue(Walk);
        int steps = parse.GetValue(Steps);
        int rows = parse.GetValue(Rows);
        LatentInterpolationMode mode = parse.GetValue(Mode) == "slerp" ? LatentInterpolationMode.Spherical : LatentInterpolationMode.Linear;
        if (walk is not null && (from is not null || to is not null))
        {
            throw new ArgumentException($"--walk {walk} cannot be combined with {(from is not null ? "--from" : "--to")}: give either --from and --to (two seeds) or --walk N.");
        }

        if (walk is null && (from is null || to is null))
        {
            throw new ArgumentException(from is null && to is null
                ? "Give --from and --to (the seeds of the two end points, e.g. --from 2 --to 7), or --walk N (a walk through N random points)."
                : $"{(from is null ? "--to" : "--from")} needs {(from is null ? "--from" : "--to")}: an interpolation goes between two seeds, e.g. --from 2 --to 7.");
        }

        if (walk is null && parse.GetResult(Rows) is { Implicit: false })
        {
            throw new ArgumentException($"--rows {rows} needs --walk: it sets the number of walks; an interpolation between --from and --to is one row.");
        }

        if (walk is < 2 or > 64)
        {
            throw new ArgumentException($"--walk {walk} is out of range: expected 2 to 64 points.");
        }

        if (steps is < 1 or > 256)
        {
            throw new ArgumentException($"--steps {steps} is out of range: expected 1 to 256.");
        }

        if (rows is < 1 or > 32)
        {
            throw new ArgumentException($"--rows {rows} is out of range: expected 1 to 32.");
        }

        string folder = LatentCommandSupport.OutputFolder(parse, Output);
        (DcganGenerator generator, _, _) = CheckpointSupport.LoadGenerator(parse, Checkpoint);
        using (generator)
        {
            var walks = new List<float[][]>();
            if (walk is int n)
            {
                var grid = IndexedLatentGrid.For(generator, parse.GetValue(Seed), n * rows);
                for (int r = 0; r < rows; r++)
                {
                    walks.Add(LatentInterpolation.Walk(grid.Select(Enumerable.Range(r * n, n)), steps, mode));
                }
            }
            else
            {
                float[] a = LatentSeeds.ForSeed(generator, from!.Value, 1)[0];                 // image 0 of `sample --seed from`
                float[] b = LatentSeeds.ForSeed(generator, to!.Value, 1)[0];
                walks.Add(LatentInterpolation.Path(a, b, steps, mode));
            }

            List<ImageBatch> images = walks.Select(w => generator.Render(w)).ToList();
            string strip = Path.Combine(folder, "interpolation.png");
            ImageRows.SaveStrip(images, strip);
            LatentCommandSupport.Wrote($"{walks.Count} {parse.GetValue(Mode)} walk(s) of {images[0].Count} frames (one row each)", strip);
            if (parse.GetValue(Frames))
            {
                for (int r = 0; r < images.Count; r++)
                {
                    string frames = Path.Combine(folder, images.Count == 1 ? "frames" : $"frames-{r:D2}");
                    ImageRows.SaveFrames(images[r], frames);
                    LatentCommandSupport.Wrote($"{images[r].Count} frames (frame-0000.png ...)", frames);
                }
            }
        }

        return 0;
    }
}
