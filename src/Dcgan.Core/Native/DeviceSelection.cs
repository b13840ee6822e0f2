// DeviceSelection: turns the device names of options ("auto", "cpu", "cuda", "cuda:N") into TorchSharp devices.
using TorchSharp;

namespace Dcgan.Native;

/// <summary>Turns a device name from options ("auto", "cpu", "cuda", "cuda:1") into a TorchSharp device.</summary>
public static class DeviceSelection
{
    /// <summary>The name meaning "CUDA when a CUDA backend is referenced and a GPU is present, else CPU".</summary>
    public const string Auto = "auto";

    /// <summary>Resolves <paramref name="name"/> to a device.</summary>
    /// <param name="name">"auto", "cpu", "cuda" or "cuda:N" (case-insensitive).</param>
    /// <exception cref="ArgumentException">The name is not one of those, or CUDA was asked for and is not available.</exception>
    public static torch.Device Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        TorchRuntime.EnsureLoaded();
        string normalized = name.Trim().ToLowerInvariant();
        if (normalized == Auto)
        {
            return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
        }

        if (normalized == "cpu")
        {
            return torch.CPU;
        }

        if (normalized == "cuda" || normalized.StartsWith("cuda:", StringComparison.Ordinal))
        {
            if (!torch.cuda.is_available())
            {
                throw new ArgumentException(
                    $"Device '{name}' was requested but CUDA is not available: reference a TorchSharp CUDA bundle in the application and check the driver, or use \"cpu\" or \"auto\".",
                    nameof(name));
            }

            return torch.device(normalized);
        }

        throw new ArgumentException($"Unknown device '{name}': expected \"auto\", \"cpu\", \"cuda\" or \"cuda:N\".", nameof(name));
    }
}
