// StateDictEntry: one key of a state dict as PyTorch and Dcgan write it: name, shape and element type.
namespace Dcgan.Interop;

/// <summary>One entry of a network's state dict: its key, its shape and whether it holds integers.</summary>
/// <param name="Key">The key, e.g. <c>main.0.weight</c> or <c>main.1.num_batches_tracked</c>.</param>
/// <param name="Shape">The tensor's shape; empty for a 0-dimensional (scalar) tensor.</param>
/// <param name="DataType">The element type's PyTorch name: <c>float32</c>, or <c>int64</c> for <c>num_batches_tracked</c>.</param>
public sealed record StateDictEntry(string Key, IReadOnlyList<long> Shape, string DataType)
{
    /// <summary>The shape as text, e.g. <c>[100, 512, 4, 4]</c> or <c>[]</c>.</summary>
    public string ShapeText => $"[{string.Join(", ", Shape)}]";

    /// <inheritdoc />
    public override string ToString() => $"{Key} {ShapeText} {DataType}";
}
