// `dcgan sample` in batches: the PNG folder (encoded on a background task while the next batch is generated) holds the
// same files with the same bytes whatever --batch-size is, and the same bytes as one image rendered alone.
using Dcgan.Generation;
using Dcgan.Imaging;
using Dcgan.Latent;
using Dcgan.Models;
using Dcgan.Persistence;

namespace Dcgan.Cli.Tests;

[Collection(TinyRunCollection.Name)]
public sealed class SampleBatchSizeTests(TinyRun run)
{
    private const int Count = 20; // batches of 7: 7 + 7 + 6, so the last one is partial
    private const long Seed = 11;

    [Fact]
    public void A_folder_has_the_same_png_bytes_for_batch_sizes_7_and_64_and_for_images_rendered_alone()
    {
        string small = Path.Combine(run.NewFolder(), "b7");
        string large = Path.Combine(run.NewFolder(), "b64");
        Sample(small, 7).Should().Be(0);
        Sample(large, 64).Should().Be(0);

        string[] names = [.. Enumerable.Range(0, Count).Select(i => PngFolderSampleSink.FileName(i, 4))];
        Directory.GetFiles(small).Select(Path.GetFileName).Should().BeEquivalentTo(names);
        Directory.GetFiles(large).Select(Path.GetFileName).Should().BeEquivalentTo(names);
        (DcganGenerator generator, _) = CheckpointModels.LoadGenerator<DcganGenerator>(CheckpointLocator.Resolve(run.RunFolder));
        using (generator)
        {
            for (int i = 0; i < Count; i++)
            {
                byte[] alone = ImageGrid.EncodePng(generator.RenderOne(LatentSeeds.Row(Seed, i, generator.LatentDimension, generator.LatentDistribution)), columns: 1, padding: 0);
                File.ReadAllBytes(Path.Combine(small, names[i])).Should().Equal(alone, $"image {i} with --batch-size 7");
                File.ReadAllBytes(Path.Combine(large, names[i])).Should().Equal(alone, $"image {i} with --batch-size 64");
            }
        }
    }

    private int Sample(string output, int batchSize) =>
        ToolRunner.Dcgan("sample", "--checkpoint", run.RunFolder, "--seed", $"{Seed}", "--count", $"{Count}", "--batch-size", $"{batchSize}", "--output", output).ExitCode;
}
