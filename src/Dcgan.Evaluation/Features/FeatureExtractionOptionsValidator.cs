// FeatureExtractionOptionsValidator: validates FeatureExtractionOptions (its DataAnnotations; the block indices
// depend on the discriminator and are checked by DiscriminatorFeatureExtractor).
using Dcgan.Configuration;

namespace Dcgan.Features;

/// <summary>Validates <see cref="FeatureExtractionOptions"/>: every failure at once, each naming the option and its value.</summary>
public sealed class FeatureExtractionOptionsValidator : DcganOptionsValidator<FeatureExtractionOptions>
{
}
