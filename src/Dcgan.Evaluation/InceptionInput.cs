// InceptionInput: the input convention of NVIDIA's inception-2015-12-05.pt as StyleGAN2-ADA feeds it
// (metrics/metric_utils.py): generator outputs in [-1, 1] become 8-bit levels with (x * 127.5 + 128).clamp(0, 255)
// .to(torch.uint8), and 1-channel images are repeated to 3 channels. The network itself casts to float32, resizes to
// 299x299 and normalises; nothing else is done here.
using Dcgan.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Evaluation;

/// <summary>Converts [-1, 1] images to the 8-bit levels StyleGAN2-ADA passes to its TorchScript feature detectors.</summary>
internal static class InceptionInput
{
    /// <summary>
    /// [B, C, H, W] float images in [-1, 1] (values outside are clamped) as [B, 3, H, W] float32 tensors holding the
    /// integers 0..255 that StyleGAN2-ADA computes as uint8: <c>floor(clamp(x * 127.5 + 128, 0, 255))</c>, each step in
    /// float32 as PyTorch does it. A byte b stored by Dcgan.Data as <c>b / 127.5 - 1</c> comes back as exactly b.
    /// </summary>
    /// <exception cref="ArgumentException">The images have neither 1 nor 3 channels.</exception>
    public static Tensor ToLevels(Tensor images)
    {
        long channels = images.shape[1];
        if (channels is not (1 or 3))
        {
            throw new ArgumentException($"The feature extractor takes 1-channel (repeated to 3) or 3-channel images; got {channels} channels.", nameof(images));
        }

        Tensor levels = images.to(float32)
            .Times(127.5)                                                             // [B, C, H, W]
            .add(Scalars.Constant(128.0), Scalars.One)
            .clamp(Scalars.Constant(0.0), Scalars.Constant(255.0))
            .to(ScalarType.Byte)                                                      // truncation, as .to(torch.uint8)
            .to(float32);
        return channels == 1 ? levels.repeat(1, 3, 1, 1) : levels;                    // [B, 3, H, W]
    }
}
