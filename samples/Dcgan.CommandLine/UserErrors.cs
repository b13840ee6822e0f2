// Turns what the library and System.CommandLine throw or report into one line in the user's words: flags and the
// values given instead of .NET property and type names, no "(Parameter 'x')" or "Actual value was" lines, and the
// valid values of a flag that takes names. The flag of each option name comes from OptionFlags, the one table.
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Dcgan.Configuration;
using Microsoft.Extensions.Options;

namespace Dcgan.CommandLine;

/// <summary>One-line error messages that speak in flags and values.</summary>
public static partial class UserErrors
{
    /// <summary>The message of an expected failure, on one line, with option names replaced by flags.</summary>
    public static string Describe(Exception e) => OneLine(e switch
    {
        OptionsValidationException o => string.Join(" ", o.Failures.Select(f => OptionsFailure(o.OptionsType, f))),
        ArgumentException a => ArgumentMessage(a),
        FileNotFoundException f when f.Message.StartsWith("Could not find file", StringComparison.Ordinal) && f.FileName is not null =>
            $"'{f.FileName}' does not exist.",
        DirectoryNotFoundException d when QuotedPath().Match(d.Message) is { Success: true } m =>
            $"a folder on the path '{m.Groups["path"].Value}' does not exist.",
        UnauthorizedAccessException u when QuotedPath().Match(u.Message) is { Success: true } m =>
            $"'{m.Groups["path"].Value}' cannot be written or read: permission denied.",
        _ => e.Message,
    });

    /// <summary>
    /// One failure of an options validator ("PoolSize = 1: The field PoolSize must be between 2 and 2147483647.") as
    /// the user's flags say it ("--pool 1 is out of range: expected at least 2.").
    /// </summary>
    public static string OptionsFailure(Type options, string failure)
    {
        Match m = Failure().Match(failure);
        if (!m.Success)
        {
            return InWords(options, failure);
        }

        string member = m.Groups["member"].Value;
        string flag = OptionFlags.For(options, member) ?? OptionFlags.For(options, BaseName(member)) ?? Words(member);
        string value = AsTyped(m.Groups["value"].Value);
        string text = m.Groups["text"].Value;
        if (RangeText().Match(text) is { Success: true } range)
        {
            return $"{flag} {value} is out of range: expected {Range(range)}.";
        }

        return RequiredText().IsMatch(text) ? $"{flag} is required." : $"{flag} {value}: {InWords(options, text)}";
    }

    /// <summary>
    /// <paramref name="text"/> with every option name of <paramref name="options"/> written as its flag ("Raise
    /// PoolSize" becomes "Raise --pool"), or as words when it has none ("Semantic.CodeSize" becomes "semantic code size").
    /// </summary>
    public static string InWords(Type options, string text)
    {
        foreach ((string member, string flag) in OptionFlags.All(options))
        {
            text = Regex.Replace(text, $@"(?<![\w.])(?:The field )?{Regex.Escape(member)}(?: = (?<value>""[^""]*""|\[[^\]]*\]|\S+?)(?=[\s:;,]|\.?$))?(?![\w])",
                m => m.Groups["value"].Success ? $"{flag} {AsTyped(m.Groups["value"].Value)}" : flag);
        }

        foreach (string member in MemberNames(options, prefix: "").OrderByDescending(n => n.Length))
        {
            text = Regex.Replace(text, $@"(?<![\w.-]){Regex.Escape(member)}(?![\w])", Words(member));
        }

        return text;
    }

    /// <summary>A parse error of System.CommandLine in the user's words: "--image-size 'x' is not a whole number."</summary>
    public static string ParseError(ParseError error)
    {
        Option? option = (error.SymbolResult as OptionResult)?.Option ?? (error.SymbolResult?.Parent as OptionResult)?.Option;
        if (CannotParse().Match(error.Message) is { Success: true } m)
        {
            string name = option?.Name ?? m.Groups["option"].Value;
            return $"{name} '{m.Groups["value"].Value}' is not {Expected(option?.ValueType)}.";
        }

        if (NotRecognized().Match(error.Message) is { Success: true } n && option is not null)
        {
            string[] allowed = QuotedValue().Matches(error.Message).Skip(1).Select(v => v.Groups["value"].Value).ToArray();
            return $"{option.Name} '{n.Groups["value"].Value}' is not one of {string.Join(", ", allowed)}.";
        }

        return OneLine(error.Message);
    }

    private static string ArgumentMessage(ArgumentException e)
    {
        // The message as thrown, without the "(Parameter 'x')" and "Actual value was ..." that .NET appends.
        string text = e.Message;
        if (e.ParamName is not null)
        {
            text = text.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
        }

        if (e is ArgumentOutOfRangeException { ActualValue: not null } range)
        {
            text = text.Replace($"{Environment.NewLine}Actual value was {range.ActualValue}.", "", StringComparison.Ordinal);
        }

        foreach (MethodBase? method in new StackTrace(e).GetFrames().Select(f => f.GetMethod()))
        {
            Type? thrower = method?.DeclaringType;
            if (thrower is null)
            {
                continue;
            }

            if (e.ParamName is not null && OptionFlags.ForParameter(thrower, e.ParamName) is string flag)
            {
                return $"{flag}: {text}";
            }

            if (ValidatedOptions(thrower) is Type options)
            {
                return InWords(options, text);
            }
        }

        return text;
    }

    // T of a DcganOptionsValidator<T> subclass, else null.
    private static Type? ValidatedOptions(Type type)
    {
        for (Type? t = type; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(DcganOptionsValidator<>))
            {
                return t.GetGenericArguments()[0];
            }
        }

        return null;
    }

    // The public property names of an options class, nested options classes as "Semantic.CodeSize".
    private static IEnumerable<string> MemberNames(Type options, string prefix)
    {
        foreach (PropertyInfo property in options.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            yield return prefix + property.Name;
            if (property.PropertyType.IsClass && property.PropertyType.Name.EndsWith("Options", StringComparison.Ordinal) && prefix.Length == 0)
            {
                foreach (string nested in MemberNames(property.PropertyType, property.Name + "."))
                {
                    yield return nested;
                }
            }
        }
    }

    private static string Range(Match range)
    {
        string low = range.Groups["low"].Value, high = range.Groups["high"].Value;
        bool lowExclusive = range.Groups["lowExclusive"].Success, highExclusive = range.Groups["highExclusive"].Success;
        bool unbounded = high is "2147483647" or "9223372036854775807" or "1.7976931348623157E+308" or "3.4028235E+38";
        string from = lowExclusive ? $"more than {low}" : $"at least {low}";
        if (unbounded)
        {
            return from;
        }

        return lowExclusive || highExclusive ? $"{from} and {(highExclusive ? "less than" : "at most")} {high}" : $"{low} to {high}";
    }

    private static string Expected(Type? type)
    {
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        type = type?.IsArray == true ? type.GetElementType() : type;
        return type switch
        {
            null => "a valid value",
            { IsEnum: true } => $"one of {string.Join(", ", Enum.GetNames(type))}",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "a whole number",
            _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number",
            _ when type == typeof(bool) => "true or false",
            _ => "a valid value",
        };
    }

    // A value as the user typed it: "cuda" without quotes, [1, 3] as 1,3.
    private static string AsTyped(string value) =>
        value.StartsWith('[') && value.EndsWith(']') ? value[1..^1].Replace(", ", ",", StringComparison.Ordinal) : value.Trim('"');

    // "Semantic.CodeSize" -> "semantic code size"; "CGrid[0]" -> "CGrid".
    private static string Words(string member) => string.Join(" ", BaseName(member).Split('.').Select(p => PascalWords().Replace(p, " $1").Trim().ToLowerInvariant()));

    private static string BaseName(string member) => member.Split('[')[0];

    private static string OneLine(string text) => string.Join(" ", text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    [GeneratedRegex(@"^(?<member>[A-Za-z][\w.]*(?:\[\d+\])?) = (?<value>""[^""]*""|\[[^\]]*\]|\S+): (?<text>.*)$", RegexOptions.Singleline)]
    private static partial Regex Failure();

    [GeneratedRegex(@"^The field [\w.]+ must be between (?<low>\S+?)(?<lowExclusive> exclusive)? and (?<high>\S+?)(?<highExclusive> exclusive)?\.?$")]
    private static partial Regex RangeText();

    [GeneratedRegex(@"^The [\w.]+ field is required\.?$")]
    private static partial Regex RequiredText();

    [GeneratedRegex(@"Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)'")]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"^Argument '(?<value>.*?)' not recognized")]
    private static partial Regex NotRecognized();

    [GeneratedRegex(@"'(?<value>[^']*)'")]
    private static partial Regex QuotedValue();

    [GeneratedRegex(@"'(?<path>[^']+)'")]
    private static partial Regex QuotedPath();

    [GeneratedRegex(@"(?<=[a-z0-9])([A-Z])")]
    private static partial Regex PascalWords();
}
