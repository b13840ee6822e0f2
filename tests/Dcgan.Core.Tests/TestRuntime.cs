// TestRuntime: runs Dcgan's native start-up (the GLIBCXX check, MKL_CBWR=AUTO,STRICT) when the test assembly loads,
// before any test touches TorchSharp directly. MKL reads MKL_CBWR once, at its first call: a test that called
// torch.rand before any Dcgan API would otherwise leave MKL non-reproducible for every later test in the process.
using System.Runtime.CompilerServices;
using Dcgan.Native;

namespace Dcgan.Core.Tests;

internal static class TestRuntime
{
#pragma warning disable CA2255 // a test assembly is the one place where a module initializer is the right tool
    [ModuleInitializer]
    internal static void LoadDcganNativeRuntime() => TorchRuntime.EnsureLoaded();
#pragma warning restore CA2255
}
