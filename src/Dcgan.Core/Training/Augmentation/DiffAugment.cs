// DiffAugment: colour, translation and cutout on [B, C, H, W] batches, differentiable with respect to the images, with
// every random draw taken on the CPU from a caller-seeded generator (the same draws on every device).
using Dcgan.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Training;

/// <summary>
/// Differentiable augmentation (DiffAugment, Zhao et al. 2020) of image batches: the operations of the authors'
/// <c>DiffAugment_pytorch.py</c> (brightness, saturation, contrast; translation by 1/8; cutout of 1/2), so gradients
/// flow through them to the generator.
/// </summary>
/// <remarks>
/// Every random number is drawn on the CPU from <c>random</c> (a seeded generator) and then moved to the images'
/// device, so a seed gives the same augmentation on every device. The draws, per enabled operation and in this order:
/// brightness [B], saturation [B], contrast [B]; translation x [B] then y [B]; cutout x [B] then y [B].
/// </remarks>
public static class DiffAugment
{
    /// <summary>The largest translation, as a fraction of the height and of the width.</summary>
    /// <value>0.125, the authors' value.</value>
    public const double TranslationRatio = 0.125;

    /// <summary>The cutout window's size, as a fraction of the height and of the width.</summary>
    /// <value>0.5, the authors' value.</value>
    public const double CutoutRatio = 0.5;

    /// <summary>Applies <paramref name="policy"/> to a batch of images.</summary>
    /// <param name="images">[B, C, H, W] floating-point images (any range; Dcgan's are in [-1, 1]).</param>
    /// <param name="policy">Which operations; <see cref="DiffAugmentPolicy.None"/> returns <paramref name="images"/> itself.</param>
    /// <param name="random">The CPU generator every random draw is taken from (it advances).</param>
    /// <returns>The augmented [B, C, H, W] batch: a new tensor owned by the caller (or the caller's dispose scope),
    /// or <paramref name="images"/> when the policy is <see cref="DiffAugmentPolicy.None"/>.</returns>
    /// <exception cref="ArgumentException">The images are not a 4-D floating-point batch, or the policy has undefined flags.</exception>
    public static Tensor Apply(Tensor images, DiffAugmentPolicy policy, torch.Generator random)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(random);
        if ((policy & ~DiffAugmentPolicy.All) != 0)
        {
            throw new ArgumentException($"DiffAugment policy {(int)policy} has flags other than Color, Translation and Cutout.", nameof(policy));
        }

        if (images.dim() != 4 || !images.is_floating_point())
        {
            throw new ArgumentException(
                $"DiffAugment needs a [B, C, H, W] floating-point batch; got shape [{string.Join(", ", images.shape)}] of {images.dtype}.", nameof(images));
        }

        Tensor x = images;
        if (policy.HasFlag(DiffAugmentPolicy.Color))
        {
            x = Contrast(Saturation(Brightness(x, random), random), random);
        }

        if (policy.HasFlag(DiffAugmentPolicy.Translation))
        {
            x = Translate(x, random);
        }

        if (policy.HasFlag(DiffAugmentPolicy.Cutout))
        {
            x = Cutout(x, random);
        }

        return x;
    }

    // x + (u - 0.5), u ~ U[0, 1) per image.
    private static Tensor Brightness(Tensor x, torch.Generator random)
    {
        Tensor shift = Uniform(x, random).sub(Scalars.Constant(0.5));            // [B, 1, 1, 1]
        return x.Plus(shift);                                                     // [B, C, H, W]
    }

    // (x - mean_c) * 2u + mean_c: mean over the channels of each pixel.
    private static Tensor Saturation(Tensor x, torch.Generator random)
    {
        Tensor mean = x.mean([1], keepdim: true);                                 // [B, 1, H, W]
        Tensor factor = Uniform(x, random).Times(2);                              // [B, 1, 1, 1]
        return x.sub(mean).mul(factor).Plus(mean);                   // [B, C, H, W]
    }

    // (x - mean) * (u + 0.5) + mean: mean over each whole image.
    private static Tensor Contrast(Tensor x, torch.Generator random)
    {
        Tensor mean = x.mean([1, 2, 3], keepdim: true);                           // [B, 1, 1, 1]
        Tensor factor = Uniform(x, random).add(Scalars.Constant(0.5), Scalars.One);            // [B, 1, 1, 1]
        return x.sub(mean).mul(factor).Plus(mean);                   // [B, C, H, W]
    }

    // Shifts each image by integers (tx, ty) in [-s, s], s = round(ratio * size); pixels shifted in are zero.
    // out[b, c, i, j] = x[b, c, i + tx, j + ty] when inside the image, else 0 (the authors' indexing into a 1-pixel
    // zero border, written as a gather from the flattened padded batch).
    private static Tensor Translate(Tensor x, torch.Generator random)
    {
        long batch = x.shape[0], channels = x.shape[1], height = x.shape[2], width = x.shape[3];
        long shiftX = (long)((height * TranslationRatio) + 0.5), shiftY = (long)((width * TranslationRatio) + 0.5);
        Tensor tx = RandomIntegers(-shiftX, shiftX + 1, batch, random, x.device).view(batch, 1, 1);   // [B, 1, 1]
        Tensor ty = RandomIntegers(-shiftY, shiftY + 1, batch, random, x.device).view(batch, 1, 1);   // [B, 1, 1]
        Tensor rows = Indices(height, x.device).view(1, height, 1);  // [1, H, 1]
        Tensor cols = Indices(width, x.device).view(1, 1, width);    // [1, 1, W]
        // Index into the padded image ((H + 2) x (W + 2), the image at offset 1), clamped onto the zero border.
        Tensor paddedRow = rows.Plus(tx).add(Scalars.Constant(1L), Scalars.One).clamp(Scalars.Constant(0L), Scalars.Constant(height + 1)); // [B, H, 1]
        Tensor paddedCol = cols.Plus(ty).add(Scalars.Constant(1L), Scalars.One).clamp(Scalars.Constant(0L), Scalars.Constant(width + 1));  // [B, 1, W]
        Tensor image = Indices(batch, x.device).view(batch, 1, 1);   // [B, 1, 1]
        Tensor flat = image.mul(Scalars.Constant((height + 2) * (width + 2)))
            .Plus(paddedRow.mul(Scalars.Constant(width + 2)))
            .Plus(paddedCol);                                                                        // [B, H, W]
        Tensor padded = nn.functional.pad(x, [1, 1, 1, 1]);                                          // [B, C, H + 2, W + 2]
        Tensor pixels = padded.permute(0, 2, 3, 1).reshape(-1, channels);                            // [B (H + 2) (W + 2), C]
        return pixels.index_select(0, flat.flatten())                                                // [B H W, C]
            .view(batch, height, width, channels).permute(0, 3, 1, 2).contiguous();                  // [B, C, H, W]
    }

    // Zeroes rows [ox - h/2, ox - h/2 + h) x columns [oy - w/2, oy - w/2 + w) of each image (h, w = round(ratio * size),
    // ox in [0, H + 1 - h % 2), as the authors' code), clipped by the border.
    private static Tensor Cutout(Tensor x, torch.Generator random)
    {
        long batch = x.shape[0], height = x.shape[2], width = x.shape[3];
        long cutHeight = (long)((height * CutoutRatio) + 0.5), cutWidth = (long)((width * CutoutRatio) + 0.5);
        Tensor offsetX = RandomIntegers(0, height + (1 - (cutHeight % 2)), batch, random, x.device).view(batch, 1, 1); // [B, 1, 1]
        Tensor offsetY = RandomIntegers(0, width + (1 - (cutWidth % 2)), batch, random, x.device).view(batch, 1, 1);   // [B, 1, 1]
        Tensor top = offsetX.sub(Scalars.Constant(cutHeight / 2));                                   // [B, 1, 1]
        Tensor left = offsetY.sub(Scalars.Constant(cutWidth / 2));                                   // [B, 1, 1]
        Tensor rows = Indices(height, x.device).view(1, height, 1);  // [1, H, 1]
        Tensor cols = Indices(width, x.device).view(1, 1, width);    // [1, 1, W]
        Tensor inRows = rows.ge(top).logical_and(rows.lt(top.add(Scalars.Constant(cutHeight), Scalars.One)));    // [B, H, 1]
        Tensor inCols = cols.ge(left).logical_and(cols.lt(left.add(Scalars.Constant(cutWidth), Scalars.One)));   // [B, 1, W]
        Tensor keep = inRows.logical_and(inCols).logical_not().to(x.dtype).unsqueeze(1);             // [B, 1, H, W]
        return x.mul(keep);                                                                          // [B, C, H, W]
    }

    // 0, 1, ..., count - 1 as int64 on the device: [count].
    private static Tensor Indices(long count, Device device) =>
        arange(Scalars.Constant(0L), Scalars.Constant(count), Scalars.One, ScalarType.Int64, device);

    // u ~ U[0, 1), one per image, drawn on the CPU: [B, 1, 1, 1] of x's type on x's device.
    private static Tensor Uniform(Tensor x, torch.Generator random) =>
        torch.rand([x.shape[0], 1, 1, 1], generator: random).to(x.dtype, x.device);

    // Integers in [low, high), one per image, drawn on the CPU: [count] int64 on the device.
    private static Tensor RandomIntegers(long low, long high, long count, torch.Generator random, Device device) =>
        torch.randint(low, high, [count], dtype: ScalarType.Int64, generator: random).to(device);
}
