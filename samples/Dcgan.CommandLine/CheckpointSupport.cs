// The --checkpoint option of the commands that read a trained generator, and loading it once (so a report names
// the file that was loaded even if a live run folder rotates it away).
using System.CommandLine;
using Dcgan.Generation;
using Dcgan.Models;
using Dcgan.Persistence;
using Spectre.Console;

namespace Dcgan.CommandLine;

public static class CheckpointSupport
{
    /// <summary>--checkpoint: a checkpoint file, or a run folder (its newest checkpoint). Required.</summary>
    public static Option<string> Option() =>
        new("--checkpoint") { Description = "A checkpoint file, or a run folder (its newest checkpoint).", Required = true };

    /// <summary>
    /// Resolves the option to one checkpoint file (once: a live run folder rotates its checkpoints), refusing a file of
    /// another kind by name.
    /// </summary>
    public static string Resolve(ParseResult parse, Option<string> checkpoint) => InputFiles.Checkpoint(checkpoint.Name, parse.GetValue(checkpoint)!);

    /// <summary>Resolves the option to one file, loads its generator and prints what was loaded.</summary>
    public static (DcganGenerator Generator, CheckpointInfo Checkpoint, string File) LoadGenerator(
        ParseResult parse, Option<string> checkpoint, BatchNormMode mode = BatchNormMode.RunningStatistics)
    {
        string file = Resolve(parse, checkpoint);
        (DcganGenerator generator, CheckpointInfo info) = CheckpointModels.LoadGenerator<DcganGenerator>(file);
        AnsiConsole.MarkupLine(
            $"Generator from step {info.GlobalStep}: z {generator.LatentDimension}-d {generator.LatentDistribution}, images {generator.ImageShape}, batch norm with {(mode == BatchNormMode.RunningStatistics ? "running" : "batch")} statistics.");
        return (generator, info, file);
    }
}
