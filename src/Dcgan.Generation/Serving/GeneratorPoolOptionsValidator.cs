// GeneratorPoolOptionsValidator: the DataAnnotations of GeneratorPoolOptions plus its cross-field rules.
using Dcgan.Configuration;

namespace Dcgan.Serving;

/// <summary>Validates <see cref="GeneratorPoolOptions"/>; every failure names the option and its value.</summary>
public sealed class GeneratorPoolOptionsValidator : DcganOptionsValidator<GeneratorPoolOptions>
{
    /// <inheritdoc />
    protected override IEnumerable<string> CrossFieldFailures(GeneratorPoolOptions options)
    {
        if (options.WatchForChanges && string.IsNullOrWhiteSpace(options.ModelPath))
        {
            yield return "WatchForChanges = true needs ModelPath (a checkpoint file, run folder or model file to watch); ModelPath is empty.";
        }
    }
}
