// QueryValues: reads typed query parameters, with errors that name the parameter, its value and what was expected.
using System.Globalization;
using Dcgan.Latent;

namespace Dcgan.Web;

internal static class QueryValues
{
    public static long Long(HttpRequest request, string name, long defaultValue) =>
        Read(request, name, defaultValue, text => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) ? v : null, "an integer");

    public static int Int(HttpRequest request, string name, int defaultValue, int minimum = int.MinValue)
    {
        int value = Read(request, name, defaultValue, text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : null, "an integer");
        if (value < minimum)
        {
            throw new QueryParameterException(name, request.Query[name].ToString(), $"{name} = {value}: expected {minimum} or more.");
        }

        return value;
    }

    public static double Double(HttpRequest request, string name, double defaultValue, double minimum, double maximum)
    {
        double value = Read(request, name, defaultValue,
            text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v : null, "a number");
        if (value < minimum || value > maximum)
        {
            throw new QueryParameterException(name, request.Query[name].ToString(), $"{name} = {value.ToString(CultureInfo.InvariantCulture)}: expected {minimum} to {maximum}.");
        }

        return value;
    }

    /// <summary>A comma-separated list of integers, e.g. <c>a=3,17,42</c>; required.</summary>
    public static int[] IntList(HttpRequest request, string name)
    {
        string? text = request.Query[name];
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new QueryParameterException(name, text, $"{name} is missing: expected comma-separated tile indices such as {name}=3,17,42.");
        }

        string[] parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out values[i]))
            {
                throw new QueryParameterException(name, text, $"{name} = \"{text}\": \"{parts[i]}\" is not an integer; expected comma-separated tile indices such as {name}=3,17,42.");
            }
        }

        return values;
    }

    /// <summary>The interpolation mode: <c>lerp</c> (linear) or <c>slerp</c> (spherical).</summary>
    public static LatentInterpolationMode Mode(HttpRequest request, string name, LatentInterpolationMode defaultValue)
    {
        string? text = request.Query[name];
        return text?.Trim().ToLowerInvariant() switch
        {
            null or "" => defaultValue,
            "lerp" or "linear" => LatentInterpolationMode.Linear,
            "slerp" or "spherical" => LatentInterpolationMode.Spherical,
            _ => throw new QueryParameterException(name, text, $"{name} = \"{text}\": expected lerp or slerp."),
        };
    }

    private static T Read<T>(HttpRequest request, string name, T defaultValue, Func<string, T?> parse, string expected)
        where T : struct
    {
        string? text = request.Query[name];
        if (string.IsNullOrWhiteSpace(text))
        {
            return defaultValue;
        }

        return parse(text.Trim()) ?? throw new QueryParameterException(name, text, $"{name} = \"{text}\": expected {expected}.");
    }
}
