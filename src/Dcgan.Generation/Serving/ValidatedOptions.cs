// ValidatedOptions: the one way Dcgan binds an options class to a configuration section (unknown keys are errors) and
// validates it when the host starts, each failure named by its full configuration key. Used by the generator pool's
// registration here and by Dcgan.Hosting (hosted training).
using Dcgan.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dcgan.Serving;

internal static class ValidatedOptions
{
    /// <summary>
    /// Binds the options named <paramref name="name"/> to <paramref name="section"/>, applies <paramref name="configure"/>,
    /// and validates them with <paramref name="validator"/> when the host starts; each failure is reported with its full
    /// configuration key, e.g. <c>Dcgan:Generator:MaxBatchSize = 0: ...</c>. A second call for the same options name
    /// only adds <paramref name="configure"/>.
    /// </summary>
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
