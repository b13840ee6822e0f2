// LayeringRules: the dependency rules of docs/architecture.md, as data. A namespace may use only the namespaces
// listed for it; a namespace that is not listed fails the test until it is given a place in the layers.
using System.Reflection;

namespace Dcgan.Architecture.Tests;

/// <summary>The packages, their assemblies and the allowed namespace uses.</summary>
internal static class LayeringRules
{
    public static readonly Assembly Data = typeof(Dcgan.Data.IImageDataSource).Assembly;
    public static readonly Assembly Generation = typeof(Dcgan.Generation.IImageGenerator).Assembly;
    public static readonly Assembly Core = typeof(Dcgan.Training.GanTrainer).Assembly;
    public static readonly Assembly Evaluation = typeof(Dcgan.Evaluation.FrechetDistance).Assembly;
    public static readonly Assembly Hosting = typeof(Dcgan.Hosting.DcganBuilder).Assembly;
    public static readonly Assembly Interop = typeof(Dcgan.Interop.PyTorchStateDict).Assembly;
    public static readonly Assembly Onnx = typeof(Dcgan.Onnx.OnnxImageGenerator).Assembly;

    /// <summary>Every library assembly, lowest layer first.</summary>
    public static readonly Assembly[] Libraries = [Data, Generation, Onnx, Core, Evaluation, Hosting, Interop];

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

    // Layer 1, Dcgan.Generation: the rendering contract, the latent toolkit, PNG grids and the pool; no TorchSharp.
    private static readonly string[] GenerationLayer = [.. DataLayer, "Dcgan.Generation", "Dcgan.Latent", "Dcgan.Imaging", "Dcgan.Serving"];

    // Layer 2, Dcgan.Core's foundations: native runtime and models.
    private static readonly string[] CoreBase = [.. GenerationLayer, "Dcgan.Native", "Dcgan.Models"];

    // Everything in Dcgan.Core (the research layer may use all of it).
    private static readonly string[] CoreLayer =
        [.. CoreBase, "Dcgan.Interventions", "Dcgan.Persistence", "Dcgan.Export", "Dcgan.Training", "Dcgan.Training.Callbacks"];

    /// <summary>Namespace -> the namespaces it may use.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        ["Dcgan.Configuration"] = [],
        ["Dcgan.Data"] = ["Dcgan.Configuration"],
        ["Dcgan.Generation"] = DataLayer,                            // the rendering contract and the seed convention
        ["Dcgan.Imaging"] = DataLayer,                               // PNG grids of managed images
        ["Dcgan.Latent"] = [.. DataLayer, "Dcgan.Generation"],        // latent tools need only the rendering contract
        ["Dcgan.Serving"] = [.. DataLayer, "Dcgan.Generation", "Dcgan.Latent", "Dcgan.Imaging"], // the pool, any backend
        ["Dcgan.Onnx"] = [.. DataLayer, "Dcgan.Generation", "Dcgan.Serving"],          // the ONNX Runtime backend: no TorchSharp
        ["Dcgan.Native"] = DataLayer,
        ["Dcgan.Models"] = [.. GenerationLayer, "Dcgan.Native"],      // models know nothing of training, files or front ends
        ["Dcgan.Interventions"] = CoreBase,                          // changes to a generator's layers (forgetting)
        ["Dcgan.Persistence"] = CoreBase,                            // the manifest owns its records: no Training types
        ["Dcgan.Export"] = CoreBase,                                 // ONNX export: a network's layers, nothing of training
        ["Dcgan.Training"] = [.. CoreBase, "Dcgan.Persistence"],
        ["Dcgan.Training.Callbacks"] = [.. CoreBase, "Dcgan.Persistence", "Dcgan.Training"],
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
        [Data] = ["TorchSharp", "Dcgan.Generation", "Dcgan.Core", "Dcgan.Evaluation", "Dcgan.Hosting"],
        [Generation] = ["TorchSharp", "Dcgan.Core", "Dcgan.Evaluation", "Dcgan.Hosting", "Dcgan.Interop"],
        [Core] = ["Dcgan.Evaluation", "Dcgan.Hosting"],
        [Evaluation] = ["Dcgan.Hosting"],
        [Hosting] = ["Dcgan.Evaluation"],
        [Interop] = ["Dcgan.Evaluation", "Dcgan.Hosting"],
        [Onnx] = ["TorchSharp", "Dcgan.Core", "Dcgan.Hosting", "Dcgan.Evaluation"],  // the ONNX Runtime backend serves without libtorch
    };

    /// <summary>
    /// The NuGet packages that choose a libtorch backend (by name prefix). They carry native libraries and no managed
    /// assembly, so no assembly reference can show them: a library's restore graph (what its package declares to
    /// consumers) must not contain them, so the application picks CPU or CUDA.
    /// </summary>
    public static readonly string[] BackendPackages = ["TorchSharp-cpu", "TorchSharp-cuda", "libtorch-"];
}
