// NetworkBuilderRegistry: the network builders a process knows, by kind; "dcgan" always. Checkpoint loading, hosted
// training and the generator pool look a recorded kind up here.
using System.Collections.Concurrent;

namespace Dcgan.Models;

/// <summary>
/// The <see cref="INetworkBuilder"/>s known by kind. A new registry holds <see cref="DcganNetworkBuilder"/>; a host
/// registers its own with <see cref="Register"/>. Thread-safe: builders may be registered while others build.
/// </summary>
public sealed class NetworkBuilderRegistry
{
    private readonly ConcurrentDictionary<string, INetworkBuilder> _builders = new(StringComparer.Ordinal);

    /// <summary>Creates a registry holding <see cref="DcganNetworkBuilder"/>.</summary>
    public NetworkBuilderRegistry() => Register(new DcganNetworkBuilder());

    /// <summary>The registered kinds, sorted.</summary>
    public IReadOnlyList<string> Kinds => _builders.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Registers <paramref name="builder"/> under its <see cref="INetworkBuilder.Kind"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>This registry.</returns>
    /// <exception cref="ArgumentException">The kind is empty, or another builder (of another type) holds it already.</exception>
    public NetworkBuilderRegistry Register(INetworkBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        string kind = builder.Kind;
        if (string.IsNullOrWhiteSpace(kind))
        {
            throw new ArgumentException($"{builder.GetType().Name}.Kind is empty: checkpoints record the kind to rebuild the networks.", nameof(builder));
        }

        INetworkBuilder held = _builders.GetOrAdd(kind, builder);
        if (held.GetType() != builder.GetType())
        {
            throw new ArgumentException($"Network kind '{kind}' is registered already, by {held.GetType().Name}; {builder.GetType().Name} cannot take it.", nameof(builder));
        }

        return this;
    }

    /// <summary>Whether a builder of <paramref name="kind"/> is registered.</summary>
    /// <param name="kind">A kind.</param>
    public bool Contains(string kind) => kind is not null && _builders.ContainsKey(kind);

    /// <summary>The builder of <paramref name="kind"/>.</summary>
    /// <param name="kind">A kind.</param>
    /// <exception cref="KeyNotFoundException">No builder of that kind is registered (the message lists the registered kinds).</exception>
    public INetworkBuilder Get(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return _builders.TryGetValue(kind, out INetworkBuilder? builder)
            ? builder
            : throw new KeyNotFoundException(
                $"No network builder of kind '{kind}' is registered (registered: {string.Join(", ", Kinds)}); register one with NetworkBuilderRegistry.Register (in a host: DcganBuilder.AddNetworkBuilder).");
    }

    /// <summary>Builds the pair <paramref name="description"/> names with its kind's builder.</summary>
    /// <param name="description">The kind and description.</param>
    /// <param name="seed">Seed of the weight initialisation.</param>
    /// <returns>The pair, owned by the caller.</returns>
    /// <exception cref="KeyNotFoundException">The kind is not registered.</exception>
    /// <exception cref="ArgumentException">The description is invalid for its builder.</exception>
    /// <exception cref="InvalidOperationException">The builder returned null or a pair of another kind.</exception>
    public GanNetworks Build(NetworkDescription description, long seed)
    {
        ArgumentNullException.ThrowIfNull(description);
        INetworkBuilder builder = Get(description.Kind);
        GanNetworks networks = builder.Build(description, seed)
            ?? throw new InvalidOperationException($"{builder.GetType().Name}.Build returned null for kind '{description.Kind}'.");
        if (!string.Equals(networks.Description.Kind, description.Kind, StringComparison.Ordinal))
        {
            networks.Dispose();
            throw new InvalidOperationException($"{builder.GetType().Name}.Build was asked for kind '{description.Kind}' and returned kind '{networks.Description.Kind}'.");
        }

        return networks;
    }
}
