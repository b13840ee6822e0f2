// BatchNormStatistics: the exact population statistics of one BN layer's input, as DiscriminatorFeatureExtractor uses them.

namespace Dcgan.Features;

/// <summary>
/// Population statistics of one batch-normalization layer's input: the per-channel mean and (biased, divide
/// by count) variance over every image and spatial position of a data set, with every earlier BN layer
/// already using its own population statistics (so they are exactly the statistics that layer sees at
/// inference).
/// </summary>
/// <param name="Name">The layer's module name inside the discriminator network (e.g. <c>main.3</c>).</param>
/// <param name="Mean">Per-channel mean.</param>
/// <param name="Variance">Per-channel population variance.</param>
/// <param name="ValueCount">Values per channel the statistics were computed over (images x H x W).</param>
internal sealed record BatchNormStatistics(string Name, double[] Mean, double[] Variance, long ValueCount);
