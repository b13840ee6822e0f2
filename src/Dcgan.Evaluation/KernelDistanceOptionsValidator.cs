// KernelDistanceOptionsValidator: validates KernelDistanceOptions (its DataAnnotations; no cross-field rules).
using Dcgan.Configuration;

namespace Dcgan.Evaluation;

/// <summary>Validates <see cref="KernelDistanceOptions"/>: every failure at once, each naming the option and its value.</summary>
public sealed class KernelDistanceOptionsValidator : DcganOptionsValidator<KernelDistanceOptions>
{
}
