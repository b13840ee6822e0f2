// Who owns what around a trainer: it disposes its disposable callbacks (once, last registered first) and hands out the
// fixed latents as managed copies; the networks stay the caller's.
using Dcgan.Models;
using Dcgan.Training;

namespace Dcgan.Core.Tests.Training;

public class TrainerOwnershipTests
{
    private sealed class DisposableCallback(List<string> log, string name) : GanCallback, IDisposable
    {
        public void Dispose() => log.Add(name);
    }

    [Fact]
    public void Disposing_the_trainer_disposes_its_disposable_callbacks_once_in_reverse_order()
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using var _g = g;
        using var _d = d;
        var log = new List<string>();
        var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(32), TrainingFixtures.Setup(TrainingFixtures.FastOptions(epochs: 1),
            new DisposableCallback(log, "first"), new RecordingCallback(), new DisposableCallback(log, "last")));

        log.Should().BeEmpty();
        trainer.Dispose();
        trainer.Dispose();

        log.Should().Equal("last", "first");
        g.Network.parameters().Should().NotBeEmpty("the networks are the caller's and stay usable");
    }

    [Fact]
    public void The_fixed_latents_are_managed_copies_that_match_the_sample_grid()
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using var _g = g;
        using var _d = d;
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(32), TrainingFixtures.Setup(TrainingFixtures.FastOptions(epochs: 1)));

        float[][] latents = trainer.FixedLatents;
        latents[0][0] = 42f;                                     // a copy: changing it changes nothing in the trainer

        trainer.FixedLatents[0][0].Should().NotBe(42f);
        latents.Should().HaveCount(TrainingFixtures.FastOptions(epochs: 1).FixedSampleCount).And.OnlyContain(row => row.Length == g.LatentDimension);
        float[] grid = trainer.GenerateFixedSamples(BatchNormMode.RunningStatistics).Pixels;
        float[] rendered = g.Render(trainer.FixedLatents, BatchNormMode.RunningStatistics, latents.Length).Pixels;
        TrainingFixtures.Bits(rendered).Should().Equal(TrainingFixtures.Bits(grid));
    }
}
