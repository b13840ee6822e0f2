// SupervisedCnnOptionsValidator: validates SupervisedCnnOptions (its DataAnnotations; no cross-field rules).
using Dcgan.Configuration;

namespace Dcgan.Features;

/// <summary>Validates <see cref="SupervisedCnnOptions"/>: every failure at once, each naming the option and its value.</summary>
public sealed class SupervisedCnnOptionsValidator : DcganOptionsValidator<SupervisedCnnOptions>
{
}
