using Dcgan.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Core.Tests.Models;

/// <summary>Native memory: repeated passes inside dispose scopes leave the live tensor count flat.</summary>
public class MemoryTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Repeated_training_and_generation_passes_do_not_leak_tensors(bool paper)
    {
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(TinyModels.Options(paper, size: 32, width: 4), seed: 8);
        using (g)
        using (d)
        {
            void Step(int i)
            {
                using var scope = torch.NewDisposeScope();
                Tensor z = TinyModels.Latent(4, 8, seed: i);
                Tensor fake = g.Generate(z);
                (Tensor logits, IReadOnlyList<Tensor> features) = d.ForwardWithFeatures(fake);
                (logits.mean() + d.Judge(fake).mean() + features[^1].mean()).backward();
                g.GenerateImages(z, BatchNormMode.RunningStatistics);
                g.GenerateImages(z, BatchNormMode.BatchStatistics);
            }

            Step(0); // first pass creates the .grad tensors, which then live as long as the parameters
            long baseline = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
            for (int i = 1; i <= 5; i++)
            {
                Step(i);
            }

            DisposeScopeManager.Statistics.ThreadTotalLiveCount.Should().Be(baseline);

            // The measure is live: a tensor that escapes every scope shows up in it.
            using Tensor latent = TinyModels.Latent(1, 8, seed: 9);
            using Tensor escaped = g.Generate(latent);
            DisposeScopeManager.Statistics.ThreadTotalLiveCount.Should().BeGreaterThan(baseline);
        }
    }
}
