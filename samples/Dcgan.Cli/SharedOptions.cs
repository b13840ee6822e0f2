// Options that several evaluation commands take with the same meaning and default. Each call makes a new
// Option instance, so every command owns its own.
using System.CommandLine;
using Dcgan.Data;

namespace Dcgan.Cli;

internal static class SharedOptions
{
    /// <summary>The repository path of the frozen evaluation classifier.</summary>
    public const string DefaultClassifierPath = "data/evaluation/fashion-classifier.bin";

    /// <summary>--data: the folder with the four Fashion-MNIST IDX files (default: Debian's dataset-fashion-mnist).</summary>
    public static Option<string> FashionMnistFolder() =>
        new("--data") { Description = "Folder with the four Fashion-MNIST IDX files (train and t10k).", DefaultValueFactory = _ => FashionMnist.SystemFolder };

    /// <summary>--classifier: the frozen evaluation classifier's weights.</summary>
    public static Option<string> EvaluationClassifier() =>
        new("--classifier") { Description = "The frozen evaluation classifier's weights.", DefaultValueFactory = _ => DefaultClassifierPath };
}
