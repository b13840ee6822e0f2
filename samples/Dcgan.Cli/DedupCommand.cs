// `dcgan dedup`: finds (near) duplicate training images by the exact, perceptual or semantic (the paper's autoencoder)
// test and writes a JSON report (groups, sizes, thresholds, seconds) and a PNG of the largest groups side by side.
using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dcgan.CommandLine;
using Dcgan.Data;
using Dcgan.Deduplication;
using Spectre.Console;

namespace Dcgan.Cli;

internal static class DedupCommand
{
    private static readonly Option<string?> Data = new("--data")
    {
        Description = "Images to examine: a folder with IDX files, an IDX image file, or a folder of PNG/JPEG images. Default: /usr/share/datasets/fashion-mnist when installed, else the Fashion-MNIST test split shipped with the tool.",
    };

    private static readonly Option<DeduplicationMethod> Method = new("--method")
    {
        Description = "exact (equal pixels), perceptual (DCT hash) or semantic (the paper's 3072-128-3072 autoencoder, trained on the data).",
        DefaultValueFactory = _ => DeduplicationMethod.Perceptual,
    };

    private static readonly Option<int?> MaxDistance = new("--max-distance")
    {
        Description = "Largest Hamming distance from a code to its group's representative. Default: 0 (colliding codes) for every method.",
    };

    private static readonly Option<long> Seed = new("--seed") { Description = "Seed of the semantic autoencoder.", DefaultValueFactory = _ => 1 };

    private static readonly Option<int?> Epochs = new("--epochs") { Description = "Training epochs of the semantic autoencoder. Default: 3." };

    private static readonly Option<string> Output = new("--output") { Description = "Folder for dedup.json and dedup-largest.png (created if missing; replaced if they exist).", DefaultValueFactory = _ => "runs/dedup" };

    public static Command Create()
    {
        var command = new Command("dedup", "Find duplicate training images; write a JSON report and a PNG of the largest groups.")
        {
            Data, Method, MaxDistance, Seed, Epochs, Output,
        };
        command.SetAction(Run);
        return command;
    }

    /// <summary>The options of a run: the method, and the distance and autoencoder settings given on the command line.</summary>
    public static DeduplicationOptions Options(DeduplicationMethod method, int? maxDistance = null, long seed = 1, int? epochs = null)
    {
        var options = new DeduplicationOptions { Method = method };
        options.Semantic.Seed = seed;
        options.Semantic.Epochs = epochs ?? options.Semantic.Epochs;
        switch (method, maxDistance)
        {
            case (_, null):
                break;
            case (DeduplicationMethod.Exact, int distance):
                throw new ArgumentException($"--max-distance {distance} does not apply to --method exact (equal pixels); use it with perceptual or semantic.");
            case (DeduplicationMethod.Perceptual, int distance):
                options.PerceptualMaxDistance = distance;
                break;
            case (_, int distance):
                options.SemanticMaxDistance = distance;
                break;
        }

        return options;
    }

    /// <summary>Runs the search with a console progress line per autoencoder epoch.</summary>
    public static DeduplicationReport Find(IImageDataSource data, DeduplicationOptions options)
    {
        AnsiConsole.MarkupLine($"Looking for duplicates in [blue]{Markup.Escape(data.Description)}[/] ({options.Method}).");
        return Deduplicator.Find(data, options, new Progress<SemanticHashEpoch>(e =>
            AnsiConsole.MarkupLine($"  autoencoder epoch {e.Epoch}/{e.Epochs}: loss {e.MeanLoss:F5} ({e.Elapsed.TotalSeconds:F0} s)")));
    }

    private static int Run(ParseResult parse)
    {
        string output = OutputPaths.Folder(Output.Name, parse.GetValue(Output)!);
        DeduplicationOptions options = Options(parse.GetValue(Method), parse.GetValue(MaxDistance), parse.GetValue(Seed), parse.GetValue(Epochs));
        new DeduplicationOptionsValidator().ThrowIfInvalid(options);
        using IImageDataSource data = ImageDataSources.Open(DataLocation.Resolve(parse.GetValue(Data)));
        DeduplicationReport report = Find(data, options);
        OutputPaths.Create(output);

        string json = Path.Combine(output, "dedup.json");
        File.WriteAllText(json, JsonSerializer.Serialize(new
        {
            report.Method, report.Source, report.ImageCount, report.CodeBits, report.MaxDistance,
            GroupCount = report.Groups.Count, report.RemovedCount, report.KeptCount,
            report.TrainingSeconds, report.HashSeconds, report.GroupingSeconds, report.TrainingLosses,
            Groups = report.Groups.Select(g => new { g.Size, g.Members, g.Code, g.Distances, g.MaxDistance }),
        }, new JsonSerializerOptions { WriteIndented = true, Converters = { new JsonStringEnumConverter() } }));

        AnsiConsole.MarkupLine($"{report.Groups.Count:N0} groups; {report.RemovedCount:N0} of {report.ImageCount:N0} images would be removed " +
            $"({report.TrainingSeconds:F1} s training, {report.HashSeconds:F1} s hashing, {report.GroupingSeconds:F1} s grouping).");
        AnsiConsole.MarkupLine($"Report: [blue]{Markup.Escape(json)}[/]");
        if (report.Groups.Count > 0)
        {
            string png = Path.Combine(output, "dedup-largest.png");
            DuplicateGroupSheet.SavePng(data, DuplicateGroupSheet.Largest(report.Groups, 20), png, membersShown: 8, groupsPerRow: 2);
            AnsiConsole.MarkupLine($"Largest groups: [blue]{Markup.Escape(png)}[/]");
        }

        return 0;
    }
}
