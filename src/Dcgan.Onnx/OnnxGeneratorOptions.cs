// OnnxGeneratorOptions: how OnnxImageGenerator opens a model: ONNX Runtime's threads, and what a model that does not
// describe itself (no dcgan.* metadata, e.g. one exported by PyTorch) needs to be served.
using Dcgan.Generation;

namespace Dcgan.Onnx;

/// <summary>Options for <see cref="OnnxImageGenerator"/>; every member is optional.</summary>
public sealed class OnnxGeneratorOptions
{
    /// <summary>
    /// Threads ONNX Runtime uses inside one operator (a convolution); null for ONNX Runtime's default (one per physical
    /// core). Set 1 when several generators or requests run in parallel.
    /// </summary>
    /// <value>The default value is null.</value>
    public int? IntraOpThreads { get; set; }

    /// <summary>
    /// The prior z is drawn from, for a model whose metadata does not name one (<c>dcgan.latent_prior</c>): PyTorch's
    /// pytorch/examples DCGAN draws z from <see cref="LatentDistribution.Normal"/>. A model that names its prior is
    /// refused when this says otherwise.
    /// </summary>
    /// <value>The default value is null: the model's metadata must name the prior.</value>
    public LatentDistribution? LatentDistribution { get; set; }

    /// <summary>The graph input that takes z; null when the model has exactly one input.</summary>
    /// <value>The default value is null.</value>
    public string? InputName { get; set; }

    /// <summary>The graph output that gives the images; null when the model has exactly one output.</summary>
    /// <value>The default value is null.</value>
    public string? OutputName { get; set; }

    /// <summary>How a model given as bytes is named in error messages; a file is named by its path.</summary>
    /// <value>The default value is null: "the ONNX model given as N bytes".</value>
    public string? ModelName { get; set; }
}
