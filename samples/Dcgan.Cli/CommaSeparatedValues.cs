// One parser for options whose values may be comma-separated and/or repeated (--c-grid 0.001,0.01 --c-grid 0.1).
using System.CommandLine.Parsing;

namespace Dcgan.Cli;

internal static class CommaSeparatedValues
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
}
