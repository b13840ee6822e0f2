// ImagePerturbations: the degradations that give the Frechet distance a scale (protocol B): Gaussian blur and
// additive Gaussian pixel noise.
using Dcgan.Native;
using Dcgan.Data;
using Dcgan.Features;
using Dcgan.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Evaluation;

/// <summary>Seeded, deterministic image degradations on managed images in [-1, 1].</summary>
public static class ImagePerturbations
{
    /// <summary>
    /// Blurs every channel with a separable Gaussian of standard deviation <paramref name="sigma"/> pixels (kernel radius
    /// ceil(3 sigma), weights normalised to sum 1, edges padded by replicating the border pixel).
    /// </summary>
    /// <param name="images">Images in [-1, 1].</param>
    /// <param name="sigma">Standard deviation in pixels, greater than 0.</param>
    /// <returns>New blurred images (the input is unchanged).</returns>
    public static ImageBatch GaussianBlur(ImageBatch images, double sigma)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(sigma, 0.0);
        int radius = (int)Math.Ceiling(3 * sigma);
        float[] weights = Enumerable.Range(-radius, 2 * radius + 1).Select(i => (float)Math.Exp(-i * i / (2 * sigma * sigma))).ToArray();
        float total = weights.Sum();
        weights = weights.Select(w => w / total).ToArray();

        ImageShape shape = images.Shape;
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        Tensor x = ImageBatchTensors.ToTensor(images, CPU)
            .view(images.Count * shape.Channels, 1, shape.Height, shape.Width);                              // [N*C, 1, H, W]
        Tensor horizontal = torch.tensor(weights, [1, 1, 1, weights.Length]);                                 // [1, 1, 1, K]
        Tensor vertical = torch.tensor(weights, [1, 1, weights.Length, 1]);                                   // [1, 1, K, 1]
        Tensor padded = nn.functional.pad(x, [radius, radius, radius, radius], PaddingModes.Replicate);       // [N*C, 1, H+2r, W+2r]
        Tensor blurred = nn.functional.conv2d(nn.functional.conv2d(padded, horizontal), vertical);            // [N*C, 1, H, W]
        return new ImageBatch(images.Count, shape, blurred.contiguous().data<float>().ToArray());
    }

    /// <summary>
    /// Adds independent Gaussian noise to every pixel and clamps the result to [-1, 1]. The standard deviation is given
    /// in intensity units of [0, 1] images (0.1 = a tenth of the range), so it is doubled on the [-1, 1] scale.
    /// </summary>
    /// <param name="images">Images in [-1, 1].</param>
    /// <param name="standardDeviation">Noise standard deviation on the [0, 1] intensity scale, at least 0.</param>
    /// <param name="seed">Seed of the noise.</param>
    /// <returns>New noisy images (the input is unchanged).</returns>
    public static ImageBatch AddGaussianNoise(ImageBatch images, double standardDeviation, long seed)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfNegative(standardDeviation);
        using var scope = torch.NewDisposeScope();
        using var generator = new torch.Generator((ulong)seed);
        Tensor x = ImageBatchTensors.ToTensor(images, CPU).flatten();                            // [N*C*H*W]
        Tensor noise = torch.randn([x.shape[0]], generator: generator).Times(2.0 * standardDeviation); // [N*C*H*W]
        Tensor noisy = x.Plus(noise).clamp(Scalars.Constant(-1.0), Scalars.Constant(1.0));                                        // [N*C*H*W]
        return new ImageBatch(images.Count, images.Shape, noisy.data<float>().ToArray());
    }
}
