// OnnxImageGenerator: the IImageGenerator rendering contract on ONNX Runtime, with no TorchSharp: a generator exported
// by `dcgan export`, or any ONNX generator with z [N, Z] or [N, Z, 1, 1] in and images [N, C, H, W] in [-1, 1] out
// (pytorch/examples' DCGAN exported by PyTorch serves too, given its prior in the options).
//   RenderBatch: rows [N][Z] -> one float32 buffer [N, Z] (or [N, Z, 1, 1]) -> one InferenceSession.Run, written
//   straight into the managed output [N, C, H, W] of the returned ImageBatch.
using Dcgan.Data;
using Dcgan.Generation;
using Microsoft.ML.OnnxRuntime;

namespace Dcgan.Onnx;

/// <summary>
/// A generator served by ONNX Runtime: turns latent vectors into images with an ONNX model, on any platform ONNX
/// Runtime supports and with no libtorch.
/// </summary>
/// <remarks>
/// <para>The model describes itself through its metadata (<see cref="OnnxMetadataKeys"/>, written by
/// <c>dcgan export</c>); a model without it is described by its graph (fixed Z, C, H and W) and
/// <see cref="OnnxGeneratorOptions.LatentDistribution"/>. Seeds give the same latent vectors as on TorchSharp
/// (<see cref="LatentSeeds"/>), so <see cref="ImageGeneratorExtensions.RenderSeed"/> renders the same images on both
/// backends, up to float rounding (within 1e-5 for the exported Dcgan networks).</para>
/// <para>Ownership: the generator owns its ONNX Runtime session (native memory) and releases it in
/// <see cref="Dispose"/>; whoever creates it disposes it. Each returned <see cref="ImageBatch"/> is a new managed array
/// the caller owns.</para>
/// <para>Thread safety: <see cref="RenderBatch"/> may be called from several threads at once (ONNX Runtime's
/// <c>InferenceSession.Run</c> is thread-safe and each call has its own buffers); the properties never change.
/// <see cref="Dispose"/> must not run while a call is in progress; calls after it throw
/// <see cref="ObjectDisposedException"/>.</para>
/// </remarks>
public sealed class OnnxImageGenerator : IImageGenerator, IDisposable
{
    private readonly InferenceSession session;
    private readonly RunOptions runOptions;
    private readonly OnnxGeneratorContract contract;
    private readonly string[] inputNames;
    private readonly string[] outputNames;
    private volatile bool disposed;

    /// <summary>Opens the ONNX model in <paramref name="path"/>, which describes itself (see <see cref="OnnxMetadataKeys"/>).</summary>
    /// <param name="path">An .onnx file (relative paths are resolved against the current folder).</param>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not an ONNX model, or the model is not a generator of the contract; the message names the file and what was expected.</exception>
    public OnnxImageGenerator(string path)
        : this(path, null)
    {
    }

    /// <summary>Opens the ONNX model in <paramref name="path"/>.</summary>
    /// <param name="path">An .onnx file (relative paths are resolved against the current folder).</param>
    /// <param name="options">Threads, the prior for a model without one, tensor names; null for the defaults.</param>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not an ONNX model, or the model is not a generator of the contract; the message names the file and what was expected.</exception>
    public OnnxImageGenerator(string path, OnnxGeneratorOptions? options)
        : this(ReadModel(path), Path.GetFullPath(path), options)
    {
    }

    /// <summary>Opens an ONNX model held in memory, which describes itself (see <see cref="OnnxMetadataKeys"/>).</summary>
    /// <param name="model">The model's bytes (an ONNX ModelProto); not kept after the constructor returns.</param>
    /// <exception cref="InvalidDataException">The bytes are not an ONNX model, or the model is not a generator of the contract.</exception>
    public OnnxImageGenerator(byte[] model)
        : this(model, null)
    {
    }

    /// <summary>Opens an ONNX model held in memory.</summary>
    /// <param name="model">The model's bytes (an ONNX ModelProto); not kept after the constructor returns.</param>
    /// <param name="options">Threads, the prior for a model without one, tensor names, a name for messages; null for the defaults.</param>
    /// <exception cref="InvalidDataException">The bytes are not an ONNX model, or the model is not a generator of the contract.</exception>
    public OnnxImageGenerator(byte[] model, OnnxGeneratorOptions? options)
        : this(model ?? throw new ArgumentNullException(nameof(model)), options?.ModelName ?? $"the ONNX model given as {model.Length} bytes", options)
    {
    }

    private OnnxImageGenerator(byte[] model, string modelName, OnnxGeneratorOptions? options)
    {
        options ??= new OnnxGeneratorOptions();
        ModelName = modelName;
        session = OpenSession(model, modelName, options);
        try
        {
            contract = OnnxGeneratorContract.Read(session, modelName, options);
            Metadata = session.ModelMetadata.CustomMetadataMap.AsReadOnly();
        }
        catch
        {
            session.Dispose();
            throw;
        }

        runOptions = new RunOptions();

        inputNames = [contract.InputName];
        outputNames = [contract.OutputName];
    }

    /// <inheritdoc/>
    public int LatentDimension => contract.LatentDimension;

    /// <inheritdoc/>
    public LatentDistribution LatentDistribution => contract.LatentDistribution;

    /// <inheritdoc/>
    public ImageShape ImageShape => contract.ImageShape;

    /// <summary>The model's file (full path), or the name it was given in memory; used in error messages.</summary>
    public string ModelName { get; }

    /// <summary>The model's metadata (ONNX <c>metadata_props</c>): <see cref="OnnxMetadataKeys"/> and any provenance.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <inheritdoc/>
    /// <exception cref="ObjectDisposedException">The generator was disposed.</exception>
    /// <exception cref="InvalidOperationException">ONNX Runtime failed to run the model; the message names it.</exception>
    public ImageBatch RenderBatch(IReadOnlyList<float[]> latents)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        LatentRows.RequireDimension(latents, LatentDimension);
        int n = latents.Count;
        int z = LatentDimension;
        var latent = new float[n * z];                                             // [N, Z]
        for (int i = 0; i < n; i++)
        {
            latents[i].CopyTo(latent, i * z);
        }

        ImageShape shape = ImageShape;
        var pixels = new float[n * shape.ElementCount];                             // [N, C, H, W]
        long[] latentShape = contract.LatentIsColumn ? [n, z, 1, 1] : [n, z];
        using OrtValue input = OrtValue.CreateTensorValueFromMemory(latent, latentShape);
        using OrtValue output = OrtValue.CreateTensorValueFromMemory(pixels, [n, shape.Channels, shape.Height, shape.Width]);
        try
        {
            session.Run(runOptions, inputNames, [input], outputNames, [output]);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidOperationException($"ONNX Runtime failed to render {n} images with {ModelName}: {e.Message}", e);
        }

        return new ImageBatch(n, shape, pixels);
    }

    /// <summary>Releases the ONNX Runtime session. Not to be called while <see cref="RenderBatch"/> runs.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        session.Dispose();
        runOptions.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => $"OnnxImageGenerator({ModelName}: z {LatentDimension} {LatentDistribution} -> {ImageShape})";

    private static byte[] ReadModel(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException(
                Directory.Exists(full) ? $"{full} is a folder; expected an ONNX model file (.onnx)." : $"No ONNX model at {full}: the file does not exist.", full);
        }

        return File.ReadAllBytes(full);
    }

    private static InferenceSession OpenSession(byte[] model, string modelName, OnnxGeneratorOptions options)
    {
        if (options.IntraOpThreads is int threads)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1, nameof(options) + "." + nameof(options.IntraOpThreads));
        }

        using var sessionOptions = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        if (options.IntraOpThreads is int intra)
        {
            sessionOptions.IntraOpNumThreads = intra;
        }

        try
        {
            return new InferenceSession(model, sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"{modelName} is not an ONNX model ONNX Runtime can load: {e.Message}", e);
        }
    }
}
