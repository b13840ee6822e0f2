// Shared pieces of the latent-space commands (interpolate, grid, arithmetic): the common options and
// loading the generator of a checkpoint.
using System.CommandLine;
using Dcgan.Models;
using Dcgan.Persistence;
using Spectre.Console;

namespace Dcgan.Cli;

internal static class LatentCommandSupport
{
    public static Option<string> CheckpointOption() =>
        new("--checkpoint") { Description = "A checkpoint file, or a run folder (its newest checkpoint).", Required = true };

    public static Option<string> OutputOption(string defaultFolder) =>
        new("--output") { Description = "Folder to write the PNGs to (created if missing).", DefaultValueFactory = _ => defaultFolder };

    public static Option<int?> ScaleOption() =>
        new("--scale") { Description = "Integer magnification of each tile in labelled grids (default: enough to make tiles at least 56 pixels)." };

    public static (DcganGenerator Generator, CheckpointManifest Manifest) Load(ParseResult parse, Option<string> checkpoint)
    {
        (DcganGenerator generator, CheckpointManifest manifest) = CheckpointModels.LoadGenerator(parse.GetValue(checkpoint)!);
        AnsiConsole.MarkupLine(
            $"Generator from step {manifest.GlobalStep}: z {generator.LatentDimension}-d {generator.LatentDistribution}, images {generator.ImageShape}, batch norm with running statistics.");
        return (generator, manifest);
    }

    public static string OutputFolder(ParseResult parse, Option<string> output)
    {
        string folder = Path.GetFullPath(parse.GetValue(output)!);
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static int Scale(ParseResult parse, Option<int?> scale, ImageShape shape)
    {
        int? value = parse.GetValue(scale);
        if (value is < 1 or > 16)
        {
            throw new ArgumentException($"--scale {value} is out of range: expected 1 to 16.");
        }

        return value ?? Math.Max(1, (56 + shape.Width - 1) / shape.Width);
    }

    public static void Wrote(string what, string path) =>
        AnsiConsole.MarkupLine($"Wrote {Markup.Escape(what)} to [blue]{Markup.Escape(path)}[/]");
}
