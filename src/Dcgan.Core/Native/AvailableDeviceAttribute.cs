// AvailableDeviceAttribute: the DataAnnotations form of DeviceSelection.Check, on every options property that names a
// device in a TorchSharp package (the trainer's, the evaluation tools'), so DcganOptionsValidator rejects "gpu" or a
// cuda:N that is not present when the options are validated, not later on a training thread.
using Dcgan.Configuration;

namespace Dcgan.Native;

/// <summary>
/// Validates that a string option names a device present on this machine (<see cref="DeviceSelection.Check"/>):
/// <c>"auto"</c>, <c>"cpu"</c>, or <c>"cuda"</c>/<c>"cuda:N"</c> when CUDA and device N exist.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class AvailableDeviceAttribute : DeviceNameAttribute
{
    /// <inheritdoc />
    protected override string? Check(string? name) => DeviceSelection.Check(name);
}
