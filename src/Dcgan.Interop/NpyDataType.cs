// NpyDataType: the element types Dcgan reads and writes in NumPy .npy files.
namespace Dcgan.Interop;

/// <summary>Element types of .npy arrays that Dcgan reads and writes.</summary>
public enum NpyDataType
{
    /// <summary>Little-endian 32-bit float, NumPy descr <c>'&lt;f4'</c> (latent vectors, raw images in [-1, 1]).</summary>
    Float32 = 0,

    /// <summary>Unsigned byte, NumPy descr <c>'|u1'</c> (8-bit images).</summary>
    UInt8 = 1,

    /// <summary>Little-endian 64-bit float, NumPy descr <c>'&lt;f8'</c> (Gaussian statistics: pytorch-fid's mu and sigma).</summary>
    Float64 = 2,
}
