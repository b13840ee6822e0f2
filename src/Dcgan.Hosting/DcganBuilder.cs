// DcganBuilder: what services.AddDcgan(...) returns; adds the generator pool and hosted training.
using System.Diagnostics.Metrics;
using Dcgan.Configuration;
using Dcgan.Models;
using Dcgan.Serving;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dcgan.Hosting;

/// <summary>Adds Dcgan's parts to a service collection, each with options bound from its configuration subsection.</summary>
public sealed class DcganBuilder
{
    /// <summary>The TorchSharp backend of the pools this builder adds (loads every kind of <see cref="NetworkBuilders"/>).</summary>
    private readonly CheckpointGeneratorLoader _checkpointLoader;

    internal DcganBuilder(IServiceCollection services, IConfiguration configuration)
    {
        Services = services;
        Configuration = configuration;
        NetworkBuilders = RegistryOf(services);
        _checkpointLoader = new CheckpointGeneratorLoader(NetworkBuilders);
    }

    /// <summary>
    /// The network builders of this service collection (a singleton <see cref="NetworkBuilderRegistry"/>, "dcgan"
    /// always): hosted training builds new runs' networks with them, the generator pools rebuild checkpoints' generators.
    /// </summary>
    public NetworkBuilderRegistry NetworkBuilders { get; }

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The Dcgan configuration section the options are bound from.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>Registers the default generator pool serving Dcgan checkpoints, with the options as configured (see the overload with <c>configure</c>).</summary>
    /// <returns>This builder.</returns>
    public DcganBuilder AddGeneratorPool() => AddGeneratorPool(configure: null);

    /// <summary>Registers a named generator pool serving Dcgan checkpoints, with the options as configured (see the overload with <c>configure</c>).</summary>
    /// <param name="name">The pool's name: its service key and configuration subsection (<c>Generators:&lt;name&gt;</c>); not empty, no ':'.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The name is empty or holds ':'.</exception>
    public DcganBuilder AddGeneratorPool(string name) => AddGeneratorPool(name, configure: null);

    /// <summary>
    /// Registers the default generator pool serving Dcgan checkpoints (<see cref="CheckpointGeneratorLoader"/>): a
    /// singleton <see cref="GeneratorPool"/>, also resolved as <see cref="IGeneratorPool"/>, with
    /// <see cref="GeneratorPoolOptions"/> bound from the <c>Generator</c> subsection (then <paramref name="configure"/>),
    /// validated at start, and a hosted service that starts the pool with the host: a missing or corrupt checkpoint fails
    /// the host's start, naming the file. (A host that serves another backend calls
    /// <see cref="GeneratorPoolServiceCollectionExtensions"/> with its loader instead.)
    /// </summary>
    /// <param name="configure">Changes applied after binding; null for none.</param>
    /// <returns>This builder.</returns>
    public DcganBuilder AddGeneratorPool(Action<GeneratorPoolOptions>? configure)
    {
        Services.AddGeneratorPool(Configuration, _checkpointLoader, configure);
        return this;
    }

    /// <summary>
    /// Registers a named generator pool serving Dcgan checkpoints, like ML.NET's named PredictionEnginePool models: a
    /// keyed singleton <see cref="GeneratorPool"/> and <see cref="IGeneratorPool"/> under <paramref name="name"/> (inject
    /// <c>[FromKeyedServices("faces")] IGeneratorPool</c>), with its options bound from the <c>Generators:&lt;name&gt;</c>
    /// subsection (then <paramref name="configure"/>), validated and started with the host.
    /// </summary>
    /// <param name="name">The pool's name: its service key and configuration subsection; not empty, no ':'.</param>
    /// <param name="configure">Changes applied after binding; null for none.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The name is empty or holds ':'.</exception>
    public DcganBuilder AddGeneratorPool(string name, Action<GeneratorPoolOptions>? configure)
    {
        Services.AddGeneratorPool(name, Configuration, _checkpointLoader, configure);
        return this;
    }

    /// <summary>
    /// Registers hosted training: a <see cref="BackgroundService"/> that trains with <see cref="HostedTrainingOptions"/>
    /// bound from the <c>Training</c> subsection (then <paramref name="configure"/>), validated at start. It reports
    /// through <c>ILogger</c> and the "Dcgan" meter (<see cref="DcganMetrics"/>), checkpoints when the host stops and
    /// resumes from the run folder on the next start.
    /// </summary>
    /// <param name="configure">Changes applied after binding; null for none.</param>
    /// <returns>This builder.</returns>
    public DcganBuilder AddHostedTraining(Action<HostedTrainingOptions>? configure = null)
    {
        HostedTrainingProfile.ApplyBeforeBinding(Services, Configuration.GetSection(HostedTrainingOptions.SectionName));
        AddValidatedOptions(HostedTrainingOptions.SectionName, new HostedTrainingOptionsValidator(), configure);
        string sectionPath = Configuration.GetSection(HostedTrainingOptions.SectionName).Path;
        Services.TryAddSingleton(sp => new DcganMeter(sp.GetService<IMeterFactory>())); // the container disposes it
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, HostedTrainingService>(sp => new HostedTrainingService(
            sp.GetRequiredService<IOptions<HostedTrainingOptions>>().Value,
            sectionPath,
            sp.GetRequiredService<GanTrainerFactory>(),
            NetworkBuilders,
            sp.GetRequiredService<IHostApplicationLifetime>(),
            sp.GetService<ILogger<HostedTrainingService>>() ?? Microsoft.Extensions.Logging.Abstractions.NullLogger<HostedTrainingService>.Instance,
            sp.GetRequiredService<DcganMeter>().Meter)));
        return this;
    }

    /// <summary>
    /// Registers a network builder: hosted training can train its kind (<see cref="HostedTrainingOptions.NetworkKind"/>)
    /// and the generator pools serve checkpoints of its kind.
    /// </summary>
    /// <param name="builder">The builder (shared; kept for the container's lifetime).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">Its kind is empty, or registered already by another builder type.</exception>
    public DcganBuilder AddNetworkBuilder(INetworkBuilder builder)
    {
        NetworkBuilders.Register(builder);
        return this;
    }

    /// <summary>Registers a new <typeparamref name="TBuilder"/> (see <see cref="AddNetworkBuilder(INetworkBuilder)"/>).</summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">Its kind is empty, or registered already by another builder type.</exception>
    public DcganBuilder AddNetworkBuilder<TBuilder>()
        where TBuilder : INetworkBuilder, new() =>
        AddNetworkBuilder(new TBuilder());

    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to the subsection <paramref name="sectionName"/> (unknown keys are errors),
    /// applies <paramref name="configure"/>, and validates with <paramref name="validator"/> when the host starts; each
    /// failure is reported with its full configuration key, e.g. <c>Dcgan:Training:Epochs = 0: ...</c>.
    /// </summary>
    internal void AddValidatedOptions<TOptions>(string sectionName, DcganOptionsValidator<TOptions> validator, Action<TOptions>? configure)
        where TOptions : class =>
        ValidatedOptions.Add(Services, Configuration.GetSection(sectionName), validator, configure);

    // One registry per service collection (AddDcgan may be called more than once): the singleton registered first.
    private static NetworkBuilderRegistry RegistryOf(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(NetworkBuilderRegistry) && !d.IsKeyedService)?.ImplementationInstance is NetworkBuilderRegistry registered)
        {
            return registered;
        }

        var registry = new NetworkBuilderRegistry();
        services.AddSingleton(registry);
        return registry;
    }
}
