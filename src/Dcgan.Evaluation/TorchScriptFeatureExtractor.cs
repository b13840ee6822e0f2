// TorchScriptFeatureExtractor: features from a TorchScript network the user supplies, called exactly as StyleGAN2-ADA
// and clean-fid (mode "legacy_tensorflow") call NVIDIA's inception-2015-12-05.pt: model(levels, return_features=True)
// on [N, 3, H, W] 8-bit levels, the network resizing to 299x299 itself. docs/fid.md states the convention.
using System.Runtime.InteropServices;
using Dcgan.Data;
using Dcgan.Features;
using Dcgan.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Evaluation;

/// <summary>
/// A TorchScript feature extractor with the calling convention of NVIDIA's <c>inception-2015-12-05.pt</c> (the network
/// that StyleGAN2-ADA, clean-fid and most published FID/KID numbers use): <c>forward(img, return_features: bool)</c>
/// takes [N, 3, H, W] images of 8-bit levels 0..255 (not normalised; the network casts to float32, resizes to its own
/// input size and normalises) and returns [N, D] features (D = 2048 pool features for Inception) when the second
/// argument is <see langword="true"/>. Nothing is downloaded: the caller gives the file.
/// </summary>
/// <remarks>
/// Images in [-1, 1] become levels as StyleGAN2-ADA's metric code makes them from generator outputs:
/// <c>(x * 127.5 + 128).clamp(0, 255).to(torch.uint8)</c>, here passed as float32 tensors holding those integers
/// (identical for a network that casts its input to float32 first, as Inception does). Images that Dcgan.Data read from
/// 8-bit files come back as exactly their stored bytes. 1-channel images are repeated to 3 channels. Each batch runs in
/// its own dispose scope under <c>torch.no_grad()</c>; the extractor owns the native module until disposed.
/// </remarks>
public sealed class TorchScriptFeatureExtractor : IDisposable
{
    /// <summary>The default number of images per forward pass (StyleGAN2-ADA's metric batch size).</summary>
    public const int DefaultBatchSize = 64;

    private readonly jit.ScriptModule<Tensor, bool, Tensor> _module;
    private readonly Device _device;

    private TorchScriptFeatureExtractor(jit.ScriptModule<Tensor, bool, Tensor> module, string path, Device device)
    {
        _module = module;
        _device = device;
        FilePath = path;
    }

    /// <summary>The full path of the TorchScript file.</summary>
    public string FilePath { get; }

    /// <summary>The feature dimension D, known after the first batch (<see langword="null"/> before).</summary>
    public int? Dimension { get; private set; }

    /// <summary>Loads a TorchScript file (saved with <c>torch.jit.save</c> or <c>ScriptModule.save</c>) in eval mode.</summary>
    /// <param name="path">The file, e.g. <c>inception-2015-12-05.pt</c>.</param>
    /// <param name="device">Where the network and the batches run. The default value is <see langword="null"/>, meaning the CPU.</param>
    /// <returns>The extractor; dispose it to free the native module.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a TorchScript archive; the message names it and gives libtorch's reason.</exception>
    public static TorchScriptFeatureExtractor Load(string path, Device? device = null)
    {
        TorchRuntime.EnsureLoaded();
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"TorchScript feature extractor '{full}' does not exist (e.g. download inception-2015-12-05.pt yourself; nothing is fetched).", full);
        }

        device ??= CPU;
        jit.ScriptModule<Tensor, bool, Tensor> module;
        try
        {
            module = jit.load<Tensor, bool, Tensor>(full, device.type, device.index);
        }
        catch (Exception e) when (e is ExternalException or InvalidOperationException)
        {
            throw new InvalidDataException($"'{full}' is not a TorchScript file that libtorch can load (save it with torch.jit.save): {FirstLine(e.Message)}", e);
        }

        module.eval();
        return new TorchScriptFeatureExtractor(module, full, device);
    }

    /// <summary>The features of <paramref name="images"/>, one row per image, computed in batches.</summary>
    /// <param name="images">Images in [-1, 1] with 1 or 3 channels, any size (the network resizes).</param>
    /// <param name="batchSize">Images per forward pass. The default value is <see cref="DefaultBatchSize"/>.</param>
    /// <param name="cancellationToken">Checked before every batch. The default value is <see cref="CancellationToken.None"/>.</param>
    /// <returns>[images.Count, D] float32 features (managed; nothing to dispose).</returns>
    /// <exception cref="ArgumentException">The images have neither 1 nor 3 channels.</exception>
    /// <exception cref="InvalidOperationException">The network failed on a batch or returned something other than [B, D] (or [B, D, 1, 1]) features, or D changed between batches.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; no tensor stays live.</exception>
    public FeatureMatrix Features(ImageBatch images, int batchSize = DefaultBatchSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (images.Shape.Channels is not (1 or 3))
        {
            throw new ArgumentException($"The feature extractor takes 1-channel (repeated to 3) or 3-channel images; got {images.Shape}.", nameof(images));
        }

        FeatureMatrix? result = null;
        for (int start = 0; start < images.Count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = Math.Min(batchSize, images.Count - start);
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            Tensor levels = InceptionInput.ToLevels(ImageBatchTensors.ToTensor(images, start, count, _device)); // [B, 3, H, W] 0..255
            Tensor features = Forward(levels).to(float32).cpu().contiguous();                                   // [B, D]
            result ??= FeatureMatrix.Zeros(images.Count, Dimension!.Value);
            features.data<float>().CopyTo(result.Values.AsSpan(start * result.Columns, count * result.Columns));
        }

        return result ?? FeatureMatrix.Zeros(0, Dimension ?? 1);
    }

    /// <summary>Frees the native module.</summary>
    public void Dispose() => _module.Dispose();

    private Tensor Forward(Tensor levels)
    {
        long batch = levels.shape[0];
        Tensor output;
        try
        {
            output = _module.call(levels, true);                              // forward(img, return_features=True)
        }
        catch (Exception e) when (e is ExternalException or InvalidOperationException or NotImplementedException or InvalidCastException)
        {
            throw new InvalidOperationException(
                $"The TorchScript model '{FilePath}' failed when called as forward(img, return_features=True) on [{string.Join(", ", levels.shape)}] float32 levels 0..255: {FirstLine(e.Message)}", e);
        }

        bool pooled = output.dim() == 2 || (output.dim() == 4 && output.shape[2] == 1 && output.shape[3] == 1);
        if (!pooled || output.shape[0] != batch)
        {
            throw new InvalidOperationException(
                $"The TorchScript model '{FilePath}' returned shape [{string.Join(", ", output.shape)}] for a batch of {batch}; features must be [{batch}, D] (or [{batch}, D, 1, 1]).");
        }

        int dimension = checked((int)output.shape[1]);
        if (Dimension is int known && known != dimension)
        {
            throw new InvalidOperationException($"The TorchScript model '{FilePath}' returned {dimension} features per image after {known} on an earlier batch.");
        }

        Dimension = dimension;
        return output.reshape(batch, dimension);                              // [B, D]
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
