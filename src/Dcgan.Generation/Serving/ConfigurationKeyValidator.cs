// ConfigurationKeyValidator: runs an options class's DcganOptionsValidator and prefixes each failure with the
// configuration path of the section the options were bound from, so a message names the key to fix.
using Dcgan.Configuration;
using Microsoft.Extensions.Options;

namespace Dcgan.Serving;

/// <summary>
/// Validates the options named <paramref name="optionsName"/> (bound from a configuration section) with their own
/// <see cref="DcganOptionsValidator{TOptions}"/>; "MaxBatchSize = 0: ..." becomes "Dcgan:Generator:MaxBatchSize = 0: ...".
/// Options of other names are skipped (each named pool has its own validator and section).
/// </summary>
internal sealed class ConfigurationKeyValidator<TOptions>(DcganOptionsValidator<TOptions> validator, string sectionPath, string optionsName)
    : IValidateOptions<TOptions>
    where TOptions : class
{
    /// <summary>The name of the options this validator checks ("" for the default options).</summary>
    public string OptionsName => optionsName;

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        if ((name ?? Microsoft.Extensions.Options.Options.DefaultName) != optionsName)
        {
            return ValidateOptionsResult.Skip;
        }

        IReadOnlyList<string> failures = validator.Failures(options);
        return failures.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(failures.Select(failure => $"{sectionPath}:{failure}"));
    }
}
