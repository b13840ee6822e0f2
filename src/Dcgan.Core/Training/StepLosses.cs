namespace Dcgan.Training;

/// <summary>The numbers one training step produced, as managed values.</summary>
/// <param name="DiscriminatorLoss">The discriminator's loss on this batch.</param>
/// <param name="GeneratorLoss">The generator's loss on this batch.</param>
/// <param name="RealScore">Mean D(x) (probability "real") on the real images: near 1 means D wins, near 0.5 balance.</param>
/// <param name="FakeScore">Mean D(G(z)) on the generated images, before the discriminator step.</param>
public readonly record struct StepLosses(double DiscriminatorLoss, double GeneratorLoss, double RealScore, double FakeScore);
