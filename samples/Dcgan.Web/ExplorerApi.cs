// ExplorerApi: the HTTP endpoints of the latent explorer. Every image endpoint answers image/png; bad parameters get
// 400 ProblemDetails naming the parameter and value; with no model loaded, 503 (and /api/model 404).
//
//   GET /api/model                                            the checkpoint served (JSON), 404 when none
//   GET /api/grid?seed=1&count=64&columns=8                   images 0..count-1 of the seed's indexed grid
//   GET /api/image?seed=1&index=0                             one image
//   GET /api/interpolation?from=1&fromIndex=0&to=2&toIndex=0&steps=8&mode=lerp    a strip of steps + 1 images
//   GET /api/walk?from=1&fromIndex=0&to=2&toIndex=0&t=0.5&mode=slerp              the image a fraction t of the way
//   GET /api/arithmetic?seed=1&count=64&a=1,2,3&b=4,5,6&c=7,8,9&neighbours=4      mean A, mean B, mean C, A - B + C, neighbours
using Dcgan.Data;
using Dcgan.Generation;
using Dcgan.Imaging;
using Dcgan.Latent;
using Dcgan.Serving;

namespace Dcgan.Web;

internal static class ExplorerApi
{
    /// <summary>Pixels between tiles and around every grid and strip (the page positions its tile buttons with it).</summary>
    public const int Padding = 2;

    public static void MapExplorerApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder api = app.MapGroup("/api").AddEndpointFilter(ApiErrors.Filter);
        api.MapGet("/model", Model);
        api.MapGet("/grid", Grid);
        api.MapGet("/image", Image);
        api.MapGet("/interpolation", Interpolation);
        api.MapGet("/walk", Walk);
        api.MapGet("/arithmetic", Arithmetic);
    }

    private static IResult Model(IGeneratorPool pool)
    {
        GeneratorModelInfo? model = pool.Model;
        return model is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No checkpoint is loaded",
                detail: "The server has no generator yet: start it with --checkpoint PATH (a checkpoint file or run folder), or wait for the watched run folder's first checkpoint.")
            : Results.Ok(new
            {
                checkpoint = Path.GetFileName(model.Checkpoint),
                model.Version,
                model.Epoch,
                model.GlobalStep,
                model.LatentDimension,
                latentDistribution = model.LatentDistribution.ToString(),
                image = new { model.ImageShape.Channels, model.ImageShape.Height, model.ImageShape.Width },
                padding = Padding,
                pool.Options.MaxImagesPerRequest,
            });
    }

    private static async Task<IResult> Grid(HttpRequest request, IGeneratorPool pool, CancellationToken cancel)
    {
        long seed = QueryValues.Long(request, "seed", 1);
        int count = QueryValues.Int(request, "count", 64);
        int columns = QueryValues.Int(request, "columns", (int)Math.Ceiling(Math.Sqrt(Math.Max(count, 1))), minimum: 1);
        return Png(await pool.GenerateAsync(seed, count, cancellationToken: cancel), columns);
    }

    private static async Task<IResult> Image(HttpRequest request, IGeneratorPool pool, CancellationToken cancel)
    {
        long seed = QueryValues.Long(request, "seed", 1);
        int index = QueryValues.Int(request, "index", 0, minimum: 0);
        return Png(await pool.GenerateAsync(seed, 1, index, cancel), columns: 1, padding: 0);
    }

    private static async Task<IResult> Interpolation(HttpRequest request, IGeneratorPool pool, CancellationToken cancel)
    {
        (LatentPoint from, LatentPoint to, LatentInterpolationMode mode) = Endpoints(request);
        int steps = QueryValues.Int(request, "steps", 8);
        ImageBatch strip = await pool.InterpolateAsync(from, to, steps, mode, cancel);
        return Png(strip, columns: strip.Count);
    }

    private static async Task<IResult> Walk(HttpRequest request, IGeneratorPool pool, CancellationToken cancel)
    {
        (LatentPoint from, LatentPoint to, LatentInterpolationMode mode) = Endpoints(request);
        double t = QueryValues.Double(request, "t", 0.5, minimum: 0, maximum: 1);
        return Png(await pool.InterpolateAtAsync(from, to, [t], mode, cancel), columns: 1, padding: 0);
    }

    private static async Task<IResult> Arithmetic(HttpRequest request, IGeneratorPool pool, CancellationToken cancel)
    {
        long seed = QueryValues.Long(request, "seed", 1);
        int count = QueryValues.Int(request, "count", 64, minimum: 1);
        int[] a = QueryValues.IntList(request, "a");
        int[] b = QueryValues.IntList(request, "b");
        int[] c = QueryValues.IntList(request, "c");
        int neighbours = QueryValues.Int(request, "neighbours", 0);
        ImageBatch images = await pool.ArithmeticAsync(seed, count, a, b, c, neighbours, cancel);
        return Png(images, columns: images.Count);
    }

    private static (LatentPoint From, LatentPoint To, LatentInterpolationMode Mode) Endpoints(HttpRequest request) => (
        new LatentPoint(QueryValues.Long(request, "from", 1), QueryValues.Int(request, "fromIndex", 0, minimum: 0)),
        new LatentPoint(QueryValues.Long(request, "to", 2), QueryValues.Int(request, "toIndex", 0, minimum: 0)),
        QueryValues.Mode(request, "mode", LatentInterpolationMode.Linear));

    private static IResult Png(ImageBatch images, int columns, int padding = Padding) =>
        Results.File(ImageGrid.EncodePng(images, columns, padding), "image/png");
}
