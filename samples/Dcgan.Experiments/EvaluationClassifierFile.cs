// The frozen evaluation classifier that sample quality and the latent metrics are measured with. It ships inside
// the dcgan-experiments tool (data/evaluation next to its DLL) and is found there, whatever the current folder;
// --classifier FILE uses another one (e.g. one made by `dcgan-experiments train-classifier`).
using System.CommandLine;
using System.Text.Json;
using Dcgan.CommandLine;
using Dcgan.Data;
using Dcgan.Evaluation;
using Dcgan.Models;

namespace Dcgan.Experiments;

internal static class EvaluationClassifierFile
{
    /// <summary>The shipped weights; the training record (accuracy, SHA-256, options) is the .json next to them.</summary>
    public static string ShippedPath => DataLocation.Shipped("data", "evaluation", "fashion-classifier.bin");

    /// <summary>--classifier: the weights file; the shipped classifier when not given.</summary>
    public static Option<string?> Option() => new("--classifier")
    {
        Description = "The frozen evaluation classifier's weights. Default: the classifier shipped with the tool (data/evaluation/fashion-classifier.bin next to it, checked against the SHA-256 in its .json).",
    };

    /// <summary>
    /// Loads --classifier, or the shipped classifier (checked against the SHA-256 recorded next to it);
    /// <paramref name="expectedSha256"/>, when given, is checked instead.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist; the message names it and how to fix it.</exception>
    public static EvaluationClassifier Load(ParseResult parse, Option<string?> option, string? expectedSha256 = null)
    {
        string? given = parse.GetValue(option);
        string path = Path.GetFullPath(given ?? ShippedPath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(given is null
                ? $"The evaluation classifier that ships with dcgan-experiments is missing: '{path}' does not exist. Reinstall the tool, or pass --classifier FILE (e.g. one written by `dcgan-experiments train-classifier`)."
                : $"--classifier '{path}' does not exist; pass a weights file written by `dcgan-experiments train-classifier`, or leave --classifier out to use the one shipped with the tool.", path);
        }

        InputFiles.RequireNotCheckpoint(option.Name, path, "an evaluation classifier file (weights written by `dcgan-experiments train-classifier`)");
        try
        {
            return EvaluationClassifier.Load(path, expectedSha256 ?? (given is null ? RecordedSha256(path) : null));
        }
        catch (Dcgan.Persistence.CheckpointException e) when (e.InnerException is not null) // unreadable, not a hash mismatch
        {
            throw new ArgumentException(
                $"{option.Name} '{path}' is not a Dcgan evaluation classifier file (weights written by `dcgan-experiments train-classifier`): {e.InnerException.Message}", e);
        }
    }

    /// <summary>
    /// Fails early (before any generation) when the generator's images cannot be fitted to the evaluation classifier:
    /// another size is resized, but another channel count (RGB) is not converted.
    /// </summary>
    public static void RequireChannels(IGenerator generator)
    {
        ImageShape needed = EvaluationClassifier.InputShape;
        if (generator.ImageShape.Channels != needed.Channels)
        {
            throw new ArgumentException(
                $"The generator makes {generator.ImageShape} images; the evaluation classifier takes {needed} (other sizes are resized, but {generator.ImageShape.Channels}-channel images are not converted).");
        }
    }

    // The "sha256" of the training record written next to the weights by train-classifier.
    private static string RecordedSha256(string weights)
    {
        string record = Path.ChangeExtension(weights, ".json");
        try
        {
            using JsonDocument json = JsonDocument.Parse(File.ReadAllText(record));
            return json.RootElement.GetProperty("sha256").GetString()
                ?? throw new InvalidDataException($"The classifier record '{record}' has a null \"sha256\".");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FileNotFoundException)
        {
            throw new InvalidDataException($"The classifier record '{record}' shipped with the tool is missing or has no \"sha256\" ({e.Message}); reinstall the tool or pass --classifier FILE.", e);
        }
    }
}
