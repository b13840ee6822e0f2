// TestRuntime: Dcgan's native start-up (GLIBCXX check, MKL's reproducible mode) before any test touches TorchSharp.
using System.Runtime.CompilerServices;
using Dcgan.Native;

namespace Dcgan.CustomNetwork.Tests;

internal static class TestRuntime
{
#pragma warning disable CA2255 // a test assembly is the one place where a module initializer is the right tool
    [ModuleInitializer]
    internal static void LoadDcganNativeRuntime() => TorchRuntime.EnsureLoaded();
#pragma warning restore CA2255
}
