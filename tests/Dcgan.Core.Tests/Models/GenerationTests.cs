using Dcgan.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Core.Tests.Models;

/// <summary>The explicit batch-norm policy of <see cref="GeneratorExtensions.GenerateImages"/>.</summary>
public class GenerationTests
{
    private static DcganGenerator TrainedALittle(bool paper)
    {
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(TinyModels.Options(paper, size: 16, width: 8), seed: 21);
        d.Dispose();
        // A few training-mode passes so that the running statistics are not the initial 0/1.
        using (torch.NewDisposeScope())
        using (torch.no_grad())
        {
            for (int i = 0; i < 3; i++)
            {
                g.Generate(TinyModels.Latent(16, 8, seed: 100 + i));
            }
        }

        return g;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Running_statistics_give_one_z_the_same_image_alone_or_in_any_batch(bool paper)
    {
        using DcganGenerator g = TrainedALittle(paper);
        using var scope = torch.NewDisposeScope();
        Tensor z = TinyModels.Latent(1, 8, seed: 1);
        Tensor batchA = torch.cat([z, TinyModels.Latent(7, 8, seed: 2)], dim: 0);
        Tensor batchB = torch.cat([z, TinyModels.Latent(7, 8, seed: 3)], dim: 0);

        Tensor alone = g.GenerateImages(z, BatchNormMode.RunningStatistics);
        Tensor inA = g.GenerateImages(batchA, BatchNormMode.RunningStatistics)[0];
        Tensor inB = g.GenerateImages(batchB, BatchNormMode.RunningStatistics)[0];

        alone[0].allclose(inA, rtol: 0, atol: 1e-5).Should().BeTrue();
        inA.allclose(inB, rtol: 0, atol: 1e-5).Should().BeTrue();
        alone.requires_grad.Should().BeFalse();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Batch_statistics_make_an_image_depend_on_its_batch_mates(bool paper)
    {
        using DcganGenerator g = TrainedALittle(paper);
        using var scope = torch.NewDisposeScope();
        Tensor z = TinyModels.Latent(1, 8, seed: 1);
        Tensor batchA = torch.cat([z, TinyModels.Latent(7, 8, seed: 2)], dim: 0);
        Tensor batchB = torch.cat([z, TinyModels.Latent(7, 8, seed: 3)], dim: 0);

        Tensor inA = g.GenerateImages(batchA, BatchNormMode.BatchStatistics)[0];
        Tensor inB = g.GenerateImages(batchB, BatchNormMode.BatchStatistics)[0];
        Tensor running = g.GenerateImages(batchA, BatchNormMode.RunningStatistics)[0];

        (inA - inB).abs().max().item<float>().Should().BeGreaterThan(1e-3f);
        (inA - running).abs().max().item<float>().Should().BeGreaterThan(1e-3f);
        // Deterministic for the same batch.
        TinyModels.BitEqual(inA, g.GenerateImages(batchA, BatchNormMode.BatchStatistics)[0]).Should().BeTrue();
    }

    [Theory]
    [InlineData(true, BatchNormMode.BatchStatistics)]
    [InlineData(false, BatchNormMode.BatchStatistics)]
    [InlineData(true, BatchNormMode.RunningStatistics)]
    [InlineData(false, BatchNormMode.RunningStatistics)]
    public void Generating_restores_the_training_flags_and_leaves_running_statistics_unchanged(bool wasTraining, BatchNormMode mode)
    {
        using DcganGenerator g = TrainedALittle(paper: true);
        g.train(wasTraining);
        using var scope = torch.NewDisposeScope();
        Dictionary<string, Tensor> before = g.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.clone());

        g.GenerateImages(TinyModels.Latent(8, 8, seed: 4), mode);

        g.modules().Should().OnlyContain(m => m.training == wasTraining);
        g.state_dict().Should().OnlyContain(kv => TinyModels.BitEqual(kv.Value, before[kv.Key]));
    }

    [Fact]
    public void An_undefined_mode_throws()
    {
        using DcganGenerator g = TrainedALittle(paper: false);
        using var scope = torch.NewDisposeScope();
        Action act = () => g.GenerateImages(TinyModels.Latent(1, 8, seed: 4), (BatchNormMode)5);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("BatchNormMode 5 is not defined.*");
    }
}
