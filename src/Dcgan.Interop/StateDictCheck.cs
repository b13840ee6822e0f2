// StateDictCheck: compares the entries of a state dict with a layout and names every difference in one message.
namespace Dcgan.Interop;

/// <summary>Compares a state dict's keys, shapes and element types with a <see cref="PyTorchKeyLayout"/>.</summary>
internal static class StateDictCheck
{
    /// <summary>Every missing, unexpected, misshaped or mistyped key, as sentences (none when the dict fits).</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyDictionary<string, StateDictEntry> actual, IReadOnlyList<StateDictEntry> layout)
    {
        var missing = new List<string>();
        var misshaped = new List<string>();
        foreach (StateDictEntry expected in layout)
        {
            if (!actual.TryGetValue(expected.Key, out StateDictEntry? found))
            {
                missing.Add($"{expected.Key} {expected.ShapeText}");
            }
            else if (!SameShape(found.Shape, expected.Shape) || found.DataType != expected.DataType)
            {
                misshaped.Add($"{expected.Key} is {found.ShapeText} {found.DataType}, expected {expected.ShapeText} {expected.DataType}");
            }
        }

        var known = layout.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        string[] unexpected = [.. actual.Values.Where(e => !known.Contains(e.Key)).OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} {e.ShapeText}")];
        var problems = new List<string>();
        if (missing.Count > 0)
        {
            problems.Add($"{missing.Count} missing key(s): {string.Join(", ", missing)}");
        }

        if (unexpected.Length > 0)
        {
            problems.Add($"{unexpected.Length} unexpected key(s): {string.Join(", ", unexpected)}");
        }

        if (misshaped.Count > 0)
        {
            problems.Add($"{misshaped.Count} misshaped key(s): {string.Join("; ", misshaped)}");
        }

        return problems;
    }

    /// <summary>Throws <see cref="PyTorchStateDictException"/> listing every problem, after <paramref name="prefix"/>.</summary>
    public static void ThrowIfMismatched(IReadOnlyDictionary<string, StateDictEntry> actual, IReadOnlyList<StateDictEntry> layout, string prefix)
    {
        IReadOnlyList<string> problems = Problems(actual, layout);
        if (problems.Count > 0)
        {
            throw new PyTorchStateDictException(
                $"{prefix}: {string.Join(". ", problems)}. Check the preset, image size, channels, latent dimension and widths " +
                "against the model that wrote the file (README, \"Interop with PyTorch\", documents the layout).");
        }
    }

    // A 0-dimensional tensor (num_batches_tracked) may arrive as [1]: TorchSharp.PyBridge reads scalars that way.
    private static bool SameShape(IReadOnlyList<long> found, IReadOnlyList<long> expected) =>
        found.SequenceEqual(expected) || (expected.Count == 0 && found.Count == 1 && found[0] == 1);
}
