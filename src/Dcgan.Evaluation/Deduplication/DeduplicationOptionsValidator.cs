// DeduplicationOptionsValidator: DeduplicationOptions' annotations, its nested semantic options and the code-size rule.
using Dcgan.Configuration;

namespace Dcgan.Deduplication;

/// <summary>
/// Validates <see cref="DeduplicationOptions"/>: its DataAnnotations, the nested <see cref="SemanticHashOptions"/>
/// (failures prefixed with <c>Semantic.</c>) and that the semantic distance is below the code size.
/// </summary>
public sealed class DeduplicationOptionsValidator : DcganOptionsValidator<DeduplicationOptions>
{
    /// <inheritdoc />
    protected override IEnumerable<string> CrossFieldFailures(DeduplicationOptions options)
    {
        if (options.Semantic is null)
        {
            yield break;
        }

        foreach (string failure in new SemanticHashOptionsValidator().Failures(options.Semantic))
        {
            yield return "Semantic." + failure;
        }

        if (options.SemanticMaxDistance >= options.Semantic.CodeSize)
        {
            yield return $"SemanticMaxDistance = {Format(options.SemanticMaxDistance)}: must be below Semantic.CodeSize = {Format(options.Semantic.CodeSize)} (the code's bits).";
        }
    }
}
