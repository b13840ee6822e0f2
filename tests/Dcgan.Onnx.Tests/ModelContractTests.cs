// What OnnxImageGenerator reads from a model (metadata, or the graph when there is none) and the clear errors it
// gives for every way a model or its file can break the generator contract.
using Dcgan.Data;
using Dcgan.Export;
using Dcgan.Generation;
using Dcgan.Models;
using Onnx;

namespace Dcgan.Onnx.Tests;

public class ModelContractTests
{
    private static readonly Dictionary<string, string> NormalPrior = new() { [OnnxMetadataKeys.LatentPrior] = "normal" };

    [Fact]
    public void The_metadata_keys_are_the_ones_the_exporter_writes()
    {
        OnnxMetadataKeys.LatentDimension.Should().Be(OnnxExport.LatentDimensionKey);
        OnnxMetadataKeys.LatentPrior.Should().Be(OnnxExport.LatentPriorKey);
        OnnxMetadataKeys.ImageShape.Should().Be(OnnxExport.ImageShapeKey);
        OnnxMetadataKeys.ValueRange.Should().Be(OnnxExport.ValueRangeKey);
    }

    [Theory]
    [InlineData("paper", 28, 1)]
    [InlineData("pytorch", 64, 3)]
    public void An_exported_generator_is_described_by_its_metadata(string preset, int size, int channels)
    {
        using DcganGenerator torchGenerator = TinyNetworks.Generator(TinyNetworks.Options(preset, size, channels), perturb: false);
        byte[] model = OnnxExport.GeneratorBytes(torchGenerator, new Dictionary<string, string> { ["dcgan.checkpoint_step"] = "120" });

        using var generator = new OnnxImageGenerator(model);

        generator.LatentDimension.Should().Be(8);
        generator.LatentDistribution.Should().Be(preset == "paper" ? LatentDistribution.Uniform : LatentDistribution.Normal);
        generator.ImageShape.Should().Be(new ImageShape(channels, size, size));
        generator.Metadata.Should().Contain("dcgan.checkpoint_step", "120");
        generator.ModelName.Should().Contain($"{model.Length} bytes");
    }

    [Fact]
    public void A_model_without_metadata_is_described_by_its_graph_and_the_prior_in_the_options()
    {
        // z [N, 8, 1, 1] reshaped to images [N, 2, 2, 2]: an identity generator, so the output is the latent, bitwise.
        byte[] model = HandMadeModels.Reshaping(["N", 8, 1, 1], [-1, 2, 2, 2], ["N", 2, 2, 2]);
        using var generator = new OnnxImageGenerator(model, new OnnxGeneratorOptions { LatentDistribution = LatentDistribution.Normal, IntraOpThreads = 1 });
        float[][] latents = LatentSeeds.ForSeed(3, 4, 8, LatentDistribution.Normal);

        ImageBatch images = generator.RenderBatch(latents);

        generator.LatentDimension.Should().Be(8);
        generator.ImageShape.Should().Be(new ImageShape(2, 2, 2));
        images.Count.Should().Be(4);
        images.Pixels.Should().Equal(latents.SelectMany(z => z), "row i of the batch is image i, copied in order");
    }

    [Fact]
    public void A_model_without_a_prior_needs_one_in_the_options()
    {
        using DcganGenerator torchGenerator = TinyNetworks.Generator(TinyNetworks.Options("pytorch", 32, 1), perturb: true);
        byte[] model = HandMadeModels.WithMetadata(OnnxExport.GeneratorBytes(torchGenerator), OnnxMetadataKeys.LatentPrior, null);

        FluentActions.Invoking(() => new OnnxImageGenerator(model, new OnnxGeneratorOptions { ModelName = "prior-less.onnx" }))
            .Should().Throw<InvalidDataException>()
            .WithMessage("prior-less.onnx *dcgan.latent_prior*OnnxGeneratorOptions.LatentDistribution*");

        using var generator = new OnnxImageGenerator(model, new OnnxGeneratorOptions { LatentDistribution = LatentDistribution.Normal });
        TinyNetworks.MaxDifference(generator.RenderSeed(5, 3), torchGenerator.RenderSeed(5, 3)).Should().BeLessThanOrEqualTo(1e-5f);
    }

    [Fact]
    public void A_prior_in_the_options_that_contradicts_the_model_is_refused()
    {
        using DcganGenerator torchGenerator = TinyNetworks.Generator(TinyNetworks.Options("paper", 28, 1), perturb: false);
        FluentActions.Invoking(() => new OnnxImageGenerator(OnnxExport.GeneratorBytes(torchGenerator), new OnnxGeneratorOptions { LatentDistribution = LatentDistribution.Normal }))
            .Should().Throw<InvalidDataException>().WithMessage("*dcgan.latent_prior is 'uniform' but OnnxGeneratorOptions.LatentDistribution is Normal*");
    }

    public static TheoryData<string, byte[], string> BadModels()
    {
        var data = new TheoryData<string, byte[], string>
        {
            { "rank-3 input", HandMadeModels.Reshaping(["N", 8, 1], [-1, 2, 2, 2], ["N", 2, 2, 2], metadata: NormalPrior), "*input 'z' has rank 3 ([?, 8, 1]); expected z as [N, Z] or [N, Z, 1, 1]*" },
            { "N Z 2 1 input", HandMadeModels.Reshaping(["N", 4, 2, 1], [-1, 2, 2, 2], ["N", 2, 2, 2], metadata: NormalPrior), "*input 'z' is [?, 4, 2, 1]; expected z as [N, Z, 1, 1]*" },
            { "int64 input", HandMadeModels.Reshaping(["N", 8], [-1, 2, 2, 2], ["N", 2, 2, 2], TensorProto.Types.DataType.Int64, NormalPrior), "*input 'z' is a Int64 tensor; expected a float32 tensor*" },
            { "dynamic Z", HandMadeModels.Reshaping(["N", "Z"], [-1, 2, 2, 2], ["N", 2, 2, 2], metadata: NormalPrior), "*latent dimension Z of input 'z' [?, ?] is dynamic and the metadata has no dcgan.latent_dimension*" },
            { "fixed batch", HandMadeModels.Reshaping([4, 8], [-1, 2, 2, 2], [4, 2, 2, 2], metadata: NormalPrior), "*input 'z' has a fixed batch dimension of 4*dynamic batch*" },
            { "two inputs", HandMadeModels.Reshaping(["N", 8], [-1, 2, 2, 2], ["N", 2, 2, 2], metadata: NormalPrior, inputCount: 2), "*it has 2 inputs ('z', 'extra1'); expected one, or name it in OnnxGeneratorOptions.InputName*" },
            { "rank-2 output", HandMadeModels.Reshaping(["N", 8], [-1, 8], ["N", 8], metadata: NormalPrior), "*output 'images' has rank 2 ([?, 8]); expected images as [N, C, H, W]*" },
            { "value range 0,1", HandMadeModels.Reshaping(["N", 8], [-1, 2, 2, 2], ["N", 2, 2, 2], metadata: new Dictionary<string, string>(NormalPrior) { [OnnxMetadataKeys.ValueRange] = "0,1" }), "*dcgan.value_range is '0,1'; the IImageGenerator contract needs images in [-1, 1]*" },
            { "Z contradicting metadata", HandMadeModels.Reshaping(["N", 8], [-1, 2, 2, 2], ["N", 2, 2, 2], metadata: new Dictionary<string, string>(NormalPrior) { [OnnxMetadataKeys.LatentDimension] = "9" }), "*metadata dcgan.latent_dimension is 9 but the latent dimension Z of input 'z' [?, 8] is 8*" },
            { "shape contradicting metadata", HandMadeModels.Reshaping(["N", 8], [-1, 2, 2, 2], ["N", 2, 2, 2], metadata: new Dictionary<string, string>(NormalPrior) { [OnnxMetadataKeys.ImageShape] = "2,4,1" }), "*metadata dcgan.image_shape is '2,4,1' but output 'images' is [?, 2, 2, 2]*" },
            { "unknown prior", HandMadeModels.Reshaping(["N", 8], [-1, 2, 2, 2], ["N", 2, 2, 2], metadata: new Dictionary<string, string> { [OnnxMetadataKeys.LatentPrior] = "laplace" }), "*dcgan.latent_prior is 'laplace'; expected \"uniform\" or \"normal\"*" },
            { "not ONNX", "this is not a protobuf"u8.ToArray(), "*is not an ONNX model ONNX Runtime can load*" },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(BadModels))]
    public void A_model_that_breaks_the_contract_is_refused_with_the_file_and_what_was_expected(string problem, byte[] model, string message)
    {
        string folder = Directory.CreateTempSubdirectory("dcgan-onnx-bad-").FullName;
        string path = Path.Combine(folder, problem.Replace(' ', '-') + ".onnx");
        File.WriteAllBytes(path, model);
        try
        {
            FluentActions.Invoking(() => new OnnxImageGenerator(path))
                .Should().Throw<InvalidDataException>(problem).WithMessage(path + " " + message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void An_image_axis_that_is_dynamic_needs_the_shape_in_the_metadata()
    {
        byte[] model = HandMadeModels.Reshaping(["N", 8], [-1, 2, 2, 2], ["N", 2, "H", 2], metadata: NormalPrior, shapeFromInput: true);
        var options = new OnnxGeneratorOptions { InputName = "z", ModelName = "dynamic-height.onnx" };

        FluentActions.Invoking(() => new OnnxImageGenerator(model, options)).Should().Throw<InvalidDataException>()
            .WithMessage("dynamic-height.onnx is not a generator this backend can serve: the height H of output 'images' [?, 2, ?, 2] is dynamic*fixed C, H and W*");
        byte[] described = HandMadeModels.WithMetadata(model, OnnxMetadataKeys.ImageShape, "2,2,2");
        using var generator = new OnnxImageGenerator(described, options);
        generator.ImageShape.Should().Be(new ImageShape(2, 2, 2));
    }

    [Fact]
    public void A_missing_file_or_a_folder_is_named_in_the_error()
    {
        string folder = Directory.CreateTempSubdirectory("dcgan-onnx-missing-").FullName;
        string missing = Path.Combine(folder, "g.onnx");
        try
        {
            FluentActions.Invoking(() => new OnnxImageGenerator(missing)).Should().Throw<FileNotFoundException>()
                .WithMessage($"No ONNX model at {missing}: the file does not exist.");
            FluentActions.Invoking(() => new OnnxImageGenerator(folder)).Should().Throw<FileNotFoundException>()
                .WithMessage($"{folder} is a folder; expected an ONNX model file (.onnx).");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Latent_rows_of_the_wrong_length_and_use_after_dispose_are_refused()
    {
        var generator = new OnnxImageGenerator(HandMadeModels.Reshaping(["N", 8], [-1, 2, 2, 2], ["N", 2, 2, 2], metadata: NormalPrior));
        FluentActions.Invoking(() => generator.RenderBatch([new float[7]]))
            .Should().Throw<ArgumentException>().WithMessage("Latent dimension mismatch: the vectors have length 7 but the generator expects 8.*");
        FluentActions.Invoking(() => generator.RenderBatch([])).Should().Throw<ArgumentException>();

        generator.Dispose();
        generator.Dispose();
        FluentActions.Invoking(() => generator.RenderBatch([new float[8]])).Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public void A_thread_count_below_one_is_refused()
    {
        byte[] model = HandMadeModels.Reshaping(["N", 8], [-1, 2, 2, 2], ["N", 2, 2, 2], metadata: NormalPrior);
        FluentActions.Invoking(() => new OnnxImageGenerator(model, new OnnxGeneratorOptions { IntraOpThreads = 0 }))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*IntraOpThreads*");
    }
}
