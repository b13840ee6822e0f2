// SemanticHashOptionsValidator: the DataAnnotations of SemanticHashOptions (it has no cross-field rules).
using Dcgan.Configuration;

namespace Dcgan.Deduplication;

/// <summary>Validates <see cref="SemanticHashOptions"/>: its DataAnnotations only.</summary>
public sealed class SemanticHashOptionsValidator : DcganOptionsValidator<SemanticHashOptions>
{
}
