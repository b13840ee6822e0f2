using Dcgan.Native;
using TorchSharp;

namespace Dcgan.Core.Tests;

public class NativeLoadTests
{
    [Fact]
    public void Torch_loads_and_computes_on_this_machine()
    {
        TorchRuntime.EnsureLoaded();
        using var t = torch.arange(4, dtype: torch.float32);
        t.sum().item<float>().Should().Be(6f);
    }

    [Fact]
    public void The_copy_in_the_test_output_needs_no_unavailable_libstdcxx_version_strongly()
    {
        string library = Directory.EnumerateFiles(AppContext.BaseDirectory, "libLibTorchSharp.so", SearchOption.AllDirectories).First();
        IReadOnlyList<ElfVersionNeed> needs = ElfVersionNeeds.Read(File.ReadAllBytes(library));

        ElfVersionNeed glibcxx = needs.Should().ContainSingle(n => n.Name == TorchRuntime.RequiredGlibcxxVersion).Subject;
        glibcxx.Library.Should().Be("libstdc++.so.6");
        // Either the system provides the version, or the build step marked the requirement weak.
        bool systemHasIt = File.Exists("/lib/x86_64-linux-gnu/libstdc++.so.6")
            && File.ReadAllBytes("/lib/x86_64-linux-gnu/libstdc++.so.6").AsSpan().IndexOf("GLIBCXX_3.4.32\0"u8) >= 0;
        (systemHasIt || glibcxx.IsWeak).Should().BeTrue("the loader must not refuse the library");
    }

    [Fact]
    public void The_reader_rejects_a_file_that_is_not_elf_with_a_message_naming_the_magic()
    {
        Action read = () => ElfVersionNeeds.Read(new byte[100]);
        read.Should().Throw<InvalidDataException>().WithMessage("*magic 7F 45 4C 46*");
    }
}
