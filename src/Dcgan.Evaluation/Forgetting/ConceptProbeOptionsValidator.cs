// ConceptProbeOptionsValidator: validates ConceptProbeOptions (its DataAnnotations; no cross-field rules).
using Dcgan.Configuration;

namespace Dcgan.Forgetting;

/// <summary>Validates <see cref="ConceptProbeOptions"/>: every failure at once, each naming the option and its value.</summary>
public sealed class ConceptProbeOptionsValidator : DcganOptionsValidator<ConceptProbeOptions>
{
}
