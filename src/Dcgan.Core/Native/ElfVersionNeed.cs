// ElfVersionNeed: one symbol-version requirement read from an ELF shared library's .gnu.version_r section.
namespace Dcgan.Native;

/// <summary>One version requirement of an ELF shared library (a Vernaux entry).</summary>
/// <param name="Library">The library the version is needed from, for example <c>libstdc++.so.6</c>.</param>
/// <param name="Name">The version name, for example <c>GLIBCXX_3.4.32</c>.</param>
/// <param name="IsWeak">True when the requirement carries <c>VER_FLG_WEAK</c>: the loader tolerates its absence.</param>
internal readonly record struct ElfVersionNeed(string Library, string Name, bool IsWeak);
