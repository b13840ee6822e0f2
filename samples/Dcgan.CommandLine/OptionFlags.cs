// The one table that turns the library's option names into the tools' flags: a failure such as
// "PoolSize = 1: The field PoolSize must be between 2 and 2147483647." reaches the user as
// "--pool 1 is out of range: expected at least 2.", and "Raise PoolSize" as "Raise --pool". Names with no flag
// (set by the tools themselves) are written as words ("code size"), never as .NET property names. A second table
// names the flag behind a library method's argument, for ArgumentExceptions ("(Parameter 'maps')" -> --maps).
using Dcgan.Data;
using Dcgan.Deduplication;
using Dcgan.Evaluation;
using Dcgan.Features;
using Dcgan.Forgetting;
using Dcgan.Interventions;
using Dcgan.Latent;
using Dcgan.Models;
using Dcgan.Native;
using Dcgan.Training;

namespace Dcgan.CommandLine;

/// <summary>Which flag of `dcgan` or `dcgan-experiments` sets which property of a library options class.</summary>
public static class OptionFlags
{
    private static readonly Dictionary<Type, Dictionary<string, string>> Flags = new()
    {
        [typeof(GanTrainerOptions)] = new()
        {
            [nameof(GanTrainerOptions.Epochs)] = "--epochs",
            [nameof(GanTrainerOptions.BatchSize)] = "--batch-size",
            [nameof(GanTrainerOptions.Seed)] = "--seed",
            [nameof(GanTrainerOptions.Device)] = "--device",
            [nameof(GanTrainerOptions.GeneratorLearningRate)] = "--learning-rate",
            [nameof(GanTrainerOptions.DiscriminatorLearningRate)] = "--learning-rate",
            [nameof(GanTrainerOptions.Beta1)] = "--beta1",
        },
        [typeof(DcganModelOptions)] = new()
        {
            [nameof(DcganModelOptions.ImageSize)] = "--image-size",
            [nameof(DcganModelOptions.ImageWidth)] = "--image-size",
            [nameof(DcganModelOptions.GeneratorWidth)] = "--generator-width",
            [nameof(DcganModelOptions.DiscriminatorWidth)] = "--discriminator-width",
        },
        [typeof(ImageDataSourceOptions)] = new() { [nameof(ImageDataSourceOptions.ImageSize)] = "--image-size", [nameof(ImageDataSourceOptions.ImageWidth)] = "--image-size" },
        [typeof(DeduplicationOptions)] = new()
        {
            [nameof(DeduplicationOptions.PerceptualMaxDistance)] = "--max-distance",
            [nameof(DeduplicationOptions.SemanticMaxDistance)] = "--max-distance",
            ["Semantic." + nameof(SemanticHashOptions.Epochs)] = "--epochs",
            ["Semantic." + nameof(SemanticHashOptions.Seed)] = "--seed",
        },
        [typeof(LatentWalkOptions)] = new()
        {
            [nameof(LatentWalkOptions.Pairs)] = "--pairs",
            [nameof(LatentWalkOptions.Steps)] = "--steps",
            [nameof(LatentWalkOptions.Seed)] = "--seed",
        },
        [typeof(ArithmeticStabilityOptions)] = new()
        {
            [nameof(ArithmeticStabilityOptions.PoolSize)] = "--pool",
            [nameof(ArithmeticStabilityOptions.ConfidenceThreshold)] = "--confidence",
            [nameof(ArithmeticStabilityOptions.Trials)] = "--trials",
            [nameof(ArithmeticStabilityOptions.ExemplarCounts)] = "--exemplars",
            [nameof(ArithmeticStabilityOptions.Seed)] = "--seed",
        },
        [typeof(FeatureExtractionOptions)] = new()
        {
            [nameof(FeatureExtractionOptions.PooledGridSize)] = "--grid",
            [nameof(FeatureExtractionOptions.Blocks)] = "--blocks",
        },
        [typeof(LinearProbeOptions)] = new()
        {
            [nameof(LinearProbeOptions.Classifier)] = "--classifier",
            [nameof(LinearProbeOptions.CGrid)] = "--c-grid",
            [nameof(LinearProbeOptions.MaxIterations)] = "--max-iterations",
            [nameof(LinearProbeOptions.Seed)] = "--seed",
        },
        [typeof(SupervisedCnnOptions)] = new() { [nameof(SupervisedCnnOptions.Epochs)] = "--cnn-epochs" },
        [typeof(ClassifierTrainingOptions)] = new()
        {
            [nameof(ClassifierTrainingOptions.Epochs)] = "--epochs",
            [nameof(ClassifierTrainingOptions.Device)] = "--device",
        },
        [typeof(ReferenceStatisticsOptions)] = new() { [nameof(ReferenceStatisticsOptions.Seed)] = "--seed" },
        [typeof(ConceptProbeOptions)] = new()
        {
            [nameof(ConceptProbeOptions.TopK)] = "--top-k",
            [nameof(ConceptProbeOptions.Layer)] = "--layer",
        },
    };

    // Arguments of library methods the tools pass a flag's value to: an ArgumentException naming the parameter is
    // reported with the flag.
    private static readonly Dictionary<(Type Thrower, string Parameter), string> Parameters = new()
    {
        [(typeof(DeviceSelection), "name")] = "--device",
        [(typeof(GeneratorLayer), "name")] = "--layer",
        [(typeof(GeneratorLayer), "maps")] = "--maps",
        [(typeof(IndexedLatentGrid), "index")] = "--add/--subtract",
    };

    /// <summary>The flag whose value a library method received as <paramref name="parameter"/>, or null.</summary>
    public static string? ForParameter(Type thrower, string parameter) => Parameters.GetValueOrDefault((thrower, parameter));

    /// <summary>The flag that sets <paramref name="member"/> (e.g. "PoolSize", "Semantic.Epochs") of <paramref name="options"/>, or null.</summary>
    public static string? For(Type options, string member) =>
        Flags.TryGetValue(options, out Dictionary<string, string>? flags) && flags.TryGetValue(member, out string? flag) ? flag : null;

    /// <summary>Every option name of <paramref name="options"/> that has a flag, longest first (so "Semantic.Epochs" wins over "Epochs").</summary>
    public static IEnumerable<(string Member, string Flag)> All(Type options) =>
        Flags.TryGetValue(options, out Dictionary<string, string>? flags)
            ? flags.OrderByDescending(f => f.Key.Length).Select(f => (f.Key, f.Value))
            : [];

    /// <summary>The options classes the table knows.</summary>
    public static IEnumerable<Type> Types => Flags.Keys;
}
