// Makes MKL's results independent of where its operands sit in memory. libtorch-cpu links Intel MKL statically and
// uses its sgemm for linear layers and the im2col convolutions. On AVX2 code paths (AMD Zen, older Intel, or
// MKL_ENABLE_INSTRUCTIONS=AVX2) MKL's default mode ("CNR off") computes a product differently in the last bits
// depending on the alignment of its operands. Tensors made from .NET arrays live on the managed heap at whatever
// 8-byte-aligned address the GC gives them, and a per-image slice of a batch starts at an offset that depends on the
// batch size, so without this the same latents gave different bits in two calls of one process and image i of a
// batch differed from the same image drawn alone. MKL's strict conditional numerical reproducibility mode fixes
// that for the current CPU's code path (MKL_CBWR=AUTO,STRICT). MKL reads the variable once, at its first call.
using System.Runtime.InteropServices;

namespace Dcgan.Native;

/// <summary>Asks MKL for results that do not depend on operand alignment (MKL_CBWR=AUTO,STRICT), before its first call.</summary>
internal static class MklReproducibility
{
    /// <summary>MKL's conditional numerical reproducibility setting.</summary>
    internal const string Variable = "MKL_CBWR";

    /// <summary>The current CPU's code path, reproducible whatever the alignment of the operands.</summary>
    internal const string StrictForThisCpu = "AUTO,STRICT";

    /// <summary>
    /// Sets <see cref="Variable"/> in the native environment, where MKL reads it, unless the process already has it (a
    /// user's own setting wins). Linux only: the library's tested platform; elsewhere it does nothing.
    /// </summary>
    internal static void Require()
    {
        if (OperatingSystem.IsLinux())
        {
            _ = SetEnvironmentVariable(Variable, StrictForThisCpu, overwrite: 0);
        }
    }

    /// <summary>The native value of <paramref name="name"/> (not .NET's copy of the environment), or null.</summary>
    internal static string? NativeValue(string name) =>
        OperatingSystem.IsLinux() ? Marshal.PtrToStringAnsi(GetEnvironmentVariable(name)) : null;

    // .NET keeps its own copy of the environment on Unix: Environment.SetEnvironmentVariable never reaches getenv().
    [DllImport("libc", EntryPoint = "setenv", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetEnvironmentVariable(string name, string value, int overwrite);

    [DllImport("libc", EntryPoint = "getenv", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern IntPtr GetEnvironmentVariable(string name);
}
