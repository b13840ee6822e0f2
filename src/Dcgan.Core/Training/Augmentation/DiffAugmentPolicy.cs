// DiffAugmentPolicy: which differentiable augmentations the trainer applies to every batch before the discriminator.
namespace Dcgan.Training;

/// <summary>
/// The differentiable augmentations of DiffAugment (Zhao et al., "Differentiable Augmentation for Data-Efficient GAN
/// Training", NeurIPS 2020), applied by <see cref="DiffAugment.Apply"/> to real and generated batches alike before
/// the discriminator sees them. Combine with <c>|</c>; the paper's recommended policy is <see cref="All"/>.
/// </summary>
[Flags]
public enum DiffAugmentPolicy
{
    /// <summary>No augmentation: the discriminator sees the batches as they are (the paper's DCGAN).</summary>
    None = 0,

    /// <summary>Random brightness (add U[-0.5, 0.5)), saturation (scale the distance to the channel mean by U[0, 2)) and
    /// contrast (scale the distance to the image mean by U[0.5, 1.5)), one draw per image and each in that order.</summary>
    Color = 1,

    /// <summary>Random integer shift of up to 1/8 of the height and width in each direction, filling with zeros.</summary>
    Translation = 2,

    /// <summary>Zeroes one random square-ish window of half the height by half the width per image (it may be clipped by the border).</summary>
    Cutout = 4,

    /// <summary>Colour, translation and cutout, in that order: DiffAugment's "color,translation,cutout".</summary>
    All = Color | Translation | Cutout,
}
