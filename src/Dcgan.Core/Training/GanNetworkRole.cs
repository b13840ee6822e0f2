// Which of the two adversaries something is for (an optimizer, a learning rate).
namespace Dcgan.Training;

/// <summary>One of the two networks a GAN trains.</summary>
public enum GanNetworkRole
{
    /// <summary>The generator G: latent vectors to images.</summary>
    Generator,

    /// <summary>The discriminator D: images to "real" logits.</summary>
    Discriminator,
}
