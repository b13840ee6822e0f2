// The ONNX export: ONNX Runtime must compute what TorchSharp computes (eval mode, within 1e-5) for both networks of
// both presets at several sizes and channel counts, and the model must describe itself in its metadata.
using Dcgan.Core.Tests.Models;
using Dcgan.Export;
using Dcgan.Generation;
using Dcgan.Models;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.OnnxRuntime;
using Tensor = TorchSharp.torch.Tensor;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Core.Tests.Export;

public class OnnxExportTests
{
    public static TheoryData<bool, int, int> Shapes => new()
    {
        { true, 28, 1 }, { true, 32, 3 }, { true, 64, 3 }, { true, 64, 1 },
        { false, 28, 3 }, { false, 32, 1 }, { false, 64, 3 }, { false, 28, 1 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ONNX_Runtime_renders_what_TorchSharp_renders(bool paper, int size, int channels)
    {
        (DcganGenerator g, DcganDiscriminator d) = Trained(TinyModels.Options(paper, size, channels, width: 4, latent: 8));
        using (g)
        using (d)
        using (var scope = NewDisposeScope())
        {
            Tensor z = TinyModels.Latent(5, 8, seed: 3);                                      // [5, 8]
            Tensor expected = g.GenerateImages(z, BatchNormMode.RunningStatistics);           // [5, C, s, s]
            float[] actual = Run(OnnxExport.GeneratorBytes(g), "z", z, out int[] shape);

            shape.Should().Equal(5, channels, size, size);
            MaxDifference(actual, expected).Should().BeLessThanOrEqualTo(1e-5f);

            d.Network.eval();
            Tensor logits = d.Judge(expected);                                                // [5]
            float[] onnxLogits = Run(OnnxExport.DiscriminatorBytes(d), "images", expected, out int[] logitShape);
            logitShape.Should().Equal(5);
            MaxDifference(onnxLogits, logits).Should().BeLessThanOrEqualTo(1e-5f);
        }
    }

    [Fact]
    public void The_model_records_its_latent_prior_image_shape_value_range_and_provenance()
    {
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(TinyModels.Options(paper: true, size: 28, channels: 1), seed: 1);
        using (g)
        using (d)
        {
            using var session = new InferenceSession(OnnxExport.GeneratorBytes(g, new Dictionary<string, string> { ["dcgan.checkpoint_step"] = "120" }));
            IDictionary<string, string> metadata = session.ModelMetadata.CustomMetadataMap;
            metadata[OnnxExport.LatentDimensionKey].Should().Be("8");
            metadata[OnnxExport.LatentPriorKey].Should().Be(g.LatentDistribution == LatentDistribution.Normal ? "normal" : "uniform");
            metadata[OnnxExport.ImageShapeKey].Should().Be("1,28,28");
            metadata[OnnxExport.ValueRangeKey].Should().Be("-1,1");
            metadata["dcgan.checkpoint_step"].Should().Be("120");
            session.InputMetadata["z"].Dimensions.Should().Equal(-1, 8);
            session.OutputMetadata["images"].Dimensions.Should().Equal(-1, 1, 28, 28);
            FluentActions.Invoking(() => OnnxExport.GeneratorBytes(g, new Dictionary<string, string> { [OnnxExport.ValueRangeKey] = "0,1" }))
                .Should().Throw<ArgumentException>().WithMessage("*reserved*");
        }
    }

    [Fact]
    public void A_layer_without_an_ONNX_mapping_is_refused_by_name_and_no_file_is_left()
    {
        using var network = nn.Sequential(("main", nn.Sequential(nn.Linear(8, 16), nn.Softplus())));
        using var generator = new WrappedGenerator(network);
        string folder = Directory.CreateTempSubdirectory("dcgan-onnx-").FullName;
        string path = Path.Combine(folder, "g.onnx");

        FluentActions.Invoking(() => OnnxExport.Generator(generator, path))
            .Should().Throw<NotSupportedException>().WithMessage("*main.1*Softplus*");
        Directory.GetFiles(folder).Should().BeEmpty("nothing is written when the export fails");
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void The_file_written_loads_and_holds_the_same_model_as_the_bytes()
    {
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(TinyModels.Options(paper: false, size: 32, channels: 3), seed: 2);
        using (g)
        using (d)
        {
            string folder = Directory.CreateTempSubdirectory("dcgan-onnx-").FullName;
            string path = Path.Combine(folder, "g.onnx");
            OnnxExport.Generator(g, path);
            File.ReadAllBytes(path).Should().Equal(OnnxExport.GeneratorBytes(g));
            Directory.GetFiles(folder).Should().ContainSingle("no temporary file is left");
            Directory.Delete(folder, recursive: true);
        }
    }

    // Seeded models whose batch-norm running statistics are not the initial 0 and 1 (a few training-mode passes).
    private static (DcganGenerator, DcganDiscriminator) Trained(DcganModelOptions options)
    {
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(options, seed: 5);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        g.Network.train();
        d.Network.train();
        for (int i = 0; i < 3; i++)
        {
            d.Judge(g.Generate(TinyModels.Latent(6, options.LatentDimension, seed: 10 + i)));
        }

        g.Network.eval();
        d.Network.eval();
        return (g, d);
    }

    private static float[] Run(byte[] model, string inputName, Tensor input, out int[] outputShape)
    {
        using var session = new InferenceSession(model);
        var tensor = new DenseTensor<float>(input.contiguous().data<float>().ToArray(), [.. input.shape.Select(s => (int)s)]);
        using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> results = session.Run([NamedOnnxValue.CreateFromTensor(inputName, tensor)]);
        Tensor<float> output = results.Single().AsTensor<float>();
        outputShape = output.Dimensions.ToArray();
        return output.ToArray();
    }

    private static float MaxDifference(float[] actual, Tensor expected)
    {
        float[] e = expected.contiguous().data<float>().ToArray();
        actual.Should().HaveCount(e.Length);
        return actual.Zip(e, (a, b) => Math.Abs(a - b)).Max();
    }

    /// <summary>A generator around any network, for the unsupported-layer case.</summary>
    private sealed class WrappedGenerator(nn.Module<Tensor, Tensor> network) : IGenerator
    {
        public int LatentDimension => 8;

        public LatentDistribution LatentDistribution => LatentDistribution.Uniform;

        public Dcgan.Data.ImageShape ImageShape => new(1, 4, 4);

        public nn.Module<Tensor, Tensor> Network => network;

        public Tensor Generate(Tensor latent) => network.call(latent);

        public void Dispose()
        {
        }
    }
}
