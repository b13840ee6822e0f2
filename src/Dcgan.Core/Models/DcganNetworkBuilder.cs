// DcganNetworkBuilder: the "dcgan" kind, described by DcganModelOptions and built by DcganModels.Create.
namespace Dcgan.Models;

/// <summary>
/// Builds <see cref="DcganGenerator"/>/<see cref="DcganDiscriminator"/> pairs from <see cref="DcganModelOptions"/>
/// (kind <see cref="KindName"/>), with the paper's seeded initialisation (<see cref="DcganModels.Create"/>). Every
/// <see cref="NetworkBuilderRegistry"/> holds it.
/// </summary>
public sealed class DcganNetworkBuilder : NetworkBuilder<DcganModelOptions>
{
    /// <summary>The kind of DCGAN networks: "dcgan".</summary>
    public const string KindName = "dcgan";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <inheritdoc />
    protected override IEnumerable<string> Validate(DcganModelOptions description) => new DcganModelOptionsValidator().Failures(description);

    /// <inheritdoc />
    protected override (IGenerator Generator, IDiscriminator Discriminator) Create(DcganModelOptions description, long seed) =>
        DcganModels.Create(description, seed);
}
