// Dcgan.Web: serves a trained generator over HTTP (PNG endpoints) and the latent explorer page (wwwroot/index.html).
//   dotnet run --project samples/Dcgan.Web -- --checkpoint runs/train
// Settings: appsettings.json's "Dcgan:Generator" section (GeneratorPoolOptions); --checkpoint PATH and --watch true|false
// are short for Dcgan:Generator:ModelPath and Dcgan:Generator:WatchForChanges; --urls changes the address.
// Setting Dcgan:Training:Data (e.g. --Dcgan:Training:Data=PATH --Dcgan:Training:Output=DIR) also trains in this
// process while it serves (HostedTrainingOptions; add --Dcgan:Training:StopHostWhenDone=false to keep serving after).
// The explorer's endpoints depend only on IGeneratorPool; which backend loads the model is chosen once, below (LoaderFor):
// an .onnx file is served by ONNX Runtime, anything else is a Dcgan checkpoint served by TorchSharp. Built with
// -p:DcganBackend=onnx the app has no TorchSharp at all: it serves .onnx files only and cannot train.
#if !DCGAN_ONNX_ONLY
using Dcgan.Hosting;
#endif
using Dcgan.Onnx;
using Dcgan.Serving;
using Dcgan.Web;

WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
{
    ["--checkpoint"] = "Dcgan:Generator:ModelPath",
    ["--watch"] = "Dcgan:Generator:WatchForChanges",
});
builder.Services.AddProblemDetails();
IConfigurationSection dcganSection = builder.Configuration.GetSection("Dcgan");
builder.Services.AddGeneratorPool(dcganSection, LoaderFor, configure: null);
#if !DCGAN_ONNX_ONLY
if (!string.IsNullOrEmpty(builder.Configuration["Dcgan:Training:Data"]))
{
    builder.Services.AddDcgan(dcganSection).AddHostedTraining(); // the "Dcgan:Training" section
}
#endif

WebApplication app = builder.Build();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapExplorerApi();
app.Lifetime.ApplicationStarted.Register(() =>
{
    GeneratorModelInfo? model = app.Services.GetRequiredService<IGeneratorPool>().Model;
    Console.WriteLine($"Latent explorer: {string.Join(", ", app.Urls.Select(u => u.TrimEnd('/') + "/"))}");
    Console.WriteLine(model is null
        ? "No checkpoint loaded: start with --checkpoint PATH (a checkpoint file or run folder, e.g. one written by dcgan train); until then the API answers 503."
        : $"Serving {model.Checkpoint} (step {model.GlobalStep}).");
});
app.Run();

// The backend seam: the loader for the configured model (a file or folder), chosen when the pool is created from its
// final options, by the file's extension.
static IGeneratorModelLoader LoaderFor(GeneratorPoolOptions options) => Path.GetExtension(options.ModelPath ?? "").ToUpperInvariant() switch
{
    ".ONNX" => new OnnxGeneratorLoader(),
#if DCGAN_ONNX_ONLY
    _ => new OnnxGeneratorLoader(), // this build serves ONNX models only: anything else is refused, naming the file
#else
    _ => new CheckpointGeneratorLoader(),
#endif
};

/// <summary>The web app's entry point (public so that tests can host it with WebApplicationFactory).</summary>
public partial class Program;
