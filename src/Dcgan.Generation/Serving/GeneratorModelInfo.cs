// GeneratorModelInfo: what the pool is serving right now (managed values only).
using Dcgan.Data;
using Dcgan.Generation;

namespace Dcgan.Serving;

/// <summary>The model a <see cref="GeneratorPool"/> serves.</summary>
/// <param name="Checkpoint">The model file (full path): a TorchSharp checkpoint, or whatever the pool's loader reads (an ONNX file, say).</param>
/// <param name="Version">1 for the first model the pool loaded, then one more for every swap.</param>
/// <param name="Epoch">Zero-based epoch where the model's training continues; null when the file does not say.</param>
/// <param name="GlobalStep">Training steps behind the model; null when the file does not say.</param>
/// <param name="LatentDimension">Length of a latent vector z.</param>
/// <param name="LatentDistribution">The prior of z (what seeds are drawn from).</param>
/// <param name="ImageShape">Shape of one generated image.</param>
/// <param name="LoadedUtc">When the pool loaded it.</param>
public sealed record GeneratorModelInfo(
    string Checkpoint,
    int Version,
    int? Epoch,
    long? GlobalStep,
    int LatentDimension,
    LatentDistribution LatentDistribution,
    ImageShape ImageShape,
    DateTimeOffset LoadedUtc);
