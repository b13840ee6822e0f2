// ConfigurationKeyValidator: runs an options class's DcganOptionsValidator and prefixes each failure with the
// configuration path of the section the options were bound from, so a message names the key to fix.
using Dcgan.Configuration;
using Microsoft.Extensions.Options;

namespace Dcgan.Hosting;

/// <summary>
/// Validates options bound from a configuration section with their own <see cref="DcganOptionsValidator{TOptions}"/>;
/// "MaxBatchSize = 0: ..." becomes "Dcgan:Generator:MaxBatchSize = 0: ...".
/// </summary>
internal sealed class ConfigurationKeyValidator<TOptions>(DcganOptionsValidator<TOptions> validator, string sectionPath) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        IReadOnlyList<string> failures = validator.Failures(options);
        return failures.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(failures.Select(failure => $"{sectionPath}:{failure}"));
    }
}
