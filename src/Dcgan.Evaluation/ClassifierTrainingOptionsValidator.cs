// ClassifierTrainingOptionsValidator: validates ClassifierTrainingOptions (its DataAnnotations; no cross-field rules).
using Dcgan.Configuration;

namespace Dcgan.Evaluation;

/// <summary>Validates <see cref="ClassifierTrainingOptions"/>: every failure at once, each naming the option and its value.</summary>
public sealed class ClassifierTrainingOptionsValidator : DcganOptionsValidator<ClassifierTrainingOptions>
{
}
