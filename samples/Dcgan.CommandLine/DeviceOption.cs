// DeviceOption: the --device flag of every tool, checked when the command line is parsed with the library's one device
// validator (Dcgan.Native.DeviceSelection.Check): "gpu" or a cuda:N that is not present fails before any work starts.
using System.CommandLine;
using Dcgan.Native;

namespace Dcgan.CommandLine;

public static class DeviceOption
{
    /// <summary>A --device option with <paramref name="defaultValue"/>, validated with <see cref="DeviceSelection.Check"/>.</summary>
    public static Option<string> Create(string defaultValue, string description)
    {
        var option = new Option<string>("--device") { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            string? problem = DeviceSelection.Check(result.GetValueOrDefault<string>());
            if (problem is not null)
            {
                result.AddError($"--device: {problem}");
            }
        });
        return option;
    }
}
