using static TorchSharp.torch;

namespace Dcgan.Training;

/// <summary>
/// The adversarial objective: what the discriminator and the generator minimise. An extension point
/// (for example a least-squares or hinge loss). Both methods take logits and return a scalar tensor that the
/// caller's dispose scope owns.
/// </summary>
public interface IGanLoss
{
    /// <summary>The discriminator's loss, from its logits on real images [N] and on generated images [N].</summary>
    Tensor DiscriminatorLoss(Tensor realLogits, Tensor fakeLogits);

    /// <summary>The generator's loss, from the discriminator's logits on generated images [N].</summary>
    Tensor GeneratorLoss(Tensor fakeLogits);
}
