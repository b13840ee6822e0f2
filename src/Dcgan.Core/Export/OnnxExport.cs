// OnnxExport: writes a generator or discriminator as an ONNX model (opset 13) in inference form, so a trained model
// can be served where libtorch does not run (ONNX Runtime on any of its platforms).
//   generator:      input "z" [N, Z] (float32)            -> output "images" [N, C, H, W] in [-1, 1]
//   discriminator:  input "images" [N, C, H, W] in [-1, 1] -> output "logits" [N] (no sigmoid)
// Batch norm is exported with its running statistics (eval mode). The model's metadata (metadata_props) records the
// latent dimension and prior, the image shape and value range, and whatever provenance the caller adds.

using Dcgan.Generation;
using Dcgan.Models;
using Google.Protobuf;
using Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Export;

/// <summary>
/// Exports Dcgan networks to ONNX (opset 13). Networks whose forward pass is their registered layers in order (a
/// <c>Sequential</c>, or a module wrapping one, as <see cref="DcganGenerator"/> and <see cref="DcganDiscriminator"/> do)
/// and whose layers are Conv2d, ConvTranspose2d, Linear, batch norm, ReLU, LeakyReLU, Tanh, Sigmoid, Flatten or
/// Unflatten are supported; any other layer is refused with its name and type.
/// </summary>
public static class OnnxExport
{
    /// <summary>The ONNX operator set the exported models use: 13.</summary>
    public const int OpsetVersion = 13;

    /// <summary>Metadata key of the latent dimension Z (decimal).</summary>
    public const string LatentDimensionKey = "dcgan.latent_dimension";

    /// <summary>Metadata key of the latent prior: "uniform" (U(-1, 1)) or "normal" (N(0, 1)).</summary>
    public const string LatentPriorKey = "dcgan.latent_prior";

    /// <summary>Metadata key of the image shape, "C,H,W".</summary>
    public const string ImageShapeKey = "dcgan.image_shape";

    /// <summary>Metadata key of the pixel value range of the images, "-1,1".</summary>
    public const string ValueRangeKey = "dcgan.value_range";

    /// <summary>
    /// Writes <paramref name="generator"/> as an ONNX model: input <c>z</c> [N, Z], output <c>images</c> [N, C, H, W]
    /// in [-1, 1], batch norm with its running statistics. The file is written whole or not at all (a temporary file,
    /// then a rename).
    /// </summary>
    /// <param name="generator">The generator; read, not changed (its training/eval mode is left as it was).</param>
    /// <param name="path">The .onnx file to write; its folder must exist.</param>
    /// <param name="provenance">Extra metadata (for example the checkpoint and its step); null for none.</param>
    /// <exception cref="NotSupportedException">A layer has no ONNX mapping; the message names it.</exception>
    public static void Generator(IGenerator generator, string path, IReadOnlyDictionary<string, string>? provenance = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        WriteAtomically(path, GeneratorModel(generator, provenance));
    }

    /// <summary>
    /// Writes <paramref name="discriminator"/> as an ONNX model: input <c>images</c> [N, C, H, W] in [-1, 1], output
    /// <c>logits</c> [N] (apply a sigmoid for D(x)). Written whole or not at all.
    /// </summary>
    /// <param name="discriminator">The discriminator; read, not changed.</param>
    /// <param name="path">The .onnx file to write; its folder must exist.</param>
    /// <param name="provenance">Extra metadata; null for none.</param>
    /// <exception cref="NotSupportedException">A layer has no ONNX mapping; the message names it.</exception>
    public static void Discriminator(IDiscriminator discriminator, string path, IReadOnlyDictionary<string, string>? provenance = null)
    {
        ArgumentNullException.ThrowIfNull(discriminator);
        WriteAtomically(path, DiscriminatorModel(discriminator, provenance));
    }

    /// <summary>The generator's ONNX model as bytes (see <see cref="Generator"/>).</summary>
    /// <param name="generator">The generator; read, not changed.</param>
    /// <param name="provenance">Extra metadata; null for none.</param>
    public static byte[] GeneratorBytes(IGenerator generator, IReadOnlyDictionary<string, string>? provenance = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        return GeneratorModel(generator, provenance).ToByteArray();
    }

    /// <summary>The discriminator's ONNX model as bytes (see <see cref="Discriminator"/>).</summary>
    /// <param name="discriminator">The discriminator; read, not changed.</param>
    /// <param name="provenance">Extra metadata; null for none.</param>
    public static byte[] DiscriminatorBytes(IDiscriminator discriminator, IReadOnlyDictionary<string, string>? provenance = null)
    {
        ArgumentNullException.ThrowIfNull(discriminator);
        return DiscriminatorModel(discriminator, provenance).ToByteArray();
    }

    private static ModelProto GeneratorModel(IGenerator generator, IReadOnlyDictionary<string, string>? provenance)
    {
        var shape = generator.ImageShape;
        var builder = new OnnxGraphBuilder("dcgan_generator");
        builder.AddInput("z", null, generator.LatentDimension);                                     // [N, Z]
        List<(string Key, nn.Module Layer)> layers = SequentialLayers.Of(generator.Network);
        string x = "z";
        if (layers.Count > 0 && layers[0].Layer is TorchSharp.Modules.ConvTranspose2d)
        {
            x = builder.AddNode("Reshape", "z.column", [x, builder.AddInt64Constant("z.column.shape", 0, generator.LatentDimension, 1, 1)]); // [N, Z, 1, 1]
        }

        foreach ((string key, nn.Module layer) in layers)
        {
            x = builder.AddLayer(key, layer, x);
        }

        builder.NameLastOutput("images");                                                             // [N, C, H, W]
        builder.AddOutput("images", null, shape.Channels, shape.Height, shape.Width);
        var metadata = new Dictionary<string, string>
        {
            [LatentDimensionKey] = generator.LatentDimension.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [LatentPriorKey] = generator.LatentDistribution == LatentDistribution.Normal ? "normal" : "uniform",
            [ImageShapeKey] = $"{shape.Channels},{shape.Height},{shape.Width}",
            [ValueRangeKey] = "-1,1",
        };
        return Model(builder, "Dcgan generator: z [N, Z] -> images [N, C, H, W] in [-1, 1]", metadata, provenance);
    }

    private static ModelProto DiscriminatorModel(IDiscriminator discriminator, IReadOnlyDictionary<string, string>? provenance)
    {
        var shape = discriminator.ImageShape;
        var builder = new OnnxGraphBuilder("dcgan_discriminator");
        builder.AddInput("images", null, shape.Channels, shape.Height, shape.Width);                 // [N, C, H, W]
        string x = "images";
        foreach ((string key, nn.Module layer) in SequentialLayers.Of(discriminator.Network))
        {
            x = builder.AddLayer(key, layer, x);                                                      // ... [N, 1, 1, 1] or [N, 1]
        }

        builder.AddNode("Reshape", "logits", [x, builder.AddInt64Constant("logits.shape", -1)]);           // [N]
        builder.NameLastOutput("logits");
        builder.AddOutput("logits", [null]);
        var metadata = new Dictionary<string, string>
        {
            [ImageShapeKey] = $"{shape.Channels},{shape.Height},{shape.Width}",
            [ValueRangeKey] = "-1,1",
        };
        return Model(builder, "Dcgan discriminator: images [N, C, H, W] in [-1, 1] -> logits [N]", metadata, provenance);
    }

    private static ModelProto Model(OnnxGraphBuilder builder, string doc, Dictionary<string, string> metadata, IReadOnlyDictionary<string, string>? provenance)
    {
        var model = new ModelProto
        {
            IrVersion = 7, // the IR version of opset 13 (ONNX 1.8)
            ProducerName = "Dcgan",
            ProducerVersion = typeof(OnnxExport).Assembly.GetName().Version?.ToString() ?? "",
            DocString = doc,
            Graph = builder.Graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = OpsetVersion });
        foreach ((string key, string value) in provenance ?? new Dictionary<string, string>())
        {
            if (metadata.ContainsKey(key))
            {
                throw new ArgumentException($"Provenance key '{key}' is reserved for the model's own metadata.", nameof(provenance));
            }

            metadata[key] = value;
        }

        foreach ((string key, string value) in metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        }

        return model;
    }

    private static void WriteAtomically(string path, ModelProto model)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        string temporary = full + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            File.WriteAllBytes(temporary, model.ToByteArray());
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
