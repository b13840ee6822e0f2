// ExplorerFactory: hosts samples/Dcgan.Web in the test process (TestServer, or Kestrel on a free loopback port for
// the browser) with a given checkpoint; tests may replace services (e.g. IGeneratorPool with a fake).
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dcgan.Hosting.Tests.Web;

public sealed class ExplorerFactory(string? checkpoint, int maxImagesPerRequest = 100, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    /// <summary>The address Kestrel listens on (after <c>UseKestrel(0)</c> and <c>StartServer()</c>).</summary>
    public Uri ListeningAddress =>
        new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Dcgan:Generator:ModelPath"] = checkpoint ?? "",
            ["Dcgan:Generator:WatchForChanges"] = "false",
            ["Dcgan:Generator:MaxBatchSize"] = "16",
            ["Dcgan:Generator:MaxImagesPerRequest"] = maxImagesPerRequest.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        if (services is not null)
        {
            builder.ConfigureTestServices(services); // after the app's own registrations, so a test's replacement wins
        }
    }
}
