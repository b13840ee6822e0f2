// TorchSharp's native library fails to load in a child process, and every public entry point that touches tensors
// throws TorchLoadException naming what is missing and how to fix it (never a bare TypeInitializationException or
// DllNotFoundException). The child is a small program compiled here with Roslyn into a copy of this test's output
// folder (every file linked, except the one native library the case replaces).
using System.Diagnostics;
using Dcgan.Generation;
using Dcgan.Models;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis;

namespace Dcgan.Docs.Tests;

public class TorchLoadFailureTests
{
    // Each entry point with arguments that would be refused later: the runtime check must come first. The seed
    // convention and the latent toolkit (LatentSeeds, IndexedLatentGrid, LatentNeighbours) are managed code in
    // Dcgan.Generation and work without libtorch, so they are not here.
    private const string Probe = """
        using Dcgan.Data;
        using Dcgan.Deduplication;
        using Dcgan.Evaluation;
        using Dcgan.Features;
        using Dcgan.Hosting;
        using Dcgan.Models;
        using Dcgan.Persistence;

        var checks = new (string Name, Action Call)[]
        {
            ("DcganModels.Create", () => DcganModels.Create(DcganModelOptions.Paper(28, 1), seed: 1)),
            ("CheckpointModels.LoadGenerator", () => CheckpointModels.LoadGenerator("missing.dcgan")),
            ("CheckpointModels.LoadDiscriminator", () => CheckpointModels.LoadDiscriminator("missing.dcgan")),
            ("LatentTensors.ToTensor", () => LatentTensors.ToTensor([new float[100]])),
            ("LatentImages.Render", () => LatentImages.Render(null!, [new float[100]])),
            ("GanTrainer", () => new Dcgan.Training.GanTrainer(null!, null!, null!)),
            ("EvaluationClassifier.Load", () => EvaluationClassifier.Load("missing.bin")),
            ("EvaluationClassifier.Train", () => EvaluationClassifier.Train(null!, null!)),
            ("FrechetDistance.Compute", () => FrechetDistance.Compute((GaussianStatistics)null!, null!)),
            ("PrecisionRecall.Compute", () => PrecisionRecall.Compute(null!, null!)),
            ("DiscriminatorFeatureExtractor", () => new DiscriminatorFeatureExtractor(null!, null!)),
            ("LinearSvm", () => new LinearSvm()),
            ("SupervisedCnn.Train", () => SupervisedCnn.Train(null!, 10, null!, null!, null!, null!)),
            ("SemanticHashModel.Train", () => SemanticHashModel.Train(null!)),
            ("GeneratorPool.Start", () => new Dcgan.Serving.GeneratorPool(new Dcgan.Serving.GeneratorPoolOptions(), new CheckpointGeneratorLoader()).Start()),
        };
        foreach ((string name, Action call) in checks)
        {
            try
            {
                call();
                Console.WriteLine($"{name} | no exception");
            }
            catch (Exception e)
            {
                Console.WriteLine($"{name} | {e.GetType().Name} | {e.Message.ReplaceLineEndings(" ")}");
            }
        }
        """;

    [SkippableFact]
    public void Without_the_build_steps_fix_every_entry_point_says_which_libstdcxx_version_is_missing_and_how_to_fix_it()
    {
        // A newer libstdc++ loads the unpatched library; the missing-library case below still runs everywhere.
        Skip.If(SystemLibStdCxxHas("GLIBCXX_3.4.32\0"u8),
            "the system's libstdc++ already has GLIBCXX_3.4.32 (newer than Debian 12's), so the unpatched library loads and there is no failure to explain");

        string original = Path.Combine(NuGetRoot(), "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        IReadOnlyList<string> lines = RunProbe(library => File.Copy(original, library));

        lines.Should().HaveCount(15).And.OnlyContain(l => l.Contains(" | TorchLoadException | "), string.Join('\n', lines));
        lines.Should().OnlyContain(l => l.Contains("requires GLIBCXX_3.4.32 of libstdc++.so.6")
            && l.Contains("imports buildTransitive/Dcgan.Core.targets") && l.Contains("DcganPatchLibTorchSharp"));
    }

    [Fact]
    public void Without_the_native_library_every_entry_point_says_to_reference_a_backend_package()
    {
        IReadOnlyList<string> lines = RunProbe(library => { });

        lines.Should().HaveCount(15).And.OnlyContain(l => l.Contains(" | TorchLoadException | "), string.Join('\n', lines));
        lines.Should().OnlyContain(l => l.Contains("No libLibTorchSharp native library was found") && l.Contains("TorchSharp-cpu"));
    }

    // Links this test's output folder into a temporary one, lets `replace` put (or not put) libLibTorchSharp.so there,
    // compiles the probe next to it and returns its output lines.
    private static IReadOnlyList<string> RunProbe(Action<string> replace)
    {
        string folder = Directory.CreateTempSubdirectory("dcgan-torch-load-").FullName;
        try
        {
            string source = AppContext.BaseDirectory.TrimEnd('/');
            foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                string target = Path.Combine(folder, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                if (Path.GetFileName(file) == "libLibTorchSharp.so")
                {
                    replace(target);
                }
                else
                {
                    File.CreateSymbolicLink(target, file);
                }
            }

            Compile(Path.Combine(folder, "probe.dll"));
            File.Copy(Path.Combine(source, "Dcgan.Docs.Tests.runtimeconfig.json"), Path.Combine(folder, "probe.runtimeconfig.json"));
            File.Copy(Path.Combine(source, "Dcgan.Docs.Tests.deps.json"), Path.Combine(folder, "probe.deps.json"));
            var start = new ProcessStartInfo("dotnet", [Path.Combine(folder, "probe.dll")])
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            // TorchSharp's own fallback would copy ~480 MB of natives from the NuGet cache into the folder: point it nowhere.
            start.Environment["NUGET_PACKAGES"] = Path.Combine(folder, "no-nuget-cache");
            using var process = Process.Start(start)!;
            Task<string> errors = process.StandardError.ReadToEndAsync();
            Task<string> outputRead = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3))) // the probe takes seconds; a hang must not hang the run
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                throw new TimeoutException($"the probe was still running after 3 minutes and was killed; stderr:\n{errors.Result}\nstdout:\n{outputRead.Result}");
            }

            process.WaitForExit();
            string output = outputRead.Result;
            process.ExitCode.Should().Be(0, $"the probe must run to the end; stderr:\n{errors.Result}\nstdout:\n{output}");
            // TorchSharp prints its own load trace to stdout; the probe's lines are "name | exception | message".
            return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains(" | ", StringComparison.Ordinal))];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Compile(string path)
    {
        var block = new MarkdownBlock("probe.cs", 1, "csharp", Probe, null, null);
        SnippetCompiler.Errors(block).Should().BeEmpty();
        CSharpCompilation compilation = SnippetCompiler.Compilation(block, "probe");
        Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(path);
        result.Success.Should().BeTrue(string.Join('\n', result.Diagnostics));
    }

    private static string NuGetRoot() => Environment.GetEnvironmentVariable("NUGET_PACKAGES")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static bool SystemLibStdCxxHas(ReadOnlySpan<byte> version)
    {
        foreach (string candidate in new[] { "/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6" })
        {
            if (File.Exists(candidate) && File.ReadAllBytes(candidate).AsSpan().IndexOf(version) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
