// Options that several experiment commands take with the same meaning and default. Each call makes a new Option
// instance, so every command owns its own.
using System.CommandLine;
using System.Globalization;
using Dcgan.CommandLine;

namespace Dcgan.Experiments;

internal static class ExperimentOptions
{
    /// <summary>Where reports go without --output: a folder under the current directory (never inside the tool or a checkout's docs).</summary>
    public const string DefaultOutputFolder = "experiments";

    /// <summary>--data: the Fashion-MNIST folder; see <see cref="DataFolder"/> for the default.</summary>
    public static Option<string?> FashionMnistFolder() => new("--data")
    {
        Description = "Folder with the Fashion-MNIST IDX files (train-* and t10k-*). Default: /usr/share/datasets/fashion-mnist when installed (apt-get install dataset-fashion-mnist), else the test split shipped with the tool (enough for latent-metrics only).",
    };

    /// <summary>--data when given; else the full data set when installed; else the test split shipped with the tool.</summary>
    public static string DataFolder(ParseResult parse, Option<string?> data) => DataLocation.Resolve(parse.GetValue(data));

    /// <summary>--output: the folder for a command's report files, by default <see cref="DefaultOutputFolder"/>.</summary>
    public static Option<string> ReportFolder(string files) =>
        new("--output") { Description = $"Folder for {files} (created if missing; existing report files are replaced only with --force).", DefaultValueFactory = _ => DefaultOutputFolder };

    /// <summary>--force: replace report files that already exist in --output.</summary>
    public static Option<bool> Force() => OutputPaths.ForceOption("the report files in --output");

    /// <summary>
    /// Checks --output before any computation: a folder that exists or can be created, none of
    /// <paramref name="files"/> already in it unless --force.
    /// </summary>
    /// <returns>The folder's full path (not created yet).</returns>
    public static string CheckReportFolder(ParseResult parse, Option<string> output, Option<bool> force, params string[] files)
    {
        string folder = OutputPaths.Folder(output.Name, parse.GetValue(output)!);
        OutputPaths.RefuseToReplace(output.Name, parse.GetValue(force), files.Select(f => Path.Combine(folder, f)).ToArray());
        return folder;
    }

    /// <summary>--seeds: distinct integers, comma-separated or repeated.</summary>
    public static Option<long[]> Seeds(string meaning, long[] defaults) => new("--seeds")
    {
        Description = $"Seeds (comma-separated or repeated); {meaning}.",
        DefaultValueFactory = _ => defaults,
        CustomParser = ParseSeeds,
        AllowMultipleArgumentsPerToken = true,
    };

    private static long[] ParseSeeds(System.CommandLine.Parsing.ArgumentResult result)
    {
        long[]? values = CommaSeparatedValues.Parse(result, "--seeds", (string text, out long seed) =>
            long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed), "an integer");
        if (values is null)
        {
            return [];
        }

        if (values.Length == 0 || values.Distinct().Count() != values.Length)
        {
            result.AddError($"--seeds: expected one or more distinct integers, got '{string.Join(",", values)}'.");
            return [];
        }

        return values;
    }
}
