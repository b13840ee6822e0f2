// The web sample's API through WebApplicationFactory: status codes, content types, PNG sizes, 400 ProblemDetails
// naming the parameter, 404/503 without a checkpoint, and a bad checkpoint failing the start.
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dcgan.Persistence;
using SkiaSharp;

namespace Dcgan.Hosting.Tests.Web;

public sealed class ExplorerApiTests : IClassFixture<ExplorerApiTests.Served>
{
    private const int Tile = 28 + 2; // image side plus the grid padding
    private readonly HttpClient _client;

    public ExplorerApiTests(Served served) => _client = served.Client;

    public sealed class Served : IDisposable
    {
        private readonly ExplorerFactory _factory = new(TestCheckpoints.Trained);

        public Served() => Client = _factory.CreateClient();

        public HttpClient Client { get; }

        public void Dispose()
        {
            Client.Dispose();
            _factory.Dispose();
        }
    }

    [Theory]
    [InlineData("/api/grid?seed=1&count=10&columns=5", 5 * Tile + 2, 2 * Tile + 2)]
    [InlineData("/api/grid?seed=4&count=64", 8 * Tile + 2, 8 * Tile + 2)]
    [InlineData("/api/image?seed=3&index=5", 28, 28)]
    [InlineData("/api/interpolation?from=1&to=2&toIndex=7&steps=4&mode=slerp", 5 * Tile + 2, Tile + 2)]
    [InlineData("/api/walk?from=1&to=2&t=0.25&mode=lerp", 28, 28)]
    [InlineData("/api/arithmetic?seed=2&count=64&a=1,2,3&b=4,5,6&c=7,8,9&neighbours=2", 6 * Tile + 2, Tile + 2)]
    public async Task Image_endpoints_answer_png_of_the_expected_size(string url, int width, int height)
    {
        using HttpResponseMessage response = await _client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        using SKBitmap png = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        png.Should().NotBeNull();
        (png.Width, png.Height).Should().Be((width, height));
    }

    [Fact]
    public async Task The_model_endpoint_describes_the_checkpoint()
    {
        using JsonDocument model = JsonDocument.Parse(await _client.GetStringAsync("/api/model"));

        model.RootElement.GetProperty("checkpoint").GetString().Should().Be(Path.GetFileName(TestCheckpoints.Trained));
        model.RootElement.GetProperty("latentDimension").GetInt32().Should().Be(8);
        model.RootElement.GetProperty("image").GetProperty("width").GetInt32().Should().Be(28);
        model.RootElement.GetProperty("maxImagesPerRequest").GetInt32().Should().Be(100);
    }

    [Fact]
    public async Task The_page_is_served_at_the_root()
    {
        using HttpResponseMessage response = await _client.GetAsync("/");

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await response.Content.ReadAsStringAsync()).Should().Contain("Dcgan latent explorer");
    }

    [Fact]
    public async Task Parallel_single_image_requests_return_the_bytes_of_sequential_ones()
    {
        string[] urls = Enumerable.Range(0, 24).Select(i => $"/api/image?seed={i % 5}&index={i}").ToArray();
        var sequential = new List<byte[]>();
        foreach (string url in urls)
        {
            sequential.Add(await _client.GetByteArrayAsync(url));
        }

        byte[][] parallel = await Task.WhenAll(urls.Select(url => Task.Run(() => _client.GetByteArrayAsync(url))));

        parallel.Should().Equal(sequential, (a, b) => a.AsSpan().SequenceEqual(b));
        sequential.Distinct(new BytesComparer()).Count().Should().BeGreaterThan(20, "different seeds give different images");
    }

    [Theory]
    [InlineData("/api/grid?count=-1", "count", "-1")]
    [InlineData("/api/grid?count=101", "count", "101")]
    [InlineData("/api/grid?seed=abc", "seed", "abc")]
    [InlineData("/api/grid?count=4&columns=0", "columns", "0")]
    [InlineData("/api/image?index=-3", "index", "-3")]
    [InlineData("/api/interpolation?mode=cubic", "mode", "cubic")]
    [InlineData("/api/interpolation?steps=0", "steps", "0")]
    [InlineData("/api/interpolation?steps=100", "steps", "100")]
    [InlineData("/api/walk?t=1.5", "t", "1.5")]
    [InlineData("/api/arithmetic?count=64&a=1,2,3&b=4,64,6&c=7", "b", "4,64,6")]
    [InlineData("/api/arithmetic?count=64&a=1,x&b=4&c=7", "a", "1,x")]
    [InlineData("/api/arithmetic?count=64&a=1&b=4", "c", "")]
    [InlineData("/api/arithmetic?count=64&a=1&b=4&c=7&neighbours=-1", "neighbours", "-1")]
    public async Task Bad_parameters_get_400_problem_details_naming_the_parameter_and_value(string url, string parameter, string value)
    {
        using HttpResponseMessage response = await _client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("parameter").GetString().Should().Be(parameter);
        (problem.RootElement.GetProperty("value").GetString() ?? "").Should().Be(value);
        problem.RootElement.GetProperty("detail").GetString().Should().Contain(parameter);
    }

    [Fact]
    public async Task Without_a_checkpoint_the_model_is_404_and_images_are_503()
    {
        using var factory = new ExplorerFactory(checkpoint: null);
        using HttpClient client = factory.CreateClient();

        using HttpResponseMessage model = await client.GetAsync("/api/model");
        using HttpResponseMessage grid = await client.GetAsync("/api/grid?seed=1&count=4");

        model.StatusCode.Should().Be(HttpStatusCode.NotFound);
        model.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        grid.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        grid.Headers.RetryAfter.Should().NotBeNull();
        (await grid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("ModelPath");
    }

    [Fact]
    public void A_missing_checkpoint_fails_the_start_naming_it()
    {
        string missing = Path.Combine(TestCheckpoints.NewFolder("web-missing"), "absent.dcgan");
        using var factory = new ExplorerFactory(missing);

        Action start = () => factory.CreateClient();

        start.Should().Throw<CheckpointException>().WithMessage($"*{missing}*");
    }

    private sealed class BytesComparer : IEqualityComparer<byte[]>
    {
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => obj.Length;
    }
}
