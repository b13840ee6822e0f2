// The web explorer's API depends on IGeneratorPool only: with the pool replaced by a fake (no model, no TorchSharp
// in the request path), each endpoint asks the pool for what its query says and answers the fake's images as PNG,
// the fake's model as JSON, and the fake's errors as 400 / 503 ProblemDetails.
using System.Net;
using System.Text.Json;
using Dcgan.Data;
using Dcgan.Generation;
using Dcgan.Latent;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Dcgan.Hosting.Tests.Web;

public sealed class FakePoolExplorerTests
{
    private const int Side = 5; // the fake's images are 1x5x5
    private const int Tile = Side + 2;

    [Theory]
    [InlineData("/api/grid?seed=9&count=6&columns=3", "Generate 9 6 0", 3 * Tile + 2, 2 * Tile + 2)]
    [InlineData("/api/image?seed=4&index=11", "Generate 4 1 11", Side, Side)]
    [InlineData("/api/interpolation?from=1&fromIndex=2&to=3&toIndex=4&steps=5&mode=slerp", "Interpolate 1:2 3:4 5 Spherical", 6 * Tile + 2, Tile + 2)]
    [InlineData("/api/walk?from=5&to=6&toIndex=1&t=0.25", "InterpolateAt 5:0 6:1 0.25 Linear", Side, Side)]
    [InlineData("/api/arithmetic?seed=2&count=16&a=1,2&b=3&c=4,5,6&neighbours=1", "Arithmetic 2 16 [1,2] [3] [4,5,6] 1", 5 * Tile + 2, Tile + 2)]
    public async Task Each_endpoint_asks_the_pool_for_its_query_and_answers_the_pools_images(string url, string call, int width, int height)
    {
        var pool = new RecordingGeneratorPool();
        using var factory = new ExplorerFactory(checkpoint: null, services: s => s.AddSingleton<IGeneratorPool>(pool));
        using HttpClient client = factory.CreateClient();

        using HttpResponseMessage response = await client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        pool.Calls.Should().Equal(call);
        using SKBitmap png = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        (png.Width, png.Height).Should().Be((width, height));
    }

    [Fact]
    public async Task The_model_endpoint_describes_the_pools_model()
    {
        var pool = new RecordingGeneratorPool();
        using var factory = new ExplorerFactory(checkpoint: null, services: s => s.AddSingleton<IGeneratorPool>(pool));
        using HttpClient client = factory.CreateClient();

        using JsonDocument model = JsonDocument.Parse(await client.GetStringAsync("/api/model"));

        model.RootElement.GetProperty("checkpoint").GetString().Should().Be("fake.onnx");
        model.RootElement.GetProperty("latentDimension").GetInt32().Should().Be(7);
        model.RootElement.GetProperty("globalStep").ValueKind.Should().Be(JsonValueKind.Null, "the fake's file does not say");
        model.RootElement.GetProperty("maxImagesPerRequest").GetInt32().Should().Be(12);
    }

    [Fact]
    public async Task The_pools_errors_become_400_naming_the_parameter_and_503_when_it_has_no_model()
    {
        var pool = new RecordingGeneratorPool();
        using var factory = new ExplorerFactory(checkpoint: null, services: s => s.AddSingleton<IGeneratorPool>(pool));
        using HttpClient client = factory.CreateClient();

        pool.Failure = new ArgumentOutOfRangeException("count", 13, "count = 13 asks for 13 images: expected 1 to 12 (MaxImagesPerRequest).");
        using HttpResponseMessage tooMany = await client.GetAsync("/api/grid?count=13");
        pool.Failure = new GeneratorUnavailableException("No generator is loaded: the fake says so.");
        using HttpResponseMessage unavailable = await client.GetAsync("/api/grid?count=2");

        tooMany.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using (JsonDocument problem = JsonDocument.Parse(await tooMany.Content.ReadAsStringAsync()))
        {
            problem.RootElement.GetProperty("parameter").GetString().Should().Be("count");
            problem.RootElement.GetProperty("value").GetString().Should().Be("13");
        }

        unavailable.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await unavailable.Content.ReadAsStringAsync()).Should().Contain("the fake says so");
    }

    /// <summary>An <see cref="IGeneratorPool"/> that records each call and answers grey 1x5x5 images, or throws <see cref="Failure"/>.</summary>
    private sealed class RecordingGeneratorPool : IGeneratorPool
    {
        private static readonly ImageShape Shape = new(1, Side, Side);

        public event EventHandler<GeneratorModelInfo>? ModelChanged;

        public List<string> Calls { get; } = [];

        public Exception? Failure { get; set; }

        public GeneratorPoolOptions Options { get; } = new() { MaxImagesPerRequest = 12 };

        public GeneratorModelInfo? Model { get; } = new("/models/fake.onnx", 1, null, null, 7, LatentDistribution.Normal, Shape, DateTimeOffset.UnixEpoch);

        public GeneratorPoolStatistics Statistics => new(Calls.Count, 0, 0, 0, 0);

        public Task<ImageBatch> GenerateAsync(long seed, int count, int firstIndex = 0, CancellationToken cancellationToken = default) =>
            Answer($"Generate {seed} {count} {firstIndex}", count);

        public Task<ImageBatch> GenerateFromLatentsAsync(IReadOnlyList<float[]> latents, CancellationToken cancellationToken = default) =>
            Answer($"FromLatents {latents.Count}", latents.Count);

        public Task<ImageBatch> InterpolateAsync(LatentPoint from, LatentPoint to, int steps, LatentInterpolationMode mode, CancellationToken cancellationToken = default) =>
            Answer($"Interpolate {from} {to} {steps} {mode}", steps + 1);

        public Task<ImageBatch> InterpolateAtAsync(LatentPoint from, LatentPoint to, IReadOnlyList<double> fractions, LatentInterpolationMode mode,
            CancellationToken cancellationToken = default) =>
            Answer(FormattableString.Invariant($"InterpolateAt {from} {to} {string.Join(",", fractions)} {mode}"), fractions.Count);

        public Task<ImageBatch> ArithmeticAsync(long seed, int gridSize, IReadOnlyList<int> a, IReadOnlyList<int> b, IReadOnlyList<int> c,
            int neighbours = 0, CancellationToken cancellationToken = default) =>
            Answer($"Arithmetic {seed} {gridSize} [{string.Join(",", a)}] [{string.Join(",", b)}] [{string.Join(",", c)}] {neighbours}", 4 + neighbours);

        public bool Reload() => false;

        public void Load(string path) => ModelChanged?.Invoke(this, Model!);

        private Task<ImageBatch> Answer(string call, int count)
        {
            Calls.Add(call);
            return Failure is not null
                ? Task.FromException<ImageBatch>(Failure)
                : Task.FromResult(new ImageBatch(count, Shape, new float[count * Shape.ElementCount]));
        }
    }
}
