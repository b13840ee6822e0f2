// The generator pool serves a checkpoint converted from pytorch/examples' netG.pth (PyTorch 1.13 fixture: 64x64x1,
// nz 16, ngf 8) and gives PyTorch's images for PyTorch's latent vectors.
using Dcgan.Data;
using Dcgan.Interop;
using Dcgan.Models;

namespace Dcgan.Hosting.Tests;

public sealed class ConvertedCheckpointTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "pytorch64");

    [Fact]
    public async Task The_pool_serves_a_converted_pytorch_examples_generator_with_PyTorchs_images()
    {
        DcganModelOptions architecture = DcganModelOptions.PyTorchExample(64, 1);
        architecture.LatentDimension = 16;
        architecture.GeneratorWidth = 8;
        architecture.DiscriminatorWidth = 8;
        string checkpoint = Path.Combine(TestCheckpoints.NewFolder("converted"), "model.dcgan");
        PyTorchCheckpoints.Import(Path.Combine(Fixture, "netG.pth"), discriminatorFile: null, architecture, checkpoint);
        NpyArray<float> z = NpyFile.ReadFloat32(Path.Combine(Fixture, "z.npy"));        // [4, 16, 1, 1]
        NpyArray<float> expected = NpyFile.ReadFloat32(Path.Combine(Fixture, "g.npy")); // [4, 1, 64, 64]

        using GeneratorPool pool = GeneratorPoolTests.Started(checkpoint);
        ImageBatch images = await pool.GenerateFromLatentsAsync([.. z.Data.Chunk(16)]);

        pool.Model!.ImageShape.Should().Be(new ImageShape(1, 64, 64));
        Pixels.MaxDifference(images.Pixels, expected.Data).Should().BeLessThanOrEqualTo(1e-5f);
    }
}
