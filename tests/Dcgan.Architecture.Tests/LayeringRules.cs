// LayeringRules: the dependency rules of docs/architecture.md, as data. A namespace may use only the namespaces
// listed for it; a namespace that is not listed fails the test until it is given a place in the layers.
using System.Reflection;

namespace Dcgan.Architecture.Tests;

/// <summary>The packages, their assemblies and the allowed namespace uses.</summary>
internal static class LayeringRules
{
    public static readonly Assembly Data = typeof(Dcgan.Data.IImageDataSource).Assembly;
    public static readonly Assembly Core = typeof(Dcgan.Training.GanTrainer).Assembly;
    public static readonly Assembly Evaluation = typeof(Dcgan.Evaluation.FrechetDistance).Assembly;
    public static readonly Assembly Hosting = typeof(Dcgan.Hosting.GeneratorPool).Assembly;
    public static readonly Assembly Interop = typeof(Dcgan.Interop.PyTorchStateDict).Assembly;

    /// <summary>Every library assembly, lowest layer first.</summary>
    public static readonly Assembly[] Libraries = [Data, Core, Evaluation, Hosting, Interop];

    // Internal types compiled from src/Shared into every library that uses TorchSharp (the Scalar owner).
    public static readonly HashSet<string> SharedSourceTypes = ["Dcgan.Native.Scalars", "Dcgan.Native.ScalarArithmetic"];

    /// <summary>Whether <paramref name="type"/> is, or is nested in (compiler-generated closures too), a shared-source type.</summary>
    public static bool IsSharedSource(Type type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return SharedSourceTypes.Contains(type.FullName!);
    }

    // Layer 0, Dcgan.Data: managed images and data sources, no TorchSharp.
    private static readonly string[] DataLayer = ["Dcgan.Configuration", "Dcgan.Data"];

    // Layer 1, Dcgan.Core's foundations: native runtime, models, images.
    private static readonly string[] CoreBase = [.. DataLayer, "Dcgan.Native", "Dcgan.Models"];

    // Everything in Dcgan.Core (the research layer may use all of it).
    private static readonly string[] CoreLayer =
        [.. CoreBase, "Dcgan.Imaging", "Dcgan.Latent", "Dcgan.Persistence", "Dcgan.Training", "Dcgan.Training.Callbacks"];

    /// <summary>Namespace -> the namespaces it may use.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        ["Dcgan.Configuration"] = [],
        ["Dcgan.Data"] = ["Dcgan.Configuration"],
        ["Dcgan.Native"] = DataLayer,
        ["Dcgan.Models"] = [.. DataLayer, "Dcgan.Native"],            // models know nothing of training, files or front ends
        ["Dcgan.Imaging"] = CoreBase,
        ["Dcgan.Latent"] = [.. CoreBase, "Dcgan.Imaging"],           // latent tools need only a generator
        ["Dcgan.Persistence"] = [.. CoreBase, "Dcgan.Latent"],      // the manifest owns its records: no Training types
        ["Dcgan.Training"] = [.. CoreBase, "Dcgan.Imaging", "Dcgan.Latent", "Dcgan.Persistence"],
        ["Dcgan.Training.Callbacks"] = [.. CoreBase, "Dcgan.Imaging", "Dcgan.Latent", "Dcgan.Persistence", "Dcgan.Training"],
        ["Dcgan.Features"] = CoreLayer,                              // research: uses the GAN, never the reverse
        ["Dcgan.Forgetting"] = [.. CoreLayer, "Dcgan.Features"],
        ["Dcgan.Evaluation"] = [.. CoreLayer, "Dcgan.Features"],
        ["Dcgan.Hosting"] = CoreLayer,                               // composition over the GAN, never the research package
        ["Dcgan.Deduplication"] = [.. CoreLayer, "Dcgan.Evaluation"],     // the paper's training-set de-duplication
        ["Dcgan.Interop"] = CoreLayer,                               // PyTorch state dicts and NumPy files over the GAN; nothing uses it
    };

    /// <summary>Assembly -> the assemblies (by name prefix) it must not reference.</summary>
    public static readonly IReadOnlyDictionary<Assembly, string[]> ForbiddenReferences = new Dictionary<Assembly, string[]>
    {
        [Data] = ["TorchSharp", "Dcgan.Core", "Dcgan.Evaluation", "Dcgan.Hosting"],
        [Core] = ["Dcgan.Evaluation", "Dcgan.Hosting", "TorchSharp-cpu", "libtorch"],
        [Evaluation] = ["Dcgan.Hosting", "TorchSharp-cpu", "libtorch"],
        [Hosting] = ["Dcgan.Evaluation", "TorchSharp-cpu", "libtorch"],
        [Interop] = ["Dcgan.Evaluation", "Dcgan.Hosting", "TorchSharp-cpu", "libtorch"],
    };
}
