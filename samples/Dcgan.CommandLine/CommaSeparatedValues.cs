// One parser for options whose values may be comma-separated and/or repeated (--c-grid 0.001,0.01 --c-grid 0.1,
// --features Trained,Pixels), and for single comma-separated lists of whole numbers (--add 3,17,42).
using System.CommandLine.Parsing;
using System.Globalization;

namespace Dcgan.CommandLine;

public static class CommaSeparatedValues
{
    /// <summary>Converts one token; false rejects it.</summary>
    public delegate bool TryParse<T>(string text, out T value);

    /// <summary>
    /// Every comma-separated value of every token of <paramref name="result"/>, in order; null after adding a parse
    /// error "OPTION: 'TOKEN' is not EXPECTED." for the first value <paramref name="tryParse"/> rejects.
    /// </summary>
    public static T[]? Parse<T>(ArgumentResult result, string option, TryParse<T> tryParse, string expected)
    {
        var values = new List<T>();
        foreach (string text in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries)))
        {
            if (!tryParse(text, out T value))
            {
                result.AddError($"{option}: '{text}' is not {expected}.");
                return null;
            }

            values.Add(value);
        }

        return [.. values];
    }

    /// <summary>
    /// Enum values by name (any case), comma-separated and/or repeated: "Trained,Pixels" is two values, never their
    /// bitwise combination as Enum.Parse would read it; numbers and unknown names are errors listing the names.
    /// </summary>
    public static T[] Names<T>(ArgumentResult result, string option)
        where T : struct, Enum =>
        Parse(result, option, (string text, out T value) => TryName(text.Trim(), out value), $"one of {string.Join(", ", Enum.GetNames<T>())}") ?? [];

    /// <summary>
    /// A comma-separated list of whole numbers, e.g. "3,17,42"; the messages name the option and the bad part. An empty
    /// entry ("1,,3", "1,") is refused, never skipped: it is usually a number that went missing.
    /// </summary>
    public static int[] Integers(string option, string text, string what, string example)
    {
        string[] parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.All(p => p.Length == 0))
        {
            throw new ArgumentException($"{option} '{text}' lists nothing; expected e.g. {example}.");
        }

        if (parts.Any(p => p.Length == 0))
        {
            throw new ArgumentException($"{option} '{text}' has an empty entry between commas; expected e.g. {example}.");
        }

        return parts.Select(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new ArgumentException($"{option} '{text}': '{p}' is not a valid {what}; expected e.g. {example}.")).ToArray();
    }

    private static bool TryName<T>(string text, out T value)
        where T : struct, Enum
    {
        value = default;
        string? name = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        return name is not null && Enum.TryParse(name, out value);
    }
}
