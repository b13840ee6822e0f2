// One DCGAN training step on one batch: the discriminator step, then the generator step (paper section 4,
// pytorch/examples' order). Runs inside the caller's dispose scope; returns managed numbers only.
using Dcgan.Latent;
using Dcgan.Models;
using TorchSharp;
using static TorchSharp.torch;
using Parameter = TorchSharp.Modules.Parameter;

namespace Dcgan.Training;

/// <summary>The D-then-G update on one batch.</summary>
internal sealed class AdversarialStep
{
    private readonly IGenerator _generator;
    private readonly IDiscriminator _discriminator;
    private readonly IGanLoss _loss;
    private readonly Parameter[] _discriminatorParameters;

    public AdversarialStep(IGenerator generator, IDiscriminator discriminator, IGanLoss loss)
    {
        _generator = generator;
        _discriminator = discriminator;
        _loss = loss;
        _discriminatorParameters = discriminator.Network.parameters().ToArray();
    }

    /// <summary>Trains D on (real, G(z)), then G against D. Tensors it makes belong to the caller's scope.</summary>
    /// <param name="real">Real images [B, C, H, W] on the training device.</param>
    /// <param name="noise">CPU generator for z; advances.</param>
    /// <param name="device">The training device.</param>
    /// <param name="discriminatorOptimizer">D's optimizer.</param>
    /// <param name="generatorOptimizer">G's optimizer.</param>
    /// <param name="afterDiscriminator">Called between the two updates with the D-side numbers.</param>
    public StepLosses Run(
        Tensor real, torch.Generator noise, Device device,
        optim.Optimizer discriminatorOptimizer, optim.Optimizer generatorOptimizer,
        Action<StepLosses> afterDiscriminator)
    {
        int batch = (int)real.shape[0];
        Tensor z = LatentSampler.Sample(batch, _generator.LatentDimension, _generator.LatentDistribution, noise, device); // [B, Z]
        Tensor fake = _generator.Generate(z);                                      // [B, C, H, W]

        // Discriminator: real -> 1, fake -> 0. Real and fake go through D as separate batches (the paper's
        // code does too), so batch norm sees pure batches.
        discriminatorOptimizer.zero_grad();
        Tensor realLogits = _discriminator.Judge(real);                            // [B]
        Tensor fakeLogits = _discriminator.Judge(fake.detach());                   // [B]
        Tensor discriminatorLoss = _loss.DiscriminatorLoss(realLogits, fakeLogits); // []
        discriminatorLoss.backward();
        discriminatorOptimizer.step();

        double realScore = realLogits.detach().sigmoid().mean().item<float>();
        double fakeScore = fakeLogits.detach().sigmoid().mean().item<float>();
        double dLoss = discriminatorLoss.item<float>();
        afterDiscriminator(new StepLosses(dLoss, 0, realScore, fakeScore));

        // Generator: non-saturating loss through the updated D. D's weights need no gradient here, so their
        // weight-gradient kernels are skipped (less work than a plain loop); gradients still flow to G.
        generatorOptimizer.zero_grad();
        SetRequiresGrad(_discriminatorParameters, false);
        try
        {
            Tensor judged = _discriminator.Judge(fake);                            // [B]
            Tensor generatorLoss = _loss.GeneratorLoss(judged);                    // []
            generatorLoss.backward();
            generatorOptimizer.step();
            return new StepLosses(dLoss, generatorLoss.item<float>(), realScore, fakeScore);
        }
        finally
        {
            SetRequiresGrad(_discriminatorParameters, true);
        }
    }

    private static void SetRequiresGrad(Parameter[] parameters, bool value)
    {
        foreach (Parameter parameter in parameters)
        {
            parameter.requires_grad = value;
        }
    }
}
