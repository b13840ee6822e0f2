// GeneratorPoolServiceCollectionExtensions: registers generator pools in a host with no TorchSharp in sight: the
// caller brings the loader (the backend). The default pool is bound from Dcgan:Generator; named pools, like ML.NET's
// PredictionEnginePool named models, from Dcgan:Generators:<name> and resolved as keyed services.
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dcgan.Serving;

/// <summary>Registers <see cref="GeneratorPool"/>s, each serving the models of a given <see cref="IGeneratorModelLoader"/>.</summary>
public static class GeneratorPoolServiceCollectionExtensions
{
    /// <summary>Registers the default pool with the options as configured; see the overload with <c>configure</c>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The Dcgan configuration section (usually <c>configuration.GetSection("Dcgan")</c>).</param>
    /// <param name="loader">Finds and loads the model files (the backend); shared, never disposed by the pool.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddGeneratorPool(this IServiceCollection services, IConfiguration configuration, IGeneratorModelLoader loader) =>
        services.AddGeneratorPool(configuration, loader, configure: null);

    /// <summary>Registers a named pool with the options as configured; see the overload with <c>configure</c>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The pool's name: its service key and configuration subsection; not empty, no ':'.</param>
    /// <param name="configuration">The Dcgan configuration section (usually <c>configuration.GetSection("Dcgan")</c>).</param>
    /// <param name="loader">Finds and loads the model files (the backend); shared, never disposed by the pool.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentException">The name is empty or holds ':'.</exception>
    public static IServiceCollection AddGeneratorPool(this IServiceCollection services, string name, IConfiguration configuration, IGeneratorModelLoader loader) =>
        services.AddGeneratorPool(name, configuration, loader, configure: null);

    /// <summary>
    /// Registers the default pool: a singleton <see cref="GeneratorPool"/> (also resolved as <see cref="IGeneratorPool"/>)
    /// with <see cref="GeneratorPoolOptions"/> bound from the <c>Generator</c> subsection of <paramref name="configuration"/>
    /// (then <paramref name="configure"/>), validated at start, and a hosted service that starts the pool with the host:
    /// a missing or corrupt model file fails the host's start, naming the file. The container disposes the pool.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The Dcgan configuration section (usually <c>configuration.GetSection("Dcgan")</c>).</param>
    /// <param name="loader">Finds and loads the model files (the backend); shared, never disposed by the pool.</param>
    /// <param name="configure">Changes applied after binding; null for none.</param>
    /// <returns>The service collection. A second registration adds only <paramref name="configure"/>.</returns>
    public static IServiceCollection AddGeneratorPool(this IServiceCollection services, IConfiguration configuration, IGeneratorModelLoader loader,
        Action<GeneratorPoolOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(loader);
        return services.AddGeneratorPool(configuration, _ => loader, configure);
    }

    /// <summary>
    /// Registers the default pool like the overload with a loader, but chooses the loader when the pool is created,
    /// from its final options: the seam for a host that serves several backends (by <see cref="GeneratorPoolOptions.ModelPath"/>'s
    /// extension, say: <c>.onnx</c> files to an ONNX Runtime loader, checkpoints to TorchSharp's).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The Dcgan configuration section (usually <c>configuration.GetSection("Dcgan")</c>).</param>
    /// <param name="loaderFor">Chooses the loader for the pool's options; called once, when the pool is created.</param>
    /// <param name="configure">Changes applied after binding; null for none.</param>
    /// <returns>The service collection. A second registration adds only <paramref name="configure"/>.</returns>
    public static IServiceCollection AddGeneratorPool(this IServiceCollection services, IConfiguration configuration,
        Func<GeneratorPoolOptions, IGeneratorModelLoader> loaderFor, Action<GeneratorPoolOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(loaderFor);
        IConfigurationSection section = configuration.GetSection(GeneratorPoolOptions.SectionName);
        if (Register(services, name: null, section, configure))
        {
            services.TryAddSingleton(sp => Create(sp, Options.DefaultName, section.Path, loaderFor));
            services.TryAddSingleton<IGeneratorPool>(sp => sp.GetRequiredService<GeneratorPool>());
        }

        return services;
    }

    /// <summary>
    /// Registers a named pool: a keyed singleton <see cref="GeneratorPool"/> and <see cref="IGeneratorPool"/> under
    /// <paramref name="name"/> (inject <c>[FromKeyedServices("faces")] IGeneratorPool</c>), with its own
    /// <see cref="GeneratorPoolOptions"/> bound from the <c>Generators:&lt;name&gt;</c> subsection of
    /// <paramref name="configuration"/> (then <paramref name="configure"/>), validated at start, and started with the host
    /// like the default pool. Several named pools (and the default one) may serve different models side by side.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The pool's name: its service key and configuration subsection; not empty, no ':'.</param>
    /// <param name="configuration">The Dcgan configuration section (usually <c>configuration.GetSection("Dcgan")</c>).</param>
    /// <param name="loader">Finds and loads the model files (the backend); shared, never disposed by the pool.</param>
    /// <param name="configure">Changes applied after binding; null for none.</param>
    /// <returns>The service collection. A second registration of the same name adds only <paramref name="configure"/>.</returns>
    /// <exception cref="ArgumentException">The name is empty or holds ':'.</exception>
    public static IServiceCollection AddGeneratorPool(this IServiceCollection services, string name, IConfiguration configuration,
        IGeneratorModelLoader loader, Action<GeneratorPoolOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(loader);
        return services.AddGeneratorPool(name, configuration, _ => loader, configure);
    }

    /// <summary>
    /// Registers a named pool like the overload with a loader, but chooses the loader when the pool is created, from its
    /// final options (so that named pools may serve different backends, by their files' extensions, say).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The pool's name: its service key and configuration subsection; not empty, no ':'.</param>
    /// <param name="configuration">The Dcgan configuration section (usually <c>configuration.GetSection("Dcgan")</c>).</param>
    /// <param name="loaderFor">Chooses the loader for the pool's options; called once, when the pool is created.</param>
    /// <param name="configure">Changes applied after binding; null for none.</param>
    /// <returns>The service collection. A second registration of the same name adds only <paramref name="configure"/>.</returns>
    /// <exception cref="ArgumentException">The name is empty or holds ':'.</exception>
    public static IServiceCollection AddGeneratorPool(this IServiceCollection services, string name, IConfiguration configuration,
        Func<GeneratorPoolOptions, IGeneratorModelLoader> loaderFor, Action<GeneratorPoolOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(loaderFor);
        if (name.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The pool name '{name}' holds ':', which separates configuration sections; choose a name without it.", nameof(name));
        }

        IConfigurationSection section = configuration.GetSection(GeneratorPoolOptions.NamedSectionName).GetSection(name);
        if (Register(services, name, section, configure))
        {
            services.TryAddKeyedSingleton(name, (sp, _) => Create(sp, name, section.Path, loaderFor));
            services.TryAddKeyedSingleton<IGeneratorPool>(name, (sp, key) => sp.GetRequiredKeyedService<GeneratorPool>(key));
        }

        return services;
    }

    /// <summary>Binds and validates the options and registers the starter; false when <paramref name="name"/> was registered before.</summary>
    private static bool Register(IServiceCollection services, string? name, IConfigurationSection section, Action<GeneratorPoolOptions>? configure)
    {
        services.AddOptions();
        ValidatedOptions.Add(services, section, new GeneratorPoolOptionsValidator(), configure, name ?? Options.DefaultName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, GeneratorPoolStarter>());
        return Registrations(services).Add(name);
    }

    private static GeneratorPoolRegistrations Registrations(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(GeneratorPoolRegistrations))?.ImplementationInstance is GeneratorPoolRegistrations existing)
        {
            return existing;
        }

        var registrations = new GeneratorPoolRegistrations();
        services.AddSingleton(registrations);
        return registrations;
    }

    private static GeneratorPool Create(IServiceProvider services, string name, string sectionPath, Func<GeneratorPoolOptions, IGeneratorModelLoader> loaderFor)
    {
        GeneratorPoolOptions options = services.GetRequiredService<IOptionsMonitor<GeneratorPoolOptions>>().Get(name);
        IGeneratorModelLoader loader = loaderFor(options.Clone())
            ?? throw new InvalidOperationException($"The loader chooser of the generator pool '{sectionPath}' returned null.");
        return new GeneratorPool(options, loader, services.GetService<ILogger<GeneratorPool>>(), services.GetService<IMeterFactory>())
        {
            ConfigurationPath = sectionPath,
        };
    }
}
