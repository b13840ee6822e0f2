// Shared pieces of the latent-space commands (interpolate, grid, arithmetic, latent-metrics): the common options,
// loading the generator of a checkpoint, and checking that its images suit the evaluation classifier.
using Dcgan.Data;
using System.CommandLine;
using System.Globalization;
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

    public static (DcganGenerator Generator, CheckpointManifest Manifest, string File) Load(ParseResult parse, Option<string> checkpoint)
    {
        // Resolved once, so a report names the file that was loaded even if a live run folder rotates it away.
        string file = CheckpointLocator.Resolve(parse.GetValue(checkpoint)!);
        (DcganGenerator generator, CheckpointManifest manifest) = CheckpointModels.LoadGenerator(file);
        AnsiConsole.MarkupLine(
            $"Generator from step {manifest.GlobalStep}: z {generator.LatentDimension}-d {generator.LatentDistribution}, images {generator.ImageShape}, batch norm with running statistics.");
        return (generator, manifest, file);
    }

    /// <summary>
    /// Fails early (before any generation) when the generator's images cannot be fitted to the evaluation classifier:
    /// another size is resized, but another channel count (RGB) is not converted.
    /// </summary>
    public static void RequireClassifierChannels(IGenerator generator)
    {
        ImageShape needed = Dcgan.Evaluation.EvaluationClassifier.InputShape;
        if (generator.ImageShape.Channels != needed.Channels)
        {
            throw new ArgumentException(
                $"The generator makes {generator.ImageShape} images; the evaluation classifier takes {needed} (other sizes are resized, but {generator.ImageShape.Channels}-channel images are not converted).");
        }
    }

    /// <summary>A comma-separated list of whole numbers, e.g. "3,17,42"; the messages name the option and the bad part.</summary>
    public static int[] Integers(string option, string text, string what, string example)
    {
        string[] parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            throw new ArgumentException($"{option} '{text}' lists nothing; expected e.g. {example}.");
        }

        return parts.Select(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new ArgumentException($"{option} '{text}': '{p}' is not a valid {what}.")).ToArray();
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
