// GanNetworks: a generator/discriminator pair built by an INetworkBuilder, with the description it was built from;
// one owner disposes both.
namespace Dcgan.Models;

/// <summary>
/// A generator and a discriminator built together, with the <see cref="NetworkDescription"/> they were built from
/// (which the trainer records in checkpoints). Whoever holds it owns both networks: <see cref="Dispose"/> disposes them.
/// </summary>
public sealed class GanNetworks : IDisposable
{
    /// <summary>Pairs two networks with their description (the pair takes ownership of both).</summary>
    /// <param name="generator">The generator.</param>
    /// <param name="discriminator">The discriminator.</param>
    /// <param name="description">What they were built from.</param>
    public GanNetworks(IGenerator generator, IDiscriminator discriminator, NetworkDescription description)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(discriminator);
        ArgumentNullException.ThrowIfNull(description);
        Generator = generator;
        Discriminator = discriminator;
        Description = description;
    }

    /// <summary>The generator (owned by this pair).</summary>
    public IGenerator Generator { get; }

    /// <summary>The discriminator (owned by this pair).</summary>
    public IDiscriminator Discriminator { get; }

    /// <summary>The builder kind and description both networks were built from.</summary>
    public NetworkDescription Description { get; }

    /// <summary>Disposes both networks.</summary>
    public void Dispose()
    {
        Generator.Dispose();
        Discriminator.Dispose();
    }
}
