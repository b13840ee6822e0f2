// DeviceKind: the three kinds of device a Dcgan device name can ask for.

namespace Dcgan.Configuration;

/// <summary>What a <see cref="DeviceName"/> asks for.</summary>
public enum DeviceKind
{
    /// <summary>CUDA when a CUDA backend is referenced and a GPU is present, else the CPU (<c>"auto"</c>).</summary>
    Auto,

    /// <summary>The CPU (<c>"cpu"</c>).</summary>
    Cpu,

    /// <summary>A CUDA device (<c>"cuda"</c>: the current one; <c>"cuda:N"</c>: device N).</summary>
    Cuda,
}
