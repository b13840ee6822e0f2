// DcganMarkVersionNeedWeak on minimal ELF64 files made in the test: marks the one requirement weak, is idempotent,
// replaces the file by rename (a hard link elsewhere keeps the original), and turns every malformed file into a build
// warning naming it, never an exception or a hang.
namespace Dcgan.BuildTasks.Tests;

public sealed class MarkVersionNeedWeakTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dcgan-elf-").FullName;

    [Fact]
    public void Marks_only_the_named_requirement_weak_and_keeps_the_timestamp()
    {
        string file = Write("libLibTorchSharp.so", MinimalElf.Build());
        var stamp = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(file, stamp);

        TaskRun run = TaskRunner.Run(file);

        run.Thrown.Should().BeNull();
        run.Result.Should().BeTrue();
        run.Warnings.Should().BeEmpty();
        byte[] patched = File.ReadAllBytes(file);
        MinimalElf.Flags(patched, 1).Should().Be(2, "VER_FLG_WEAK on the test version");
        MinimalElf.Flags(patched, 0).Should().Be(0, "the other version stays strong");
        byte[] expected = MinimalElf.Build(testVersionFlags: 2);
        patched.Should().Equal(expected, "nothing else changes");
        File.GetLastWriteTimeUtc(file).Should().Be(stamp);
        run.Messages.Should().Contain(m => m.Contains("marked weak"));
        Directory.GetFiles(_folder).Should().ContainSingle("no temporary file is left behind");
    }

    [Fact]
    public void Is_idempotent_and_does_not_rewrite_an_already_weak_file()
    {
        string file = Write("lib.so", MinimalElf.Build());
        TaskRunner.Run(file).Warnings.Should().BeEmpty();
        byte[] once = File.ReadAllBytes(file);
        var identity = new FileInfo(file);
        DateTime written = identity.LastWriteTimeUtc;
        long inode = Inode(file);

        TaskRun second = TaskRunner.Run(file);

        second.Thrown.Should().BeNull();
        second.Warnings.Should().BeEmpty();
        second.Messages.Should().Contain(m => m.Contains("already weak"));
        File.ReadAllBytes(file).Should().Equal(once);
        Inode(file).Should().Be(inode, "an already weak file is not replaced");
        File.GetLastWriteTimeUtc(file).Should().Be(written);
    }

    [Fact]
    public void Replaces_the_file_by_rename_so_a_hard_link_elsewhere_keeps_the_original()
    {
        string cache = Write("cache-copy.so", MinimalElf.Build());
        string output = Path.Combine(_folder, "bin-copy.so");
        Link(cache, output);

        TaskRunner.Run(output).Warnings.Should().BeEmpty();

        MinimalElf.Flags(File.ReadAllBytes(output), 1).Should().Be(2);
        File.ReadAllBytes(cache).Should().Equal(MinimalElf.Build(), "the NuGet cache's copy is never written through");
        Inode(output).Should().NotBe(Inode(cache));
    }

    [Fact]
    public void Leaves_the_file_alone_when_a_system_library_provides_the_version()
    {
        string file = Write("lib.so", MinimalElf.Build());
        string provider = Write("libstdc++.so.6", [.. "junk\0"u8, .. System.Text.Encoding.ASCII.GetBytes(MinimalElf.TestVersion + "\0"), .. "more"u8]);

        TaskRun run = TaskRunner.Run(file, systemLibraries: [provider]);

        run.Warnings.Should().BeEmpty();
        File.ReadAllBytes(file).Should().Equal(MinimalElf.Build());
    }

    [Fact]
    public void A_file_without_the_requirement_is_left_as_it_is()
    {
        string file = Write("lib.so", MinimalElf.Build());

        TaskRun run = TaskRunner.Run(file, version: "GLIBCXX_9.9.99");

        run.Warnings.Should().BeEmpty();
        run.Messages.Should().Contain(m => m.Contains("no requirement on GLIBCXX_9.9.99"));
        File.ReadAllBytes(file).Should().Equal(MinimalElf.Build());
    }

    public static TheoryData<int> Cuts()
    {
        var cuts = new TheoryData<int>();
        int length = MinimalElf.Build().Length;
        foreach (int cut in new[] { 0, 1, 4, 5, 6, 0x29, 0x3b, 63, 64, 100, MinimalElf.VersionRequirements, MinimalElf.VersionRequirements + 10, MinimalElf.VersionRequirements + 40, MinimalElf.SectionHeaders, MinimalElf.SectionHeaders + 70, length - 100, length - 1 })
        {
            cuts.Add(cut);
        }

        return cuts;
    }

    [Theory]
    [MemberData(nameof(Cuts))]
    public void A_truncated_file_gives_a_warning_naming_it_never_an_exception(int length)
    {
        byte[] original = MinimalElf.Build()[..length];
        string file = Write($"cut{length}.so", original);

        TaskRun run = TaskRunner.Run(file);

        AssertWarnedAndUnchanged(run, file, original);
    }

    public static TheoryData<string, int, long, int> Garbage() => new()
    {
        { "section table offset past the end", 0x28, 0x7FFF_FFFF_FFFF_FFF0, 8 },
        { "section table offset near 2^64", 0x28, unchecked((long)0xFFFF_FFFF_FFFF_FFC0), 8 },
        { "65535 sections", 0x3c, 0xFFFF, 2 },
        { "section header size 0", 0x3a, 0, 2 },
        { "section header size 65535", 0x3a, 0xFFFF, 2 },
        { "verneed offset past the end", MinimalElf.SectionHeaders + 128 + 0x18, 0x10_0000, 8 },
        { "verneed offset near 2^64", MinimalElf.SectionHeaders + 128 + 0x18, -8, 8 },
        { "string section index out of range", MinimalElf.SectionHeaders + 128 + 0x28, 0x7FFF_FFFF, 4 },
        { "string table offset past the end", MinimalElf.SectionHeaders + 64 + 0x18, 0x10_0000, 8 },
        { "4 billion verneed entries, each pointing to itself", MinimalElf.SectionHeaders + 128 + 0x2c, 0xFFFF_FFFF, 4 },
        { "vn_aux past the end", MinimalElf.VersionRequirements + 8, 0x7FFF_FFF0, 4 },
        { "vn_next past the end", MinimalElf.VersionRequirements + 12, 0xFFFF_FFF0, 4 },
        { "vna_name past the string table", MinimalElf.VersionRequirements + 16 + 8, 0x7FFF_FFFF, 4 },
        { "vna_next past the end", MinimalElf.VersionRequirements + 16 + 12, 0xFFFF_FFF0, 4 },
        { "65535 vernaux entries", MinimalElf.VersionRequirements + 2, 0xFFFF, 2 },
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public void A_garbage_field_gives_a_warning_or_is_patched_exactly_never_an_exception_or_a_hang(string what, int offset, long value, int width)
    {
        byte[] original = MinimalElf.Build();
        for (int i = 0; i < width; i++)
        {
            original[offset + i] = (byte)(value >> (8 * i));
        }

        string file = Write("garbage.so", original);

        TaskRun run = TaskRunner.Run(file);

        run.Thrown.Should().BeNull(what);
        run.Result.Should().BeTrue(what);
        run.Errors.Should().BeEmpty(what);
        byte[] after = File.ReadAllBytes(file);
        if (run.Warnings.Count > 0)
        {
            run.Warnings.Should().ContainSingle().Which.Should().Contain(file);
            after.Should().Equal(original, $"{what}: a file that gave a warning is left as it was");
        }
        else
        {
            // The damage did not hide the requirement (for example a huge entry count with a chain that ends): patched.
            byte[] patched = (byte[])original.Clone();
            patched[MinimalElf.FlagsOffset(1)] |= 2;
            after.Should().Equal(patched, what);
        }
    }

    [Fact]
    public void Random_bytes_after_the_magic_never_throw()
    {
        var random = new Random(12345);
        for (int i = 0; i < 200; i++)
        {
            byte[] bytes = new byte[random.Next(0, 1024)];
            random.NextBytes(bytes);
            if (bytes.Length >= 6)
            {
                "\u007fELF"u8.CopyTo(bytes);
                bytes[4] = 2;
                bytes[5] = 1;
            }

            string file = Write($"random{i}.so", bytes);
            TaskRun run = TaskRunner.Run(file);
            run.Thrown.Should().BeNull($"random input {i} ({bytes.Length} bytes, seed 12345)");
            run.Errors.Should().BeEmpty();
            File.ReadAllBytes(file).Should().Equal(bytes);
        }
    }

    [Fact]
    public void A_file_that_is_not_elf_gives_a_warning_naming_it()
    {
        byte[] text = "not an ELF file at all, just text that is long enough to have a header's worth of bytes......"u8.ToArray();
        string file = Write("text.so", text);

        AssertWarnedAndUnchanged(TaskRunner.Run(file), file, text);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void AssertWarnedAndUnchanged(TaskRun run, string file, byte[] original)
    {
        run.Thrown.Should().BeNull();
        run.Result.Should().BeTrue("a malformed library must not fail the consumer's build");
        run.Errors.Should().BeEmpty();
        run.Warnings.Should().ContainSingle().Which.Should().Contain(file);
        File.ReadAllBytes(file).Should().Equal(original);
    }

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static long Inode(string path)
    {
        ChildResult stat = ChildProcess.Run(new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%i", path]), TimeSpan.FromSeconds(30));
        stat.ExitCode.Should().Be(0, stat.Errors);
        return long.Parse(stat.Output.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Link(string existing, string link)
    {
        ChildResult ln = ChildProcess.Run(new System.Diagnostics.ProcessStartInfo("ln", [existing, link]), TimeSpan.FromSeconds(30));
        ln.ExitCode.Should().Be(0, ln.Errors);
    }
}
