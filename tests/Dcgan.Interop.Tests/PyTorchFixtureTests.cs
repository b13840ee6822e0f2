// PyTorch 1.13's own files (Fixtures/make_fixtures.py): Dcgan loads them and computes the same outputs for the same z,
// and writes files that load back bit for bit.
using Dcgan.Models;
using Dcgan.Persistence;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Interop.Tests;

public sealed class PyTorchFixtureTests
{
    [Theory]
    [MemberData(nameof(PyTorchFixture.Names), MemberType = typeof(PyTorchFixture))]
    public void The_generator_gives_PyTorchs_images_for_PyTorchs_latents(string name)
    {
        PyTorchFixture f = PyTorchFixture.Named(name);
        NpyArray<float> z = NpyFile.ReadFloat32(f.Latents);                  // [4, 16, 1, 1]
        NpyArray<float> expected = NpyFile.ReadFloat32(f.GeneratedImages);   // [4, C, s, s]
        using DcganGenerator generator = PyTorchStateDict.LoadGenerator(f.Generator, f.Architecture);

        float[] ours = Generate(generator, z);

        z.Shape.Should().Equal(4L, 16L, 1L, 1L);
        expected.Shape.Should().Equal(4L, f.Architecture.Channels, f.Architecture.ImageSize, f.Architecture.ImageSize);
        ours.Should().HaveCount(expected.Data.Length);
        MaxAbsDifference(ours, expected.Data).Should().BeLessThanOrEqualTo(1e-5f);
        expected.Data.Select(MathF.Abs).Max().Should().BeGreaterThan(0.1f, "the fixture's images use the range of tanh");
    }

    [Theory]
    [MemberData(nameof(PyTorchFixture.Names), MemberType = typeof(PyTorchFixture))]
    public void The_discriminator_judges_PyTorchs_images_as_PyTorch_does(string name)
    {
        PyTorchFixture f = PyTorchFixture.Named(name);
        NpyArray<float> images = NpyFile.ReadFloat32(f.GeneratedImages);
        float[] expected = NpyFile.ReadFloat32(f.Judgements).Data;           // sigmoid outputs (pytorch/examples) or logits
        using DcganDiscriminator discriminator = PyTorchStateDict.LoadDiscriminator(f.Discriminator, f.Architecture);

        float[] ours;
        using (var scope = NewDisposeScope())
        using (no_grad())
        {
            Tensor x = tensor(images.Data, [.. images.Shape]);                // [4, C, s, s]
            Tensor logits = discriminator.forward(x);                          // [4]
            ours = (f.SigmoidOutput ? logits.sigmoid() : logits).data<float>().ToArray();
        }

        MaxAbsDifference(ours, expected).Should().BeLessThanOrEqualTo(1e-5f);
    }

    [Theory]
    [MemberData(nameof(PyTorchFixture.Names), MemberType = typeof(PyTorchFixture))]
    public void Saving_and_loading_keeps_every_tensor_bitwise(string name)
    {
        PyTorchFixture f = PyTorchFixture.Named(name);
        string folder = Directory.CreateTempSubdirectory("dcgan-interop-").FullName;
        try
        {
            using DcganGenerator g = PyTorchStateDict.LoadGenerator(f.Generator, f.Architecture);
            using DcganDiscriminator d = PyTorchStateDict.LoadDiscriminator(f.Discriminator, f.Architecture);
            PyTorchStateDict.Save(g, Path.Combine(folder, "netG.pth"));
            PyTorchStateDict.Save(d, Path.Combine(folder, "netD.pth"));
            using DcganGenerator g2 = PyTorchStateDict.LoadGenerator(Path.Combine(folder, "netG.pth"), f.Architecture);
            using DcganDiscriminator d2 = PyTorchStateDict.LoadDiscriminator(Path.Combine(folder, "netD.pth"), f.Architecture);

            Bits.State(g2).Should().BeEquivalentTo(Bits.State(g));
            Bits.State(d2).Should().BeEquivalentTo(Bits.State(d));
            Bits.State(g).Where(kv => kv.Key.EndsWith("num_batches_tracked", StringComparison.Ordinal)).Should()
                .AllSatisfy(kv => BitConverter.ToInt64(kv.Value).Should().Be(30, "the fixture's batch norms ran 30 batches"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_checkpoint_made_from_PyTorch_files_exports_the_same_files_and_generates_the_same_images()
    {
        PyTorchFixture f = PyTorchFixture.PyTorch64;
        string folder = Directory.CreateTempSubdirectory("dcgan-interop-").FullName;
        try
        {
            string checkpoint = Path.Combine(folder, "model.dcgan");
            PyTorchCheckpoints.Import(f.Generator, f.Discriminator, f.Architecture, checkpoint);
            IReadOnlyList<string> written = PyTorchCheckpoints.Export(checkpoint, Path.Combine(folder, "out"));

            written.Select(Path.GetFileName).Should().Equal("netG.pth", "netD.pth");
            using DcganGenerator original = PyTorchStateDict.LoadGenerator(f.Generator, f.Architecture);
            using DcganGenerator exported = PyTorchStateDict.LoadGenerator(written[0], f.Architecture);
            using DcganDiscriminator originalD = PyTorchStateDict.LoadDiscriminator(f.Discriminator, f.Architecture);
            using DcganDiscriminator exportedD = PyTorchStateDict.LoadDiscriminator(written[1], f.Architecture);
            Bits.State(exported).Should().BeEquivalentTo(Bits.State(original));
            Bits.State(exportedD).Should().BeEquivalentTo(Bits.State(originalD));

            (DcganGenerator fromCheckpoint, CheckpointInfo manifest) = CheckpointModels.LoadGenerator<DcganGenerator>(checkpoint);
            using (fromCheckpoint)
            {
                manifest.DcganOptions!.Projection.Should().Be(LatentProjection.TransposedConvolution);
                NpyArray<float> z = NpyFile.ReadFloat32(f.Latents);
                Bits.Of(Generate(fromCheckpoint, z)).Should().Equal(Bits.Of(Generate(original, z)));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_generator_only_checkpoint_exports_netG_only()
    {
        PyTorchFixture f = PyTorchFixture.PyTorch32;
        string folder = Directory.CreateTempSubdirectory("dcgan-interop-").FullName;
        try
        {
            string checkpoint = Path.Combine(folder, "g.dcgan");
            PyTorchCheckpoints.Import(f.Generator, discriminatorFile: null, f.Architecture, checkpoint);

            PyTorchCheckpoints.Export(checkpoint, folder).Select(Path.GetFileName).Should().Equal("netG.pth");
            File.Exists(Path.Combine(folder, "netD.pth")).Should().BeFalse();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Loading_and_saving_leave_no_live_tensors()
    {
        PyTorchFixture f = PyTorchFixture.Paper32;
        string file = Path.Combine(Path.GetTempPath(), $"dcgan-interop-{Guid.NewGuid():N}.pth");
        using (DcganGenerator warm = PyTorchStateDict.LoadGenerator(f.Generator, f.Architecture))
        {
            PyTorchStateDict.Save(warm, file); // first use: lazily created state outside the measurement
        }

        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (int i = 0; i < 3; i++)
        {
            using DcganGenerator g = PyTorchStateDict.LoadGenerator(f.Generator, f.Architecture);
            PyTorchStateDict.Save(g, file);
        }

        DisposeScopeManager.Statistics.ThreadTotalLiveCount.Should().Be(before);
        File.Delete(file);
    }

    internal static float[] Generate(DcganGenerator generator, NpyArray<float> z)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        Tensor latent = tensor(z.Data, [.. z.Shape]);                         // [N, nz, 1, 1]
        return generator.forward(latent).data<float>().ToArray();            // [N, C, s, s]
    }

    internal static float MaxAbsDifference(float[] a, float[] b) => a.Zip(b, (x, y) => MathF.Abs(x - y)).Max();
}
