// `dcgan export`: the ONNX generator made from a converted pytorch/examples model renders PyTorch's own images
// (Fixtures/pytorch64: made by PyTorch 1.13) in ONNX Runtime, the discriminator file scores like the checkpoint's
// discriminator, and the models carry the checkpoint's provenance.
using Dcgan.Interop;
using Dcgan.Models;
using Dcgan.Persistence;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using static TorchSharp.torch;
using Tensor = TorchSharp.torch.Tensor;

namespace Dcgan.Cli.Tests;

public sealed class ExportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dcgan-export-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_exported_generator_renders_PyTorchs_images_in_ONNX_Runtime_and_records_the_checkpoint()
    {
        string checkpoint = Path.Combine(_folder, "model.dcgan");
        Run(ConvertCommandTests.ConvertArguments(checkpoint));
        string g = Path.Combine(_folder, "g.onnx"), d = Path.Combine(_folder, "d.onnx");

        Run("export", "--checkpoint", checkpoint, "--output", g, "--discriminator", d);

        NpyArray<float> z = NpyFile.ReadFloat32(Path.Combine(ConvertCommandTests.Fixture, "z.npy"));
        NpyArray<float> pytorch = NpyFile.ReadFloat32(Path.Combine(ConvertCommandTests.Fixture, "g.npy"));
        using var session = new InferenceSession(g);
        float[] images = Infer(session, "z", z.Data, [(int)z.Shape[0], (int)z.Shape[1]]);  // z may be [N, Z, 1, 1] on disk
        images.Should().HaveCount(pytorch.Data.Length);
        images.Zip(pytorch.Data, (a, b) => MathF.Abs(a - b)).Max().Should().BeLessThanOrEqualTo(1e-5f, "ONNX Runtime must give PyTorch's images");

        IDictionary<string, string> metadata = session.ModelMetadata.CustomMetadataMap;
        CheckpointInfo manifest = CheckpointModels.LoadGenerator(checkpoint).Checkpoint;
        metadata["dcgan.checkpoint_step"].Should().Be(manifest.GlobalStep.ToString(System.Globalization.CultureInfo.InvariantCulture));
        metadata["dcgan.checkpoint_sha256"].Should().HaveLength(64);
        metadata["dcgan.latent_prior"].Should().Be("normal", "pytorch/examples draws z from N(0, 1)");

        (DcganDiscriminator discriminator, _) = CheckpointModels.LoadDiscriminator<DcganDiscriminator>(checkpoint);
        using (discriminator)
        using (var scope = NewDisposeScope())
        {
            Tensor x = tensor(pytorch.Data, [.. pytorch.Shape.Select(s => (long)s)]);   // [N, 1, 64, 64]
            float[] expected = discriminator.Judge(x).data<float>().ToArray();          // [N]
            using var dSession = new InferenceSession(d);
            float[] logits = Infer(dSession, "images", pytorch.Data, [.. pytorch.Shape.Select(s => (int)s)]);
            logits.Zip(expected, (a, b) => MathF.Abs(a - b)).Max().Should().BeLessThanOrEqualTo(1e-5f);
        }
    }

    [Fact]
    public void Export_without_a_checkpoint_names_the_missing_file()
    {
        (int exit, string errors) = ToolRunner.Dcgan("export", "--checkpoint", Path.Combine(_folder, "none.dcgan"), "--output", Path.Combine(_folder, "g.onnx"));

        exit.Should().NotBe(0);
        errors.Should().Contain("none.dcgan");
        File.Exists(Path.Combine(_folder, "g.onnx")).Should().BeFalse();
    }

    private static float[] Infer(InferenceSession session, string input, float[] data, int[] shape)
    {
        using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> results =
            session.Run([NamedOnnxValue.CreateFromTensor(input, new DenseTensor<float>(data, shape))]);
        return results.Single().AsTensor<float>().ToArray();
    }

    private static void Run(params string[] args)
    {
        (int exit, string errors) = ToolRunner.Dcgan(args);
        exit.Should().Be(0, errors);
    }
}
