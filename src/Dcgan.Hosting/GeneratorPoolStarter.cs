// GeneratorPoolStarter: starts the generator pool with the host, so a bad checkpoint fails the start.
using Microsoft.Extensions.Hosting;

namespace Dcgan.Hosting;

/// <summary>Calls <see cref="GeneratorPool.Start"/> when the host starts; the container disposes the pool.</summary>
internal sealed class GeneratorPoolStarter(GeneratorPool pool) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        pool.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
