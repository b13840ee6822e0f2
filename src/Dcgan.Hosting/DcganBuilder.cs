// DcganBuilder: what services.AddDcgan(...) returns; adds the generator pool and hosted training.
using System.Diagnostics.Metrics;
using Dcgan.Configuration;
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
    internal DcganBuilder(IServiceCollection services, IConfiguration configuration)
    {
        Services = services;
        Configuration = configuration;
    }

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The Dcgan configuration section the options are bound from.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>
    /// Registers a singleton <see cref="GeneratorPool"/> with <see cref="GeneratorPoolOptions"/> bound from the
    /// <c>Generator</c> subsection (then <paramref name="configure"/>), validated at start, and a hosted service that
    /// starts the pool with the host: a missing or corrupt checkpoint fails the host's start, naming the file.
    /// </summary>
    /// <param name="configure">Changes applied after binding; null for none.</param>
    /// <returns>This builder.</returns>
    public DcganBuilder AddGeneratorPool(Action<GeneratorPoolOptions>? configure = null)
    {
        AddValidatedOptions(GeneratorPoolOptions.SectionName, new GeneratorPoolOptionsValidator(), configure);
        Services.TryAddSingleton(sp => new GeneratorPool(
            sp.GetRequiredService<IOptions<GeneratorPoolOptions>>().Value,
            sp.GetService<ILogger<GeneratorPool>>(),
            sp.GetService<IMeterFactory>()));
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, GeneratorPoolStarter>());
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
        AddValidatedOptions(HostedTrainingOptions.SectionName, new HostedTrainingOptionsValidator(), configure);
        string sectionPath = Configuration.GetSection(HostedTrainingOptions.SectionName).Path;
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, HostedTrainingService>(sp => new HostedTrainingService(
            sp.GetRequiredService<IOptions<HostedTrainingOptions>>().Value,
            sectionPath,
            sp.GetRequiredService<GanTrainerFactory>(),
            sp.GetRequiredService<IHostApplicationLifetime>(),
            sp.GetService<ILogger<HostedTrainingService>>() ?? Microsoft.Extensions.Logging.Abstractions.NullLogger<HostedTrainingService>.Instance,
            sp.GetService<IMeterFactory>()?.Create(DcganMetrics.MeterName) ?? new Meter(DcganMetrics.MeterName))));
        return this;
    }

    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to the subsection <paramref name="sectionName"/> (unknown keys are errors),
    /// applies <paramref name="configure"/>, and validates with <paramref name="validator"/> when the host starts; each
    /// failure is reported with its full configuration key, e.g. <c>Dcgan:Generator:MaxBatchSize = 0: ...</c>.
    /// </summary>
    internal void AddValidatedOptions<TOptions>(string sectionName, DcganOptionsValidator<TOptions> validator, Action<TOptions>? configure)
        where TOptions : class
    {
        IConfigurationSection section = Configuration.GetSection(sectionName);
        OptionsBuilder<TOptions> options = Services.AddOptions<TOptions>()
            .Bind(section, binder => binder.ErrorOnUnknownConfiguration = true);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new ConfigurationKeyValidator<TOptions>(validator, section.Path)));
    }
}
