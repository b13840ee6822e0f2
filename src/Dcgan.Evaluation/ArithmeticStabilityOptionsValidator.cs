// ArithmeticStabilityOptionsValidator: validates ArithmeticStabilityOptions: its DataAnnotations plus the entries of
// ExemplarCounts (each at least 1, no repeats).
using Dcgan.Configuration;

namespace Dcgan.Evaluation;

/// <summary>
/// Validates <see cref="ArithmeticStabilityOptions"/>: the DataAnnotations and, beyond them, that every entry of
/// <see cref="ArithmeticStabilityOptions.ExemplarCounts"/> is at least 1 and none repeats. Every failure at once.
/// </summary>
public sealed class ArithmeticStabilityOptionsValidator : DcganOptionsValidator<ArithmeticStabilityOptions>
{
    /// <inheritdoc />
    protected override IEnumerable<string> CrossFieldFailures(ArithmeticStabilityOptions options)
    {
        if (options.ExemplarCounts is null)
        {
            yield break; // [Required] reports it
        }

        string counts = $"[{string.Join(", ", options.ExemplarCounts)}]";
        if (options.ExemplarCounts.Any(c => c < 1))
        {
            yield return $"ExemplarCounts = {counts}: {options.ExemplarCounts.Min()} is below 1; a concept needs at least 1 exemplar.";
        }

        if (options.ExemplarCounts.Distinct().Count() != options.ExemplarCounts.Count)
        {
            yield return $"ExemplarCounts = {counts} repeats a count.";
        }
    }
}
