// Dcgan.Core.targets run by MSBuild itself (dotnet msbuild on a tiny project that imports it): RoslynCodeTaskFactory
// compiles the task from source and patches a library in the output folder, and DcganPatchLibTorchSharp=false turns
// the step off.
using System.Diagnostics;

namespace Dcgan.BuildTasks.Tests;

public sealed class TargetsFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dcgan-targets-").FullName;

    [Theory]
    [InlineData(null, true)]
    [InlineData("false", false)]
    public void The_targets_patch_the_output_copy_unless_opted_out(string optOut, bool patched)
    {
        string output = Path.Combine(_folder, "out", "runtimes", "linux-x64", "native");
        Directory.CreateDirectory(output);
        string library = Path.Combine(output, "libLibTorchSharp.so");
        File.WriteAllBytes(library, MinimalElf.Build());
        string targets = Path.Combine(AppContext.BaseDirectory, "buildTransitive", "Dcgan.Core.targets");
        string project = Path.Combine(_folder, "consumer.proj");
        File.WriteAllText(project, $"""
            <Project>
              <PropertyGroup><OutDir>{_folder}/out/</OutDir></PropertyGroup>
              <Import Project="{targets}" />
              <Target Name="CopyFilesToOutputDirectory" />
            </Project>
            """);

        (int exit, string log) = MsBuild(project, "-t:CopyFilesToOutputDirectory", $"-p:DcganWeakGlibcxxVersion={MinimalElf.TestVersion}",
            optOut is null ? "-p:Unused=1" : $"-p:DcganPatchLibTorchSharp={optOut}");

        exit.Should().Be(0, log);
        log.Should().NotContain("warning", log);
        MinimalElf.Flags(File.ReadAllBytes(library), 1).Should().Be((ushort)(patched ? 2 : 0), log);
        if (patched)
        {
            log.Should().Contain($"{MinimalElf.TestVersion} marked weak");
        }
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

    private static (int, string) MsBuild(string project, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(project) };
        foreach (string argument in new[] { "msbuild", project, "-nologo", "-nr:false", "-v:n" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs under MSBuild-related variables of the outer build; the inner build must not inherit them.
        foreach (string variable in new[] { "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            start.Environment.Remove(variable);
        }

        ChildResult build = ChildProcess.Run(start, TimeSpan.FromMinutes(5)); // a cold MSBuild on a loaded 2-core machine
        return (build.ExitCode, build.Output + build.Errors);
    }
}
