// DeviceName: the one parser of the device names every Dcgan option, method and command accepts ("auto", "cpu",
// "cuda", "cuda:N", any case, surrounding blanks ignored). It checks spelling only; Dcgan.Native.DeviceSelection (in
// Dcgan.Core) checks that the device is present and turns the name into a TorchSharp device.
using System.Globalization;

namespace Dcgan.Configuration;

/// <summary>
/// A parsed device name: <c>"auto"</c>, <c>"cpu"</c>, <c>"cuda"</c> or <c>"cuda:N"</c> (any case, blanks around it
/// ignored). This type checks the spelling; whether the device exists on this machine is checked by
/// <c>Dcgan.Native.DeviceSelection</c> in Dcgan.Core, which every option that names a device is validated with.
/// </summary>
public readonly record struct DeviceName
{
    /// <summary>What a device setting expects, for messages.</summary>
    public const string Expected = "expected \"auto\", \"cpu\", \"cuda\" or \"cuda:N\"";

    private DeviceName(DeviceKind kind, int? index)
    {
        Kind = kind;
        Index = index;
    }

    /// <summary><c>"auto"</c>: CUDA when available, else the CPU.</summary>
    public static DeviceName Auto { get; } = new(DeviceKind.Auto, null);

    /// <summary><c>"cpu"</c>.</summary>
    public static DeviceName Cpu { get; } = new(DeviceKind.Cpu, null);

    /// <summary>What the name asks for.</summary>
    public DeviceKind Kind { get; }

    /// <summary>The CUDA device index of <c>"cuda:N"</c>; null for every other name (plain <c>"cuda"</c> too).</summary>
    public int? Index { get; }

    /// <summary>Parses a device name.</summary>
    /// <param name="text">The name.</param>
    /// <returns>The parsed name.</returns>
    /// <exception cref="ArgumentException">The text is not a device name; the message quotes it and says what is expected.</exception>
    public static DeviceName Parse(string? text) =>
        TryParse(text, out DeviceName name) ? name : throw new ArgumentException(SpellingProblem(text), nameof(text));

    /// <summary>Parses a device name without throwing.</summary>
    /// <param name="text">The name.</param>
    /// <param name="name">The parsed name, or <see cref="Auto"/> when parsing failed.</param>
    /// <returns>Whether <paramref name="text"/> is a device name.</returns>
    public static bool TryParse(string? text, out DeviceName name)
    {
        name = Auto;
        string normalized = (text ?? string.Empty).Trim().ToLowerInvariant();
        switch (normalized)
        {
            case "auto":
                return true;
            case "cpu":
                name = Cpu;
                return true;
            case "cuda":
                name = new DeviceName(DeviceKind.Cuda, null);
                return true;
        }

        if (normalized.StartsWith("cuda:", StringComparison.Ordinal)
            && int.TryParse(normalized.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out int index))
        {
            name = new DeviceName(DeviceKind.Cuda, index);
            return true;
        }

        return false;
    }

    /// <summary>What is wrong with the spelling of <paramref name="text"/>, or null when it is a device name.</summary>
    /// <param name="text">The name.</param>
    /// <returns>A message that quotes the text and says what is expected, or null.</returns>
    public static string? CheckSpelling(string? text) => TryParse(text, out _) ? null : SpellingProblem(text);

    /// <summary>The canonical spelling: <c>"auto"</c>, <c>"cpu"</c>, <c>"cuda"</c> or <c>"cuda:N"</c>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Kind switch
    {
        DeviceKind.Cpu => "cpu",
        DeviceKind.Cuda => Index is int i ? $"cuda:{i.ToString(CultureInfo.InvariantCulture)}" : "cuda",
        _ => "auto",
    };

    private static string SpellingProblem(string? text) =>
        text is null ? $"The device is null: {Expected}." : $"Unknown device '{text}': {Expected}.";
}
