// LatentWalkOptionsValidator: validates LatentWalkOptions (its DataAnnotations; no cross-field rules).
using Dcgan.Configuration;

namespace Dcgan.Evaluation;

/// <summary>Validates <see cref="LatentWalkOptions"/>: every failure at once, each naming the option and its value.</summary>
public sealed class LatentWalkOptionsValidator : DcganOptionsValidator<LatentWalkOptions>
{
}
