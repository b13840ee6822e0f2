// The training-step extension point: what one batch does to the two networks (update order, number of updates).
namespace Dcgan.Training;

/// <summary>
/// One adversarial training step on one batch. <see cref="GanTrainer"/> calls <see cref="Run"/> once per batch,
/// inside that batch's dispose scope, and publishes the returned numbers to its callbacks. The default is
/// <see cref="DiscriminatorThenGeneratorStep"/> (the paper's); implement this interface for another update order or
/// count, for example several critic updates per generator update.
/// </summary>
/// <remarks>
/// <para>Contract: draw latent vectors only from <see cref="AdversarialStepContext.SampleLatent"/> (so a seed
/// reproduces the run and checkpoints resume it exactly); update the networks only through the context's two
/// optimizers; call <see cref="AdversarialStepContext.ReportDiscriminatorStep"/> exactly once, after the last
/// discriminator update (it raises <see cref="GanCallback.OnDiscriminatorStepEnd"/>); return managed numbers.</para>
/// <para>Tensors the step creates belong to the trainer's per-step dispose scope and die when the step ends; a step
/// must not keep them, nor the context's optimizers or parameters, beyond <see cref="Run"/> (loading a checkpoint
/// replaces the optimizers). State a step keeps between calls is not saved in checkpoints.</para>
/// </remarks>
public interface IAdversarialStep
{
    /// <summary>Trains the discriminator and the generator on one batch.</summary>
    /// <param name="context">The batch, the networks, the loss, the optimizers and the noise source of this step.</param>
    /// <returns>The step's losses and scores as .NET numbers.</returns>
    StepLosses Run(AdversarialStepContext context);
}
