using Dcgan.Data;
using Dcgan.Models;
using Dcgan.Persistence;
using Dcgan.Training;

namespace Dcgan.Core.Tests.Training;

/// <summary>A non-square run end to end: a folder of 60x40 pictures fitted to 32 high by 48 wide, trained, resumed, reloaded.</summary>
public sealed class RectangularTrainingTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_32x48_pair_trains_on_a_rectangular_folder_resumes_bit_for_bit_and_reloads_at_its_shape()
    {
        string folder = _temp.File("pictures");
        DiscPictures.Write(folder, count: 32);
        var data = new ImageFolderDataSource(folder, new ImageDataSourceOptions { ImageSize = 32, ImageWidth = 48, Preload = true });
        data.Shape.Should().Be(new ImageShape(3, 32, 48));

        DcganModelOptions architecture = DcganModelOptions.Paper(32, 3);
        architecture.ImageWidth = 48;
        architecture.GeneratorWidth = 4;
        architecture.DiscriminatorWidth = 4;
        architecture.LatentDimension = 8;
        string file = _temp.File("mid.dcgan");
        float[] Train(long? stopAfter, string? resumeFrom, long seed)
        {
            (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(architecture, seed);
            using (g)
            using (d)
            {
                var stop = new LambdaCallback(onBatchEnd: a => { if (a.Position.GlobalStep == stopAfter) a.Trainer.RequestStop(); });
                using var trainer = new GanTrainer(g, d, data, TrainingFixtures.Setup(TrainingFixtures.FastOptions(epochs: 2, batchSize: 8, seed: 2), stop));
                if (resumeFrom is not null)
                {
                    trainer.LoadCheckpoint(resumeFrom);
                }

                trainer.Fit();
                if (stopAfter is not null)
                {
                    trainer.SaveCheckpoint(file);
                }

                return TrainingFixtures.Flatten(g).Concat(TrainingFixtures.Flatten(d)).ToArray();
            }
        }

        float[] uninterrupted = Train(null, null, seed: 2);
        Train(3, null, seed: 2);
        TrainingFixtures.Bits(Train(null, file, seed: 99)).Should().Equal(TrainingFixtures.Bits(uninterrupted));

        (DcganGenerator loaded, _) = CheckpointModels.LoadGenerator<Dcgan.Models.DcganGenerator>(file);
        using (loaded)
        {
            loaded.ImageShape.Should().Be(new ImageShape(3, 32, 48));
            loaded.Options.ImageWidth.Should().Be(48);
        }
    }
}
