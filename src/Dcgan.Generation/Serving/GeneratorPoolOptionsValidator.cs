// GeneratorPoolOptionsValidator: the DataAnnotations of GeneratorPoolOptions plus its cross-field rules.
using Dcgan.Configuration;

namespace Dcgan.Serving;

/// <summary>Validates <see cref="GeneratorPoolOptions"/>; every failure names the option and its value.</summary>
public sealed class GeneratorPoolOptionsValidator : DcganOptionsValidator<GeneratorPoolOptions>
{
    /// <inheritdoc />
    protected override IEnumerable<string> CrossFieldFailures(GeneratorPoolOptions options)
    {
        if (options.WatchForChanges && string.IsNullOrWhiteSpace(options.Checkpoint))
        {
            yield return "WatchForChanges = true needs Checkpoint (a checkpoint file or run folder to watch); Checkpoint is empty.";
        }
    }
}
