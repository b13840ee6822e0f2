// GeneratorModel: what a model loader hands the pool: the generator and where it came from.
using Dcgan.Generation;

namespace Dcgan.Serving;

/// <summary>A generator loaded by an <see cref="IGeneratorModelLoader"/>, with its provenance.</summary>
/// <param name="Generator">The generator, ready to render; owned by whoever receives this (the pool disposes it when it implements <see cref="IDisposable"/>).</param>
/// <param name="File">The file it was loaded from (full path).</param>
/// <param name="Epoch">Zero-based epoch where the model's training continues, when known.</param>
/// <param name="GlobalStep">Training steps behind the model, when known.</param>
public sealed record GeneratorModel(IImageGenerator Generator, string File, int? Epoch = null, long? GlobalStep = null);
