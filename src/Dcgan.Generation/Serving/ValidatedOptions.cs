// ValidatedOptions: the one way Dcgan binds an options class to a configuration section (unknown keys are errors) and
// validates it when the host starts, each failure named by its full configuration key. Used by the generator pool's
// registration here and by Dcgan.Hosting (hosted training).
using Dcgan.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dcgan.Serving;

/// <summary>
/// Registers options bound from configuration and validated at host start, with every failure named by its full key:
/// the pattern the generator pool and hosted training use, for a host's own Dcgan-style options too.
/// </summary>
public static class ValidatedOptions
{
    /// <summary>
    /// Binds the options named <paramref name="name"/> to <paramref name="section"/>, applies <paramref name="configure"/>,
    /// and validates them with <paramref name="validator"/> when the host starts; each failure is reported with its full
    /// configuration key, e.g. <c>Dcgan:Generator:MaxBatchSize = 0: ...</c>. A second call for the same options name
    /// only adds <paramref name="configure"/>.
    /// </summary>
    /// <typeparam name="TOptions">The options class.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The configuration section the options are bound from.</param>
    /// <param name="validator">The options' validator (DataAnnotations plus cross-field rules).</param>
    /// <param name="configure">Changes applied after binding; null for none.</param>
    /// <param name="name">The named-options name; the default (empty) is the unnamed options.</param>
    public static void Add<TOptions>(IServiceCollection services, IConfigurationSection section, DcganOptionsValidator<TOptions> validator,
        Action<TOptions>? configure, string name = "")
        where TOptions : class
    {
        OptionsBuilder<TOptions> options = services.AddOptions<TOptions>(name);
        bool bound = services.Any(d => d.ServiceType == typeof(IValidateOptions<TOptions>)
            && d.ImplementationInstance is ConfigurationKeyValidator<TOptions> existing && existing.OptionsName == name);
        if (!bound)
        {
            options.Bind(section, binder => binder.ErrorOnUnknownConfiguration = true).ValidateOnStart();
            services.AddSingleton<IValidateOptions<TOptions>>(new ConfigurationKeyValidator<TOptions>(validator, section.Path, name));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }
    }
}
