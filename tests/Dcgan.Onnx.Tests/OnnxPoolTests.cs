// The generator pool on the ONNX Runtime backend (OnnxGeneratorLoader): the bitwise-equal-under-load guarantee holds
// (padding on, the default), images agree with TorchSharp's, and the loader resolves folders, refuses GPUs and reads
// dcgan export's provenance. Whether ONNX Runtime also needs the padding is measured and written to the test output.
using Dcgan.Data;
using Dcgan.Export;
using Dcgan.Generation;
using Dcgan.Models;
using Dcgan.Serving;
using Xunit.Abstractions;

namespace Dcgan.Onnx.Tests;

public sealed class OnnxPoolTests(ITestOutputHelper output) : IDisposable
{
    private static readonly (long Seed, int Count)[] Requests =
        Enumerable.Range(0, 48).Select(i => (Seed: (long)(i % 13), Count: 1 + i % 3)).ToArray();

    private readonly string _folder = Directory.CreateTempSubdirectory("dcgan-onnx-pool-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Export(out DcganGenerator generator, string name = "g.onnx", IReadOnlyDictionary<string, string>? provenance = null)
    {
        generator = TinyNetworks.Generator(TinyNetworks.Options("paper", 28, 1), perturb: true);
        string path = Path.Combine(_folder, name);
        OnnxExport.Generator(generator, path, provenance);
        return path;
    }

    private static GeneratorPool Started(string model, bool pad)
    {
        var pool = new GeneratorPool(new GeneratorPoolOptions { ModelPath = model, MaxBatchSize = 8, PadPartialBatches = pad }, new OnnxGeneratorLoader());
        pool.Start();
        return pool;
    }

    private static async Task<(ImageBatch[] Sequential, ImageBatch[] Parallel, long Passes)> SequentialThenParallel(GeneratorPool pool)
    {
        var sequential = new ImageBatch[Requests.Length];
        for (int i = 0; i < Requests.Length; i++)
        {
            sequential[i] = await pool.GenerateAsync(Requests[i].Seed, Requests[i].Count);
        }

        long before = pool.Statistics.ForwardPasses;
        using var start = new ManualResetEventSlim();
        Task<ImageBatch>[] parallel = Requests.Select(r => Task.Run(() => { start.Wait(); return pool.GenerateAsync(r.Seed, r.Count); })).ToArray();
        start.Set();
        return (sequential, await Task.WhenAll(parallel), pool.Statistics.ForwardPasses - before);
    }

    private static bool BitEqual(ImageBatch a, ImageBatch b) =>
        a.Pixels.Select(BitConverter.SingleToUInt32Bits).SequenceEqual(b.Pixels.Select(BitConverter.SingleToUInt32Bits));

    [Fact]
    public async Task Parallel_requests_give_bitwise_the_images_of_sequential_calls_and_TorchSharps_within_1e_5()
    {
        string model = Export(out DcganGenerator torch);
        using DcganGenerator _ = torch;
        using GeneratorPool pool = Started(model, pad: true);

        (ImageBatch[] sequential, ImageBatch[] parallel, long passes) = await SequentialThenParallel(pool);

        for (int i = 0; i < Requests.Length; i++)
        {
            BitEqual(parallel[i], sequential[i]).Should().BeTrue($"request {i} (seed {Requests[i].Seed}, count {Requests[i].Count}) must not depend on its batch-mates");
            TinyNetworks.MaxDifference(sequential[i], torch.RenderSeed(Requests[i].Seed, Requests[i].Count)).Should().BeLessThanOrEqualTo(1e-5f);
        }

        passes.Should().BeLessThan(Requests.Length, "queued requests were coalesced");
        pool.Model!.Checkpoint.Should().Be(model);
    }

    [Fact]
    public async Task Without_padding_coalesced_images_agree_within_float_rounding_and_the_bitwise_share_is_reported()
    {
        string model = Export(out DcganGenerator torch);
        torch.Dispose();
        using GeneratorPool pool = Started(model, pad: false);

        (ImageBatch[] sequential, ImageBatch[] parallel, long _) = await SequentialThenParallel(pool);

        int bitwise = Enumerable.Range(0, Requests.Length).Count(i => BitEqual(parallel[i], sequential[i]));
        output.WriteLine($"ONNX Runtime without padding: {bitwise} of {Requests.Length} coalesced requests bitwise equal to their sequential images");
        for (int i = 0; i < Requests.Length; i++)
        {
            TinyNetworks.MaxDifference(parallel[i], sequential[i]).Should().BeLessThan(1e-5f);
        }
    }

    [Fact]
    public void The_loader_reads_the_provenance_resolves_a_folder_to_its_newest_model_and_refuses_a_gpu()
    {
        string older = Export(out DcganGenerator a, "a.onnx");
        a.Dispose();
        File.SetLastWriteTimeUtc(older, DateTime.UtcNow.AddMinutes(-5));
        string newer = Export(out DcganGenerator b, "b.onnx", new Dictionary<string, string>
        {
            [OnnxGeneratorLoader.CheckpointStepKey] = "156",
            [OnnxGeneratorLoader.CheckpointEpochKey] = "1",
        });
        b.Dispose();
        var loader = new OnnxGeneratorLoader();

        loader.Resolve(_folder).Should().Be(newer);
        loader.Resolve(older).Should().Be(older);
        GeneratorModel withProvenance = loader.Load(newer, "cpu");
        GeneratorModel without = loader.Load(older, "auto");
        using (withProvenance.Generator as IDisposable)
        using (without.Generator as IDisposable)
        {
            (withProvenance.GlobalStep, withProvenance.Epoch).Should().Be((156L, 1));
            (without.GlobalStep, without.Epoch).Should().Be(((long?)null, (int?)null));
        }

        FluentActions.Invoking(() => loader.Prepare("cuda:0")).Should().Throw<ArgumentException>().WithMessage("*cuda:0*CPU*");
        FluentActions.Invoking(() => loader.Resolve(Path.Combine(_folder, "missing"))).Should().Throw<FileNotFoundException>().WithMessage("*missing*");
    }
}
