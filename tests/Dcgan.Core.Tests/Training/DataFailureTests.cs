// A data source that fails while the trainer's background reader decodes a batch: the trainer rethrows the
// source's own exception (type and message), not a wrapper.
using Dcgan.Data;
using Dcgan.Training;

namespace Dcgan.Core.Tests.Training;

public class DataFailureTests
{
    [Fact]
    public void A_read_failure_reaches_the_caller_with_its_own_type_and_message()
    {
        var data = new FailingSource(TrainingFixtures.FashionSubset(64), failAt: 40);
        var (g, d) = TrainingFixtures.Models();
        using (g)
        using (d)
        {
            using var trainer = new GanTrainer(g, d, data, new GanTrainerSetup { Options = TrainingFixtures.FastOptions() });

            Action fit = () => trainer.Fit();

            fit.Should().Throw<IOException>().WithMessage("image 40 of the test source could not be read");
        }
    }

    private sealed class FailingSource(IImageDataSource inner, int failAt) : IImageDataSource
    {
        public int Count => inner.Count;

        public ImageShape Shape => inner.Shape;

        public string Description => "the test source";

        public void CopyImage(int index, Span<float> destination)
        {
            if (index == failAt)
            {
                throw new IOException($"image {index} of the test source could not be read");
            }

            inner.CopyImage(index, destination);
        }
    }
}
