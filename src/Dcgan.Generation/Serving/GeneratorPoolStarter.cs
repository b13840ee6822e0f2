// GeneratorPoolStarter: starts every registered generator pool (the default one and the named ones) with the host,
// so that a bad model file fails the start instead of the first request.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dcgan.Serving;

/// <summary>Calls <see cref="GeneratorPool.Start"/> on every registered pool when the host starts; the container disposes the pools.</summary>
internal sealed class GeneratorPoolStarter(IServiceProvider services, GeneratorPoolRegistrations registrations) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (string? name in registrations.Names)
        {
            GeneratorPool pool = name is null
                ? services.GetRequiredService<GeneratorPool>()
                : services.GetRequiredKeyedService<GeneratorPool>(name);
            pool.Start();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
