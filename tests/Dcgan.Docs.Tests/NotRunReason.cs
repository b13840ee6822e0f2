// NotRunReason: the reason of a <!-- not-run: REASON --> marker as a theory argument that xunit shows whole in the
// test's display name (xunit cuts string arguments after 50 characters, not a type's own ToString).
using Xunit.Abstractions;

namespace Dcgan.Docs.Tests;

/// <summary>Why a docs shell block is not run.</summary>
public sealed class NotRunReason : IXunitSerializable
{
    /// <summary>For xunit's deserialization.</summary>
    public NotRunReason()
    {
    }

    /// <summary>A reason with <paramref name="text"/>.</summary>
    public NotRunReason(string text) => Text = text;

    /// <summary>The marker's text.</summary>
    public string Text { get; private set; } = string.Empty;

    /// <inheritdoc/>
    public void Deserialize(IXunitSerializationInfo info) => Text = info.GetValue<string>(nameof(Text));

    /// <inheritdoc/>
    public void Serialize(IXunitSerializationInfo info) => info.AddValue(nameof(Text), Text);

    /// <summary>The text in quotes, so the display name reads reason: "needs ...".</summary>
    public override string ToString() => $"\"{Text}\"";
}
