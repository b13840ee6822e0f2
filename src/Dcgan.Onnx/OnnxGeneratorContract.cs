// OnnxGeneratorContract: what a loaded ONNX model must look like to serve as an IImageGenerator, read from its
// metadata (dcgan.*, written by `dcgan export`) where present and from its graph otherwise:
//   input  z      float32 [N, Z] or [N, Z, 1, 1]   (N dynamic; Z fixed, or given by dcgan.latent_dimension)
//   output images float32 [N, C, H, W] in [-1, 1]  (C, H, W fixed, or given by dcgan.image_shape)
// Every violation is an InvalidDataException that names the model and says what was expected.
using System.Globalization;
using Dcgan.Data;
using Dcgan.Generation;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Dcgan.Onnx;

/// <summary>The generator contract of one ONNX model: tensor names, latent layout and prior, image shape.</summary>
internal sealed record OnnxGeneratorContract(
    string InputName, string OutputName, int LatentDimension, bool LatentIsColumn, ImageShape ImageShape, LatentDistribution LatentDistribution)
{
    /// <summary>Reads and checks the contract of <paramref name="session"/>'s model.</summary>
    /// <param name="session">The loaded model.</param>
    /// <param name="model">How the model is named in messages (its path, or the options' name).</param>
    /// <param name="options">The caller's options (tensor names, the prior for a model without one).</param>
    /// <exception cref="InvalidDataException">The model breaks the contract; the message names it and what was expected.</exception>
    public static OnnxGeneratorContract Read(InferenceSession session, string model, OnnxGeneratorOptions options)
    {
        IReadOnlyDictionary<string, string> metadata = session.ModelMetadata.CustomMetadataMap.AsReadOnly();
        (string inputName, NodeMetadata input) = Single(session.InputMetadata, options.InputName, "input", model);
        (string outputName, NodeMetadata output) = Single(session.OutputMetadata, options.OutputName, "output", model);

        RequireFloatTensor(input, inputName, "input", model);
        RequireFloatTensor(output, outputName, "output", model);
        int[] z = input.Dimensions;                 // [N, Z] or [N, Z, 1, 1]; -1 marks a dynamic (symbolic) axis
        if (z.Length is not (2 or 4))
        {
            throw Bad(model, $"input '{inputName}' has rank {z.Length} ({Describe(z)}); expected z as [N, Z] or [N, Z, 1, 1]");
        }

        if (z.Length == 4 && (z[2] != 1 || z[3] != 1))
        {
            throw Bad(model, $"input '{inputName}' is {Describe(z)}; expected z as [N, Z, 1, 1] (a 1x1 map per latent vector)");
        }

        RequireDynamicBatch(z, inputName, "input", model);
        int latentDimension = Resolve(z[1], metadata, OnnxMetadataKeys.LatentDimension, $"the latent dimension Z of input '{inputName}' {Describe(z)}", model);

        int[] images = output.Dimensions;           // [N, C, H, W]
        if (images.Length != 4)
        {
            throw Bad(model, $"output '{outputName}' has rank {images.Length} ({Describe(images)}); expected images as [N, C, H, W]");
        }

        RequireDynamicBatch(images, outputName, "output", model);
        ImageShape shape = ResolveShape(images, outputName, metadata, model);
        RequireValueRange(metadata, model);
        LatentDistribution prior = ResolvePrior(metadata, options.LatentDistribution, model);
        return new OnnxGeneratorContract(inputName, outputName, latentDimension, z.Length == 4, shape, prior);
    }

    private static (string Name, NodeMetadata Node) Single(IReadOnlyDictionary<string, NodeMetadata> nodes, string? wanted, string kind, string model)
    {
        string names = nodes.Count == 0 ? "none" : string.Join(", ", nodes.Keys.Select(n => $"'{n}'"));
        if (wanted is not null)
        {
            return nodes.TryGetValue(wanted, out NodeMetadata? node)
                ? (wanted, node)
                : throw Bad(model, $"it has no {kind} named '{wanted}' (OnnxGeneratorOptions.{Capitalised(kind)}Name); its {kind}s: {names}");
        }

        if (nodes.Count != 1)
        {
            throw Bad(model, $"it has {nodes.Count} {kind}s ({names}); expected one, or name it in OnnxGeneratorOptions.{Capitalised(kind)}Name");
        }

        KeyValuePair<string, NodeMetadata> only = nodes.Single();
        return (only.Key, only.Value);
    }

    private static void RequireFloatTensor(NodeMetadata node, string name, string kind, string model)
    {
        if (!node.IsTensor || node.ElementDataType != TensorElementType.Float)
        {
            string actual = node.IsTensor ? $"a {node.ElementDataType} tensor" : $"a {node.OnnxValueType} value";
            throw Bad(model, $"{kind} '{name}' is {actual}; expected a float32 tensor");
        }
    }

    private static void RequireDynamicBatch(int[] dims, string name, string kind, string model)
    {
        if (dims[0] > 0)
        {
            throw Bad(model, $"{kind} '{name}' has a fixed batch dimension of {dims[0]} ({Describe(dims)}); expected a dynamic batch " +
                "dimension N (PyTorch: torch.onnx.export(..., dynamic_axes={'z': {0: 'N'}, 'images': {0: 'N'}}))");
        }
    }

    // A non-batch axis: the graph's fixed size, checked against the metadata when both exist; the metadata's when the
    // graph leaves it dynamic; an error when neither gives it.
    private static int Resolve(int fromGraph, IReadOnlyDictionary<string, string> metadata, string key, string what, string model)
    {
        int? fromMetadata = null;
        if (metadata.TryGetValue(key, out string? text))
        {
            fromMetadata = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v > 0
                ? v
                : throw Bad(model, $"metadata {key} is '{text}'; expected a positive integer");
        }

        if (fromGraph > 0 && fromMetadata is int m && m != fromGraph)
        {
            throw Bad(model, $"metadata {key} is {m} but {what} is {fromGraph}");
        }

        return fromGraph > 0 ? fromGraph
            : fromMetadata ?? throw Bad(model, $"{what} is dynamic and the metadata has no {key}; expected a fixed size");
    }

    private static ImageShape ResolveShape(int[] images, string outputName, IReadOnlyDictionary<string, string> metadata, string model)
    {
        int[] fromMetadata = [-1, -1, -1];
        if (metadata.TryGetValue(OnnxMetadataKeys.ImageShape, out string? text))
        {
            string[] parts = text.Split(',');
            if (parts.Length != 3 || !parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v > 0))
            {
                throw Bad(model, $"metadata {OnnxMetadataKeys.ImageShape} is '{text}'; expected \"C,H,W\" with positive integers");
            }

            fromMetadata = [.. parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture))];
        }

        var shape = new int[3];
        string[] axes = ["channel count C", "height H", "width W"];
        for (int i = 0; i < 3; i++)
        {
            int graph = images[i + 1];
            int meta = fromMetadata[i];
            if (graph > 0 && meta > 0 && graph != meta)
            {
                throw Bad(model, $"metadata {OnnxMetadataKeys.ImageShape} is '{text}' but output '{outputName}' is {Describe(images)}");
            }

            shape[i] = graph > 0 ? graph : meta > 0 ? meta
                : throw Bad(model, $"the {axes[i]} of output '{outputName}' {Describe(images)} is dynamic and the metadata has no " +
                    $"{OnnxMetadataKeys.ImageShape}; expected images as [N, C, H, W] with fixed C, H and W");
        }

        return new ImageShape(shape[0], shape[1], shape[2]);
    }

    private static void RequireValueRange(IReadOnlyDictionary<string, string> metadata, string model)
    {
        if (metadata.TryGetValue(OnnxMetadataKeys.ValueRange, out string? range) && range.Replace(" ", "", StringComparison.Ordinal) != "-1,1")
        {
            throw Bad(model, $"metadata {OnnxMetadataKeys.ValueRange} is '{range}'; the IImageGenerator contract needs images in [-1, 1] (\"-1,1\")");
        }
    }

    private static LatentDistribution ResolvePrior(IReadOnlyDictionary<string, string> metadata, LatentDistribution? fromOptions, string model)
    {
        if (!metadata.TryGetValue(OnnxMetadataKeys.LatentPrior, out string? text))
        {
            return fromOptions ?? throw Bad(model, $"it has no {OnnxMetadataKeys.LatentPrior} metadata, so the prior of z is unknown; " +
                "set OnnxGeneratorOptions.LatentDistribution (Normal for pytorch/examples' DCGAN, Uniform for the paper's U(-1, 1))");
        }

        LatentDistribution prior = text.Trim().ToUpperInvariant() switch
        {
            "UNIFORM" => LatentDistribution.Uniform,
            "NORMAL" => LatentDistribution.Normal,
            _ => throw Bad(model, $"metadata {OnnxMetadataKeys.LatentPrior} is '{text}'; expected \"uniform\" or \"normal\""),
        };
        if (fromOptions is LatentDistribution wanted && wanted != prior)
        {
            throw Bad(model, $"metadata {OnnxMetadataKeys.LatentPrior} is '{text}' but OnnxGeneratorOptions.LatentDistribution is {wanted}; " +
                "leave the option unset for a model that names its prior");
        }

        return prior;
    }

    private static string Describe(int[] dims) => "[" + string.Join(", ", dims.Select(d => d > 0 ? d.ToString(CultureInfo.InvariantCulture) : "?")) + "]";

    private static string Capitalised(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    private static InvalidDataException Bad(string model, string problem) =>
        new($"{model} is not a generator this backend can serve: {problem}.");
}
