// real-samples.png and GanTrainer.ReadTrainingBatch show exactly the real images the adversarial step receives.
using Dcgan.Data;
using Dcgan.Imaging;
using Dcgan.Models;
using Dcgan.Training;
using Dcgan.Training.Callbacks;

namespace Dcgan.Core.Tests.Training;

public sealed class RealSamplesTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Real_samples_png_is_the_grid_of_the_first_batch_the_step_received()
    {
        var step = new CapturingStep();
        var callback = new RealSamplesCallback(_temp.Path);
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using (g)
        using (d)
        using (var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(64),
            new GanTrainerSetup { Options = TrainingFixtures.FastOptions(epochs: 2), Step = step, Callbacks = [callback] }))
        {
            trainer.Fit();

            step.Batches.Should().HaveCount(8, "2 epochs of 4 batches");
            callback.FilePath.Should().Be(_temp.File("real-samples.png"));
            File.ReadAllBytes(callback.FilePath).Should().Equal(ImageGrid.EncodePng(step.Batches[0]), "the grid of the first batch, as trained");
            for (int i = 0; i < step.Batches.Count; i++)
            {
                ImageBatch read = trainer.ReadTrainingBatch(i / 4, i % 4);
                read.Shape.Should().Be(step.Batches[i].Shape);
                TrainingFixtures.Bits(read.Pixels).Should().Equal(TrainingFixtures.Bits(step.Batches[i].Pixels), $"step {i}'s real images");
            }

            trainer.Invoking(t => t.ReadTrainingBatch(0, 4)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*4 batches*");
        }
    }

    /// <summary>The default step, keeping a managed copy of every batch of real images it trains on.</summary>
    private sealed class CapturingStep : IAdversarialStep
    {
        private readonly DiscriminatorThenGeneratorStep _inner = new();

        public List<ImageBatch> Batches { get; } = [];

        public StepLosses Run(AdversarialStepContext context)
        {
            Batches.Add(ImageTensors.FromTensor(context.RealImages));   // [B, 1, 28, 28] -> managed
            return _inner.Run(context);
        }
    }
}
