// NetworkBuilder<TDescription>: an INetworkBuilder whose description is a typed options object serialised as JSON.
namespace Dcgan.Models;

/// <summary>
/// An <see cref="INetworkBuilder"/> described by a <typeparamref name="TDescription"/> (a class of settable
/// properties, serialised as JSON with enums by name): implement <see cref="Kind"/>, <see cref="Validate"/> and
/// <see cref="Create"/>; describe a pair with <see cref="Describe"/>.
/// </summary>
/// <typeparam name="TDescription">The description type.</typeparam>
public abstract class NetworkBuilder<TDescription> : INetworkBuilder
    where TDescription : class
{
    /// <inheritdoc />
    public abstract string Kind { get; }

    /// <summary>The description of a pair built from <paramref name="description"/>.</summary>
    /// <param name="description">The typed description.</param>
    /// <exception cref="ArgumentException"><paramref name="description"/> is invalid (see <see cref="Validate"/>).</exception>
    public NetworkDescription Describe(TDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        ThrowIfInvalid(description);
        return NetworkDescription.Create(Kind, description);
    }

    /// <summary>Reads a description of this builder's kind back as <typeparamref name="TDescription"/>.</summary>
    /// <param name="description">A description of <see cref="Kind"/>.</param>
    /// <exception cref="ArgumentException">Another kind, JSON that does not fit, or an invalid description.</exception>
    public TDescription Read(NetworkDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        if (!string.Equals(description.Kind, Kind, StringComparison.Ordinal))
        {
            throw new ArgumentException($"{GetType().Name} builds network kind '{Kind}', not '{description.Kind}'.", nameof(description));
        }

        TDescription typed = description.Read<TDescription>();
        ThrowIfInvalid(typed);
        return typed;
    }

    /// <inheritdoc />
    public GanNetworks Build(NetworkDescription description, long seed)
    {
        TDescription typed = Read(description);
        (IGenerator generator, IDiscriminator discriminator) = Create(typed, seed);
        return new GanNetworks(generator, discriminator, NetworkDescription.Create(Kind, typed));
    }

    /// <summary>Every problem of <paramref name="description"/>, each naming the setting and its value; empty when valid.</summary>
    /// <param name="description">The typed description.</param>
    protected abstract IEnumerable<string> Validate(TDescription description);

    /// <summary>Builds both networks on the CPU from a valid description, initialised from <paramref name="seed"/> only.</summary>
    /// <param name="description">A description that passed <see cref="Validate"/>.</param>
    /// <param name="seed">Seed of the weight initialisation.</param>
    /// <returns>The generator and the discriminator (on failure, dispose what was built before throwing).</returns>
    protected abstract (IGenerator Generator, IDiscriminator Discriminator) Create(TDescription description, long seed);

    private void ThrowIfInvalid(TDescription description)
    {
        string[] problems = Validate(description).ToArray();
        if (problems.Length > 0)
        {
            throw new ArgumentException($"Invalid description of network kind '{Kind}': {string.Join("; ", problems)}");
        }
    }
}
