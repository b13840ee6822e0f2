// OnnxGeneratorLoader: the ONNX Runtime backend of the generator pool: serves .onnx generators (exported by
// `dcgan export`, or by PyTorch with the prior given in the options) with no TorchSharp in the process.
using System.Globalization;
using Dcgan.Serving;

namespace Dcgan.Onnx;

/// <summary>
/// Loads ONNX generators for a <see cref="GeneratorPool"/>: a file (<c>*.onnx</c>) or the newest <c>*.onnx</c> in a
/// folder, as an <see cref="OnnxImageGenerator"/> that the pool owns and disposes. The training step and epoch come
/// from the checkpoint provenance that <c>dcgan export</c> writes into the metadata (null when absent). Stateless: one
/// instance may serve any number of pools.
/// </summary>
/// <remarks>
/// Runs on the CPU (the Microsoft.ML.OnnxRuntime package): the device setting must be "auto" or "cpu". ONNX Runtime's
/// CUDA package (Microsoft.ML.OnnxRuntime.Gpu) is not wired in and was not verified.
/// </remarks>
/// <param name="options">Session settings and, for models without Dcgan metadata, the latent prior; null means the defaults.</param>
public sealed class OnnxGeneratorLoader(OnnxGeneratorOptions? options = null) : IGeneratorModelLoader
{
    /// <summary>The metadata key <c>dcgan export</c> writes the checkpoint's global step under.</summary>
    public const string CheckpointStepKey = "dcgan.checkpoint_step";

    /// <summary>The metadata key <c>dcgan export</c> writes the checkpoint's epoch under.</summary>
    public const string CheckpointEpochKey = "dcgan.checkpoint_epoch";

    /// <summary>ONNX model files: <c>*.onnx</c>.</summary>
    public string FilePattern => "*.onnx";

    /// <summary>Checks the device: ONNX Runtime runs on the CPU here.</summary>
    /// <param name="device">"auto" or "cpu".</param>
    /// <exception cref="ArgumentException">Any other device; the message names it.</exception>
    public void Prepare(string device)
    {
        if (!string.Equals(device, "auto", StringComparison.OrdinalIgnoreCase) && !string.Equals(device, "cpu", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"Device '{device}': the ONNX Runtime backend runs on the CPU (expected \"auto\" or \"cpu\"); a GPU needs ONNX Runtime's CUDA package, which this library does not wire in.",
                nameof(device));
        }
    }

    /// <summary>The file itself, or the newest <c>*.onnx</c> in a folder.</summary>
    /// <param name="path">An .onnx file or a folder holding some.</param>
    /// <exception cref="FileNotFoundException">Nothing to load there; the message names the path.</exception>
    public string Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (File.Exists(path))
        {
            return Path.GetFullPath(path);
        }

        return (Directory.Exists(path) ? FindIn(path) : null)
            ?? throw new FileNotFoundException($"No ONNX model at '{Path.GetFullPath(path)}': expected an .onnx file or a folder holding one.", path);
    }

    /// <summary>The newest (by write time, then name) <c>*.onnx</c> in <paramref name="folder"/>, or null.</summary>
    /// <param name="folder">A folder.</param>
    public string? FindIn(string folder) => !Directory.Exists(folder) ? null
        : new DirectoryInfo(folder).EnumerateFiles(FilePattern).OrderByDescending(f => f.LastWriteTimeUtc).ThenByDescending(f => f.Name, StringComparer.Ordinal)
            .Select(f => f.FullName).FirstOrDefault();

    /// <summary>Opens <paramref name="file"/> with ONNX Runtime.</summary>
    /// <param name="file">An .onnx file.</param>
    /// <param name="device">"auto" or "cpu".</param>
    /// <returns>The generator (owned by the caller) with the step and epoch recorded by <c>dcgan export</c>, when present.</returns>
    /// <exception cref="InvalidDataException">Not an ONNX generator with the rendering contract; the message names the file.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public GeneratorModel Load(string file, string device)
    {
        Prepare(device);
        var generator = new OnnxImageGenerator(file, options);
        int? epoch = int.TryParse(generator.Metadata.GetValueOrDefault(CheckpointEpochKey), NumberStyles.None, CultureInfo.InvariantCulture, out int e) ? e : null;
        long? step = long.TryParse(generator.Metadata.GetValueOrDefault(CheckpointStepKey), NumberStyles.None, CultureInfo.InvariantCulture, out long s) ? s : null;
        return new GeneratorModel(generator, Path.GetFullPath(file), epoch, step);
    }

    /// <summary>0: ONNX Runtime keeps no per-thread count of native objects.</summary>
    public long CountLiveNativeObjects() => 0;
}
