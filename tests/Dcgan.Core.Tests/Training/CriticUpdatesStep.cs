// A second, real IAdversarialStep written against the public API only (as a library user would): several
// discriminator ("critic") updates per generator update, each on fresh latent vectors, as WGAN's n-critic loop.
using Dcgan.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Core.Tests.Training;

/// <summary>
/// Per batch: <c>criticUpdates</c> discriminator updates on the real batch and G(z) for fresh z each time, then one
/// generator update on fresh z. Latent draws, in order: z_1 .. z_n for the critic, then z_G.
/// </summary>
internal sealed class CriticUpdatesStep : IAdversarialStep
{
    public CriticUpdatesStep(int criticUpdates)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(criticUpdates, 1);
        CriticUpdates = criticUpdates;
    }

    public int CriticUpdates { get; }

    public StepLosses Run(AdversarialStepContext context)
    {
        int batch = context.BatchSize;
        double discriminatorLoss = 0, realScore = 0, fakeScore = 0;
        for (int i = 0; i < CriticUpdates; i++)
        {
            Tensor fake = context.Generator.Generate(context.SampleLatent(batch)).detach(); // [B, C, H, W], no gradient to G
            context.DiscriminatorOptimizer.zero_grad();
            Tensor realLogits = context.Discriminator.Judge(context.RealImages);           // [B]
            Tensor fakeLogits = context.Discriminator.Judge(fake);                         // [B]
            Tensor loss = context.Loss.DiscriminatorLoss(realLogits, fakeLogits);          // []
            loss.backward();
            context.DiscriminatorOptimizer.step();
            discriminatorLoss = loss.item<float>();
            realScore = realLogits.detach().sigmoid().mean().item<float>();
            fakeScore = fakeLogits.detach().sigmoid().mean().item<float>();
        }

        context.ReportDiscriminatorStep(new StepLosses(discriminatorLoss, 0, realScore, fakeScore));

        // Generator: through the updated critic. D's parameters get gradients too (nothing here freezes them), but
        // only G's optimizer steps, and D's next update starts with zero_grad.
        context.GeneratorOptimizer.zero_grad();
        Tensor judged = context.Discriminator.Judge(context.Generator.Generate(context.SampleLatent(batch))); // [B]
        Tensor generatorLoss = context.Loss.GeneratorLoss(judged);                          // []
        generatorLoss.backward();
        context.GeneratorOptimizer.step();
        return new StepLosses(discriminatorLoss, generatorLoss.item<float>(), realScore, fakeScore);
    }
}
