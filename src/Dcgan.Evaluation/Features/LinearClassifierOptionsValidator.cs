// LinearClassifierOptionsValidator: validates LinearClassifierOptions (its DataAnnotations; no cross-field rules).
using Dcgan.Configuration;

namespace Dcgan.Features;

/// <summary>Validates <see cref="LinearClassifierOptions"/>: every failure at once, each naming the option and its value.</summary>
public sealed class LinearClassifierOptionsValidator : DcganOptionsValidator<LinearClassifierOptions>
{
}
