// Loads TorchSharp's native library once and, when that fails, explains the real cause instead of
// TorchSharp's misleading "doesn't contain a reference to libtorch-cpu" text.
using System.Runtime.InteropServices;
using System.Text;
using TorchSharp;

namespace Dcgan.Native;

/// <summary>
/// Checks that TorchSharp's native libraries load, and turns a load failure into an actionable message.
/// </summary>
/// <remarks>
/// Every Dcgan entry point that touches tensors calls <see cref="EnsureLoaded"/>, so a host application sees
/// <see cref="TorchLoadException"/> (never a bare <see cref="TypeInitializationException"/>) when the native
/// backend is missing or cannot be loaded.
/// </remarks>
public static class TorchRuntime
{
    /// <summary>The libstdc++ symbol version that TorchSharp 0.107's libLibTorchSharp.so asks for.</summary>
    internal const string RequiredGlibcxxVersion = "GLIBCXX_3.4.32";

    private static readonly Lazy<Exception?> LoadFailure = new(TryLoad, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Loads TorchSharp's native backend, once per process.
    /// </summary>
    /// <exception cref="TorchLoadException">The backend could not be loaded; the message says why and how to fix it.</exception>
    public static void EnsureLoaded()
    {
        Exception? failure = LoadFailure.Value;
        if (failure is not null)
        {
            throw new TorchLoadException(Explain(failure), failure);
        }
    }

    /// <summary>
    /// <see cref="EnsureLoaded"/>, then <paramref name="moduleName"/>: for a module constructor's <c>base(...)</c> call,
    /// which is the first thing that touches TorchSharp there.
    /// </summary>
    internal static string Checked(string moduleName)
    {
        EnsureLoaded();
        return moduleName;
    }

    private static Exception? TryLoad()
    {
        MklReproducibility.Require(); // before libtorch's first MKL call: results independent of operand alignment
        try
        {
            using torch.Tensor probe = torch.zeros(1);
            return null;
        }
        catch (Exception e) when (e is TypeInitializationException or NotSupportedException or DllNotFoundException)
        {
            return e;
        }
    }

    private static string Explain(Exception failure)
    {
        var message = new StringBuilder("TorchSharp's native library could not be loaded. ");
        string? library = FindLibTorchSharp();
        if (library is null)
        {
            message.Append("No libLibTorchSharp native library was found next to the application (")
                .Append(AppContext.BaseDirectory)
                .Append("). Reference a TorchSharp backend package in the application: TorchSharp-cpu, or a CUDA bundle.");
            return message.ToString();
        }

        if (OperatingSystem.IsLinux() && !SystemLibStdCxxProvides(RequiredGlibcxxVersion) && !IsMarkedWeak(library))
        {
            message.Append(library)
                .Append(" requires ").Append(RequiredGlibcxxVersion)
                .Append(" of libstdc++.so.6, which this system's libstdc++ lacks (Debian 12 and Ubuntu 22.04 ship up to 3.4.30). ")
                .Append("Dcgan.Core's build step marks that requirement weak in the build output: make sure the application ")
                .Append("references Dcgan.Core as a package or imports buildTransitive/Dcgan.Core.targets, that the property ")
                .Append("DcganPatchLibTorchSharp is not false, and rebuild. Alternatively install a newer libstdc++ (GCC 13 or later).");
            return message.ToString();
        }

        message.Append("The library was found at ").Append(library).Append(". Underlying error: ").Append(Innermost(failure));
        return message.ToString();
    }

    private static string Innermost(Exception e) => e.InnerException is null ? e.Message : Innermost(e.InnerException);

    private static string? FindLibTorchSharp()
    {
        string name = OperatingSystem.IsWindows() ? "LibTorchSharp.dll"
            : OperatingSystem.IsMacOS() ? "libLibTorchSharp.dylib" : "libLibTorchSharp.so";
        return Directory.Exists(AppContext.BaseDirectory)
            ? Directory.EnumerateFiles(AppContext.BaseDirectory, name, SearchOption.AllDirectories).FirstOrDefault()
            : null;
    }

    private static bool SystemLibStdCxxProvides(string version)
    {
        string[] candidates =
        [
            "/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/lib/aarch64-linux-gnu/libstdc++.so.6", "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
            "/usr/lib64/libstdc++.so.6", "/lib64/libstdc++.so.6",
        ];
        byte[] needle = Encoding.ASCII.GetBytes(version + "\0");
        return candidates.Any(c => File.Exists(c) && File.ReadAllBytes(c).AsSpan().IndexOf(needle) >= 0);
    }

    // A weakly required version that is missing does not stop the loader; then the cause lies elsewhere.
    private static bool IsMarkedWeak(string library)
    {
        try
        {
            return ElfVersionNeeds.Read(File.ReadAllBytes(library))
                .Any(n => n.Name == RequiredGlibcxxVersion && n.IsWeak);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
