// The paper's training step on one batch: one discriminator update, then one generator update (paper section 4,
// pytorch/examples' order). Runs inside the trainer's per-step dispose scope; returns managed numbers only.
using Dcgan.Models;
using TorchSharp;
using static TorchSharp.torch;
using Parameter = TorchSharp.Modules.Parameter;

namespace Dcgan.Training;

/// <summary>
/// The D-then-G update, <see cref="GanTrainer"/>'s default <see cref="IAdversarialStep"/>: D is trained on the real
/// batch and on G(z), then G is trained against the updated D on the same G(z). Stateless: one instance may serve
/// any number of trainers. Every batch D judges goes through <see cref="AdversarialStepContext.Augment"/> first
/// (the identity unless <see cref="GanTrainerOptions.Augmentation"/> is set).
/// </summary>
public sealed class DiscriminatorThenGeneratorStep : IAdversarialStep
{
    /// <inheritdoc />
    public StepLosses Run(AdversarialStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        IGenerator generator = context.Generator;
        IDiscriminator discriminator = context.Discriminator;
        Tensor z = context.SampleLatent(context.BatchSize);                        // [B, Z]
        Tensor fake = generator.Generate(z);                                       // [B, C, H, W]

        // Discriminator: real -> 1, fake -> 0. Real and fake go through D as separate batches (the paper's
        // code does too), so batch norm sees pure batches. Gradients are dropped rather than zeroed (see ClearGradients).
        ClearGradients(discriminator.Network);
        Tensor realLogits = discriminator.Judge(context.Augment(context.RealImages)); // [B]
        Tensor fakeLogits = discriminator.Judge(context.Augment(fake.detach()));  // [B]
        Tensor discriminatorLoss = context.Loss.DiscriminatorLoss(realLogits, fakeLogits); // []
        discriminatorLoss.backward();
        context.DiscriminatorOptimizer.step();

        double realScore = realLogits.detach().sigmoid().mean().item<float>();
        double fakeScore = fakeLogits.detach().sigmoid().mean().item<float>();
        double dLoss = discriminatorLoss.item<float>();
        context.ReportDiscriminatorStep(new StepLosses(dLoss, 0, realScore, fakeScore));

        // Generator: non-saturating loss through the updated D. D's weights need no gradient here, so their
        // weight-gradient kernels are skipped (less work than a plain loop); gradients still flow to G.
        ClearGradients(generator.Network);
        Parameter[] discriminatorParameters = discriminator.Network.parameters().ToArray();
        SetRequiresGrad(discriminatorParameters, false);
        try
        {
            Tensor judged = discriminator.Judge(context.Augment(fake));            // [B]
            Tensor generatorLoss = context.Loss.GeneratorLoss(judged);             // []
            generatorLoss.backward();
            context.GeneratorOptimizer.step();
            return new StepLosses(dLoss, generatorLoss.item<float>(), realScore, fakeScore);
        }
        finally
        {
            SetRequiresGrad(discriminatorParameters, true);
        }
    }

    // Sets every gradient of the network to none instead of filling it with zeros (optim.Optimizer.zero_grad), so the
    // next backward writes each gradient once instead of zeroing it and adding to it: one kernel per parameter less,
    // twice a step, and the same values bit for bit (0 + g == g). Every parameter of a DCGAN pair gets a gradient from
    // that backward; in a custom network, a parameter that takes no part in the loss is now skipped by the optimizer
    // (as in PyTorch, whose zero_grad sets to none by default) instead of being stepped with a zero gradient.
    private static void ClearGradients(nn.Module network) => network.zero_grad(set_to_none: true);

    private static void SetRequiresGrad(Parameter[] parameters, bool value)
    {
        foreach (Parameter parameter in parameters)
        {
            parameter.requires_grad = value;
        }
    }
}
