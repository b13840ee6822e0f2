// OnnxMetadataKeys: the metadata_props keys with which `dcgan export` (Dcgan.Export.OnnxExport) describes a generator.
namespace Dcgan.Onnx;

/// <summary>
/// Keys of the model metadata (ONNX <c>metadata_props</c>) that describe a Dcgan generator. They are the same strings
/// that <c>Dcgan.Export.OnnxExport</c> writes; a model without them is described by its graph and the options.
/// </summary>
public static class OnnxMetadataKeys
{
    /// <summary>The latent dimension Z, in decimal.</summary>
    public const string LatentDimension = "dcgan.latent_dimension";

    /// <summary>The latent prior: "uniform" (U(-1, 1)) or "normal" (N(0, 1)); case is ignored.</summary>
    public const string LatentPrior = "dcgan.latent_prior";

    /// <summary>The image shape, "C,H,W".</summary>
    public const string ImageShape = "dcgan.image_shape";

    /// <summary>The pixel value range of the images; the contract needs "-1,1".</summary>
    public const string ValueRange = "dcgan.value_range";
}
