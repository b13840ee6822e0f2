// LinearProbeOptionsValidator: validates LinearProbeOptions: its DataAnnotations plus every entry of the C grid.
using Dcgan.Configuration;

namespace Dcgan.Features;

/// <summary>
/// Validates <see cref="LinearProbeOptions"/>: the DataAnnotations and, beyond them, that every C of
/// <see cref="LinearProbeOptions.CGrid"/> is positive and finite. Every failure at once, each naming option and value.
/// </summary>
public sealed class LinearProbeOptionsValidator : DcganOptionsValidator<LinearProbeOptions>
{
    /// <inheritdoc />
    protected override IEnumerable<string> CrossFieldFailures(LinearProbeOptions options)
    {
        if (options.CGrid is null)
        {
            yield break; // [Required] reports it
        }

        for (int i = 0; i < options.CGrid.Count; i++)
        {
            double c = options.CGrid[i];
            if (!(c > 0) || !double.IsFinite(c))
            {
                yield return $"CGrid[{i}] = {Format(c)}: every C must be a positive finite number.";
            }
        }
    }
}
