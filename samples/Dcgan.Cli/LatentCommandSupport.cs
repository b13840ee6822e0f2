// Options and helpers the image-writing commands share (sample, interpolate, arithmetic, forget): output folders,
// the tile magnification of labelled grids, the batch-norm policy, and the "Wrote ..." line. Everything is checked
// before a checkpoint is loaded, and no folder is made before the first image is written.
using System.CommandLine;
using Dcgan.CommandLine;
using Dcgan.Data;
using Dcgan.Models;
using Spectre.Console;

namespace Dcgan.Cli;

internal static class LatentCommandSupport
{
    private const int MaxScale = 16;

    public static Option<string> OutputOption(string defaultFolder) =>
        new("--output") { Description = "Folder to write the PNGs to (created if missing; PNGs of the same name are replaced).", DefaultValueFactory = _ => defaultFolder };

    /// <summary>--scale N, 1 to 16, checked when the command line is parsed (before anything is loaded or written).</summary>
    public static Option<int?> ScaleOption()
    {
        var option = new Option<int?>("--scale") { Description = $"Integer magnification of each tile in labelled grids, 1 to {MaxScale} (default: enough to make tiles at least 56 pixels)." };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is int value and (< 1 or > MaxScale))
            {
                result.AddError($"--scale {value} is out of range: expected 1 to {MaxScale}.");
            }
        });
        return option;
    }

    /// <summary>--batch-norm running|batch (the enum names RunningStatistics/BatchStatistics are accepted too); read it with <see cref="BatchNorm"/>.</summary>
    public static Option<string> BatchNormOption()
    {
        var option = new Option<string>("--batch-norm")
        {
            Description = "running: each image depends only on its own z (the batch-norm running statistics); batch: the statistics of the images generated together, as during training.",
            DefaultValueFactory = _ => "running",
            HelpName = "running|batch",
        };
        option.Validators.Add(result =>
        {
            string value = result.GetValueOrDefault<string>();
            if (ParseBatchNorm(value) is null)
            {
                result.AddError($"--batch-norm '{value}' is not a batch-norm policy; expected running or batch.");
            }
        });
        return option;
    }

    public static BatchNormMode BatchNorm(ParseResult parse, Option<string> option) => ParseBatchNorm(parse.GetValue(option)!)!.Value;

    /// <summary>The --output folder, checked (not created: the first PNG written creates it). Call before loading anything.</summary>
    public static string OutputFolder(ParseResult parse, Option<string> output) => OutputPaths.Folder(output.Name, parse.GetValue(output)!);

    public static int Scale(ParseResult parse, Option<int?> scale, ImageShape shape) =>
        parse.GetValue(scale) ?? Math.Max(1, (56 + shape.Width - 1) / shape.Width);

    public static void Wrote(string what, string path) =>
        AnsiConsole.MarkupLine($"Wrote {Markup.Escape(what)} to [blue]{Markup.Escape(path)}[/]");

    private static BatchNormMode? ParseBatchNorm(string value) => value.ToLowerInvariant() switch
    {
        "running" or "runningstatistics" => BatchNormMode.RunningStatistics,
        "batch" or "batchstatistics" => BatchNormMode.BatchStatistics,
        _ => null,
    };
}
