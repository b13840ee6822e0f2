// INetworkBuilder: the extension point that builds a generator/discriminator pair from a NetworkDescription, so that
// checkpoints, hosted training and the generator pool work with any network a host registers.
namespace Dcgan.Models;

/// <summary>
/// Builds a generator/discriminator pair of one <see cref="Kind"/> from its description. Register builders in a
/// <see cref="NetworkBuilderRegistry"/> (DCGAN's, <see cref="DcganNetworkBuilder"/>, is registered by default);
/// derive from <see cref="NetworkBuilder{TDescription}"/> to describe the networks with a typed options object.
/// </summary>
public interface INetworkBuilder
{
    /// <summary>The kind this builder builds, recorded in checkpoints (for example "dcgan"); not empty.</summary>
    string Kind { get; }

    /// <summary>
    /// Builds both networks on the CPU, initialised from <paramref name="seed"/> only (no global RNG): the same
    /// description and seed always give bit-identical state dicts. The networks' state-dict keys and shapes must
    /// depend on the description alone (checkpoints are loaded into networks built from their description).
    /// </summary>
    /// <param name="description">A description of this builder's <see cref="Kind"/>.</param>
    /// <param name="seed">Seed of the weight initialisation.</param>
    /// <returns>The pair, owned by the caller.</returns>
    /// <exception cref="ArgumentException">The description is of another kind or invalid (the message says why).</exception>
    GanNetworks Build(NetworkDescription description, long seed);
}
