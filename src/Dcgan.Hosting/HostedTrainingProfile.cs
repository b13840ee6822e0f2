// HostedTrainingProfile: applies the configured training profile (Dcgan:Training:Profile, default quick-start) to the
// hosted training options before the configuration is bound, so the profile gives the defaults of the widths, the
// batch size and the learning rates and every configured key overrides them.
using Dcgan.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dcgan.Hosting;

internal static class HostedTrainingProfile
{
    /// <summary>Registers the profile's defaults ahead of the binding (once: a second AddHostedTraining binds nothing new).</summary>
    public static void ApplyBeforeBinding(IServiceCollection services, IConfigurationSection section)
    {
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<HostedTrainingOptions>)))
        {
            return; // already bound: a configure registered now would run after the binding and override it
        }

        services.AddOptions<HostedTrainingOptions>().Configure(options =>
        {
            options.Profile = section[nameof(HostedTrainingOptions.Profile)] ?? options.Profile;
            TrainingProfile? profile = TrainingProfile.All.FirstOrDefault(p => string.Equals(p.Name, options.Profile.Trim(), StringComparison.OrdinalIgnoreCase));
            profile?.ApplyTo(options.Trainer); // an unknown name is reported by the validator, naming the key
        });
    }
}
