// NetworkDescription: what a checkpoint records about its networks: a builder kind and that builder's own JSON
// description (for "dcgan", the DcganModelOptions). The registry turns it back into networks.
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Dcgan.Models;

/// <summary>
/// Names the <see cref="INetworkBuilder"/> that builds a generator/discriminator pair (<see cref="Kind"/>) and the
/// builder's serialisable description of the pair (<see cref="Json"/>, a JSON object). Checkpoints record it, so that
/// <see cref="NetworkBuilderRegistry"/> can rebuild the networks. Equal when the kinds are equal and the JSON objects
/// hold the same values (property order and white space do not matter).
/// </summary>
public sealed class NetworkDescription : IEquatable<NetworkDescription>
{
    /// <summary>The JSON settings of descriptions: property names as declared, enums by name.</summary>
    internal static readonly JsonSerializerOptions JsonOptions = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Creates a description.</summary>
    /// <param name="kind">The builder's <see cref="INetworkBuilder.Kind"/>: not empty.</param>
    /// <param name="json">A JSON object; stored compact.</param>
    /// <exception cref="ArgumentException">The kind is empty, or <paramref name="json"/> is not a JSON object (the message says why).</exception>
    public NetworkDescription(string kind, string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The description of network kind '{kind}' is not valid JSON: {e.Message}", nameof(json), e);
        }

        if (parsed is not JsonObject)
        {
            throw new ArgumentException($"The description of network kind '{kind}' is not a JSON object: {json}", nameof(json));
        }

        Kind = kind;
        Json = parsed.ToJsonString();
    }

    /// <summary>The kind of builder that builds the networks ("dcgan" for <see cref="DcganNetworkBuilder"/>).</summary>
    public string Kind { get; }

    /// <summary>The builder's description of the networks: a compact JSON object.</summary>
    public string Json { get; }

    /// <summary>Describes <paramref name="value"/> as a JSON object (properties as declared, enums by name).</summary>
    /// <typeparam name="TDescription">The builder's description type.</typeparam>
    /// <param name="kind">The builder's kind.</param>
    /// <param name="value">The description.</param>
    /// <exception cref="ArgumentException">The kind is empty, or the value does not serialise to a JSON object.</exception>
    public static NetworkDescription Create<TDescription>(string kind, TDescription value)
        where TDescription : class
    {
        ArgumentNullException.ThrowIfNull(value);
        return new NetworkDescription(kind, JsonSerializer.Serialize(value, JsonOptions));
    }

    /// <summary>Reads <see cref="Json"/> as <typeparamref name="TDescription"/>.</summary>
    /// <typeparam name="TDescription">The builder's description type.</typeparam>
    /// <returns>A new object.</returns>
    /// <exception cref="ArgumentException">The JSON does not fit <typeparamref name="TDescription"/> (the message names the kind and the problem).</exception>
    public TDescription Read<TDescription>()
        where TDescription : class
    {
        try
        {
            return JsonSerializer.Deserialize<TDescription>(Json, JsonOptions)
                ?? throw new ArgumentException($"The description of network kind '{Kind}' is null.");
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The description of network kind '{Kind}' does not fit {typeof(TDescription).Name}: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public bool Equals(NetworkDescription? other) =>
        other is not null && string.Equals(Kind, other.Kind, StringComparison.Ordinal)
        && JsonNode.DeepEquals(JsonNode.Parse(Json), JsonNode.Parse(other.Json));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as NetworkDescription);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Kind);

    /// <summary>The kind and the JSON, e.g. <c>dcgan {"ImageSize":64,...}</c>.</summary>
    public override string ToString() => $"{Kind} {Json}";
}
