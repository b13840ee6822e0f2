// LmdbNativeLibrary: lets LightningDB find a working liblmdb: its bundled linux-x64 build needs glibc 2.38, so on
// Debian 12 / Ubuntu 22.04 it falls back to the system's liblmdb.so.0 (package liblmdb0).
using System.Reflection;
using System.Runtime.InteropServices;
using LightningDB;

namespace Dcgan.Data;

/// <summary>
/// A DllImport resolver for LightningDB's <c>lmdb</c> imports: first the normal lookup (LightningDB's bundled native
/// library, which loads wherever its glibc requirement is met), then the system's <c>liblmdb.so.0</c> (Debian and
/// Ubuntu package <c>liblmdb0</c>) and <c>liblmdb.so</c>. Registered once per process, before the first environment is
/// opened; when the application registered its own resolver for LightningDB first, that one is kept.
/// </summary>
internal static class LmdbNativeLibrary
{
    private const string ImportName = "lmdb";

    private static readonly string[] SystemNames = ["liblmdb.so.0", "liblmdb.so"];

    private static readonly Lazy<bool> Registration = new(Register);

    /// <summary>Registers the resolver (once); safe to call from any thread.</summary>
    public static void EnsureRegistered() => _ = Registration.Value;

    /// <summary>The message for a process where no LMDB library loads.</summary>
    public static string MissingMessage =>
        "the native LMDB library could not be loaded: LightningDB's bundled liblmdb needs glibc 2.38 or newer, and no system " +
        "liblmdb.so.0 was found. Install it (Debian/Ubuntu: apt-get install liblmdb0).";

    private static bool Register()
    {
        try
        {
            NativeLibrary.SetDllImportResolver(typeof(LightningEnvironment).Assembly, Resolve);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;   // the application set its own resolver for LightningDB: keep it
        }
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != ImportName)
        {
            return IntPtr.Zero;
        }

        // NativeLibrary.TryLoad with an assembly does not call this resolver again: it is the runtime's own lookup.
        if (NativeLibrary.TryLoad(name, assembly, searchPath, out IntPtr handle))
        {
            return handle;
        }

        foreach (string system in SystemNames)
        {
            if (NativeLibrary.TryLoad(system, out handle))
            {
                return handle;
            }
        }

        return IntPtr.Zero;
    }
}
