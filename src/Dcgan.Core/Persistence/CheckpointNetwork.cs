// The network part of a manifest: the builder kind and its description, stored as a JSON object (not a string) so
// that manifest.json stays readable.
using System.Text.Json.Nodes;
using Dcgan.Models;

namespace Dcgan.Persistence;

/// <summary>The builder kind and description recorded in a manifest.</summary>
internal sealed class CheckpointNetwork
{
    /// <summary>The builder kind, e.g. "dcgan".</summary>
    public string Kind { get; set; } = "";

    /// <summary>The builder's description (a JSON object).</summary>
    public JsonObject? Description { get; set; }

    /// <summary>The record of <paramref name="description"/>.</summary>
    public static CheckpointNetwork From(NetworkDescription description) =>
        new() { Kind = description.Kind, Description = (JsonObject)JsonNode.Parse(description.Json)! };

    /// <summary>The public description; throws <see cref="ArgumentException"/> when the record is incomplete.</summary>
    public NetworkDescription ToDescription() =>
        new(Kind, Description?.ToJsonString() ?? throw new ArgumentException($"The network of kind '{Kind}' has no Description."));
}
