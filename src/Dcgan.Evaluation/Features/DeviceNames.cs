// DeviceNames: the device names the research options accept ("auto", "cpu", "cuda", "cuda:N"), as the one pattern
// their [RegularExpression] attributes use; Dcgan.Native.DeviceSelection.Resolve turns a name into a device.

namespace Dcgan.Features;

/// <summary>The pattern and message of a device-name option.</summary>
internal static class DeviceNames
{
    /// <summary>"auto", "cpu", "cuda" or "cuda:N", any case.</summary>
    public const string Pattern = "(?i)^(auto|cpu|cuda(:[0-9]+)?)$";

    /// <summary>What a device option expects.</summary>
    public const string Expected = "The device must be \"auto\", \"cpu\", \"cuda\" or \"cuda:N\".";
}
