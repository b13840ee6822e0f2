// Resuming through the library refuses data that differs from the checkpoint's (image count, image shape,
// drop-last setting), naming both values: an exact resume of another data set would silently be something else.
using Dcgan.Data;
using Dcgan.Models;
using Dcgan.Persistence;
using Dcgan.Training;

namespace Dcgan.Core.Tests.Training;

public sealed class CheckpointDataMismatchTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Another_image_count_is_refused_naming_both_counts()
    {
        string file = Save(TrainingFixtures.FashionSubset(32), TrainingFixtures.FastOptions(epochs: 1));

        Action load = () => Load(file, TrainingFixtures.FashionSubset(48), TrainingFixtures.FastOptions(epochs: 1));

        load.Should().Throw<CheckpointException>().WithMessage("*good.dcgan*32 images*48*");
    }

    [Fact]
    public void Another_drop_last_setting_is_refused_naming_both_values()
    {
        var keepLast = TrainingFixtures.FastOptions(epochs: 1);
        keepLast.DropLastBatch = false; // the default is true
        string file = Save(TrainingFixtures.FashionSubset(40), keepLast);

        Action load = () => Load(file, TrainingFixtures.FashionSubset(40), TrainingFixtures.FastOptions(epochs: 1));

        load.Should().Throw<CheckpointException>().WithMessage("*good.dcgan*DropLastBatch is False in the checkpoint but True in this trainer*");
    }

    [Fact]
    public void Another_image_shape_is_refused_naming_both_shapes()
    {
        string file = Save(TrainingFixtures.FashionSubset(32), TrainingFixtures.FastOptions(epochs: 1));
        var padded = new PaddedSource(TrainingFixtures.FashionSubset(32));

        Action load = () =>
        {
            var architecture = TrainingFixtures.TinyArchitecture();
            architecture.ImageSize = 32;
            (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(architecture, 1);
            using var _g = g;
            using var _d = d;
            using var trainer = new GanTrainer(g, d, padded, TrainingFixtures.Setup(TrainingFixtures.FastOptions(epochs: 1)));
            trainer.LoadCheckpoint(file);
        };

        load.Should().Throw<CheckpointException>().WithMessage("*good.dcgan*images of [1, 28, 28]*[1, 32, 32]*");
    }

    private string Save(IImageDataSource data, GanTrainerOptions options)
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using var _g = g;
        using var _d = d;
        using var trainer = new GanTrainer(g, d, data, TrainingFixtures.Setup(options));
        string file = _temp.File("good.dcgan");
        trainer.SaveCheckpoint(file);
        return file;
    }

    private static void Load(string file, IImageDataSource data, GanTrainerOptions options)
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models(seed: 3);
        using var _g = g;
        using var _d = d;
        using var trainer = new GanTrainer(g, d, data, TrainingFixtures.Setup(options));
        trainer.LoadCheckpoint(file);
    }

    // The images centred in 32x32 (zero border): another shape with the same count.
    private sealed class PaddedSource(IImageDataSource inner) : IImageDataSource
    {
        public int Count => inner.Count;

        public ImageShape Shape => new(inner.Shape.Channels, 32, 32);

        public string Description => "padded " + inner.Description;

        public void CopyImage(int index, Span<float> destination)
        {
            ImageShape s = inner.Shape;
            float[] image = new float[s.Channels * s.Height * s.Width];
            inner.CopyImage(index, image);
            destination.Fill(-1f);
            for (int y = 0; y < s.Height; y++)
            {
                image.AsSpan(y * s.Width, s.Width).CopyTo(destination.Slice(((y + 2) * 32) + 2, s.Width));
            }
        }
    }
}
