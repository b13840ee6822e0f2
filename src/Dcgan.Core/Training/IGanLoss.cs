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
    /// <param name="realLogits">Logits on real images [N]; not disposed here.</param>
    /// <param name="fakeLogits">Logits on generated images [N]; not disposed here.</param>
    /// <returns>A scalar tensor with gradient history, owned by the caller's dispose scope (the trainer's step).</returns>
    Tensor DiscriminatorLoss(Tensor realLogits, Tensor fakeLogits);

    /// <summary>The generator's loss, from the discriminator's logits on generated images [N].</summary>
    /// <param name="fakeLogits">Logits on generated images [N]; not disposed here.</param>
    /// <returns>A scalar tensor with gradient history, owned by the caller's dispose scope (the trainer's step).</returns>
    Tensor GeneratorLoss(Tensor fakeLogits);
}
