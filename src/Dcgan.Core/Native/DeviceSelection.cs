// DeviceSelection: the one validator and resolver of device names. DeviceName (Dcgan.Data) checks the spelling;
// this class also checks that the device is present (CUDA available, cuda:N below torch.cuda.device_count()) and
// turns the name into a TorchSharp device. Options validation, the trainer, the evaluation tools, the CLI and the
// hosting package all go through Check/Resolve, so a bad device fails at options validation with one message.
using Dcgan.Configuration;
using TorchSharp;

namespace Dcgan.Native;

/// <summary>
/// Checks device names from options (<c>"auto"</c>, <c>"cpu"</c>, <c>"cuda"</c>, <c>"cuda:N"</c>, see
/// <see cref="DeviceName"/>) against the devices present, and turns them into TorchSharp devices.
/// </summary>
public static class DeviceSelection
{
    /// <summary>The name meaning "CUDA when a CUDA backend is referenced and a GPU is present, else CPU".</summary>
    public const string Auto = "auto";

    /// <summary>
    /// What stops <paramref name="name"/> from being used on this machine, or null when it can be: a misspelt name,
    /// CUDA asked for without a CUDA backend or GPU, or <c>cuda:N</c> with N at or above the number of CUDA devices.
    /// <c>"auto"</c> and <c>"cpu"</c> never load libtorch; a CUDA name does (see <see cref="TorchRuntime.EnsureLoaded"/>).
    /// </summary>
    /// <param name="name">The device name.</param>
    /// <returns>A message that quotes the name and says what exists, or null.</returns>
    /// <exception cref="TorchLoadException">A CUDA name was given and libtorch cannot be loaded.</exception>
    public static string? Check(string? name)
    {
        if (!DeviceName.TryParse(name, out DeviceName parsed))
        {
            return DeviceName.CheckSpelling(name);
        }

        if (parsed.Kind != DeviceKind.Cuda)
        {
            return null;
        }

        TorchRuntime.EnsureLoaded();
        if (!torch.cuda.is_available())
        {
            return $"Device '{name}' was requested but CUDA is not available (no CUDA device is present to this process): reference a TorchSharp CUDA bundle in the application and check the driver, or use \"cpu\" or \"auto\".";
        }

        int count = torch.cuda.device_count();
        if (parsed.Index is int index && index >= count)
        {
            string present = count == 1 ? "1 CUDA device (cuda:0)" : $"{count} CUDA devices (cuda:0 to cuda:{count - 1})";
            return $"Device '{name}' is not present: this machine has {present}.";
        }

        return null;
    }

    /// <summary>Resolves <paramref name="name"/> to a device, after <see cref="Check"/>.</summary>
    /// <param name="name">"auto", "cpu", "cuda" or "cuda:N" (case-insensitive).</param>
    /// <returns>The device.</returns>
    /// <exception cref="ArgumentException">The name is not one of those, or names a device that is not present (the message of <see cref="Check"/>).</exception>
    public static torch.Device Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        TorchRuntime.EnsureLoaded();
        string? problem = Check(name);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(name));
        }

        DeviceName parsed = DeviceName.Parse(name);
        return parsed.Kind switch
        {
            DeviceKind.Cpu => torch.CPU,
            DeviceKind.Cuda => torch.device(parsed.ToString()),
            _ => torch.cuda.is_available() ? torch.CUDA : torch.CPU,
        };
    }
}
