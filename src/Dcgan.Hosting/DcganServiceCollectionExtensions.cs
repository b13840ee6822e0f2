// DcganServiceCollectionExtensions: the entry point of Dcgan in a .NET host, services.AddDcgan(configuration).
using Dcgan.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Dcgan.Hosting;

/// <summary>Registers Dcgan in a service collection.</summary>
public static class DcganServiceCollectionExtensions
{
    /// <summary>
    /// Starts registering Dcgan with its settings bound from <paramref name="configuration"/> (usually
    /// <c>configuration.GetSection("Dcgan")</c>): the subsections are <c>Generator</c> and <c>Generators:&lt;name&gt;</c>
    /// (<see cref="Dcgan.Serving.GeneratorPoolOptions"/>)
    /// and those of the parts added on the returned builder. Every options class is validated when the host starts
    /// (<c>ValidateOnStart</c>); a bad value fails the start with a message naming its configuration key.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The Dcgan configuration section.</param>
    /// <remarks>Registers a <see cref="GanTrainerFactory"/> and, where none is registered yet, the paper's training parts:
    /// <see cref="NonSaturatingGanLoss"/>, <see cref="DiscriminatorThenGeneratorStep"/> and <see cref="AdamOptimizerFactory"/>
    /// (transient).</remarks>
    /// <returns>A builder to add the generator pool and hosted training to.</returns>
    public static DcganBuilder AddDcgan(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions();
        services.TryAddTransient<IGanLoss, NonSaturatingGanLoss>();
        services.TryAddTransient<IAdversarialStep, DiscriminatorThenGeneratorStep>();
        services.TryAddTransient<IOptimizerFactory, AdamOptimizerFactory>();
        services.TryAddTransient(sp => new GanTrainerFactory(sp.GetRequiredService<IGanLoss>(), sp.GetRequiredService<IAdversarialStep>(),
            sp.GetRequiredService<IOptimizerFactory>(), sp.GetService<ILogger<GanTrainer>>()));
        return new DcganBuilder(services, configuration);
    }
}
