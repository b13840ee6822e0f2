// Dcgan.Web: serves a trained generator over HTTP (PNG endpoints) and the latent explorer page (wwwroot/index.html).
//   dotnet run --project samples/Dcgan.Web -- --checkpoint runs/train
// Settings: appsettings.json's "Dcgan:Generator" section (GeneratorPoolOptions); --checkpoint PATH and --watch true|false
// are short for Dcgan:Generator:Checkpoint and Dcgan:Generator:WatchForChanges; --urls changes the address.
// Setting Dcgan:Training:Data (e.g. --Dcgan:Training:Data=PATH --Dcgan:Training:Output=DIR) also trains in this
// process while it serves (HostedTrainingOptions; add --Dcgan:Training:StopHostWhenDone=false to keep serving after).
using Dcgan.Hosting;
using Dcgan.Web;

WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
{
    ["--checkpoint"] = "Dcgan:Generator:Checkpoint",
    ["--watch"] = "Dcgan:Generator:WatchForChanges",
});
builder.Services.AddProblemDetails();
DcganBuilder dcgan = builder.Services.AddDcgan(builder.Configuration.GetSection("Dcgan")).AddGeneratorPool();
if (!string.IsNullOrEmpty(builder.Configuration["Dcgan:Training:Data"]))
{
    dcgan.AddHostedTraining(); // the "Dcgan:Training" section
}

WebApplication app = builder.Build();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapExplorerApi();
app.Lifetime.ApplicationStarted.Register(() =>
{
    GeneratorModelInfo? model = app.Services.GetRequiredService<GeneratorPool>().Model;
    Console.WriteLine($"Latent explorer: {string.Join(", ", app.Urls.Select(u => u.TrimEnd('/') + "/"))}");
    Console.WriteLine(model is null
        ? "No checkpoint loaded: start with --checkpoint PATH (a checkpoint file or run folder, e.g. one written by dcgan train); until then the API answers 503."
        : $"Serving {model.Checkpoint} (step {model.GlobalStep}).");
});
app.Run();

/// <summary>The web app's entry point (public so that tests can host it with WebApplicationFactory).</summary>
public partial class Program;
