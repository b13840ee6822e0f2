// Writes an experiment's numbers as JSON and a Markdown table, each with the provenance the evaluation protocol
// asks for: the command line, seed, commit and machine.
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dcgan.Experiments;

internal static class ExperimentReport
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Writes NAME.json (numbers + provenance) and NAME.md (the table) into <paramref name="folder"/>.</summary>
    public static (string Json, string Markdown) Write(string folder, string name, long seed, JsonObject numbers, string markdownBody)
    {
        Directory.CreateDirectory(folder);
        numbers["command"] = CommandLine();
        numbers["seed"] = seed;
        numbers["commit"] = BuildCommit() ?? Commit();
        numbers["checkout"] = Commit();
        numbers["machine"] = Machine();
        numbers["finishedUtc"] = DateTimeOffset.UtcNow.ToString("u");
        string json = Path.Combine(folder, name + ".json");
        string md = Path.Combine(folder, name + ".md");
        File.WriteAllText(json, numbers.ToJsonString(Json) + "\n");
        var text = new StringBuilder(markdownBody.TrimEnd()).AppendLine().AppendLine()
            .AppendLine($"Command: `{CommandLine()}`  ")
            .AppendLine($"Seed {seed}, commit {BuildCommit() ?? Commit()} (checkout: {Commit()}), machine: {Machine()}.");
        File.WriteAllText(md, text.ToString());
        return (json, md);
    }

    public static string CommandLine() => "dcgan-experiments " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1).Select(a => a.Contains(' ') ? $"\"{a}\"" : a));

    public static string Machine() =>
        $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, TorchSharp {typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString(3)}, {TorchSharp.torch.get_num_threads()} torch threads";

    /// <summary>
    /// The commit this binary was built from (the SDK appends it to the informational version), so a published
    /// binary run from another checkout still names its own source; null when the build had no git metadata.
    /// </summary>
    private static string? BuildCommit()
    {
        string? version = typeof(ExperimentReport).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion;
        int plus = version?.IndexOf('+') ?? -1;
        return plus < 0 ? null : version![(plus + 1)..][..Math.Min(12, version.Length - plus - 1)];
    }

    // The working tree's commit, "-dirty" when it has uncommitted changes.
    private static string Commit()
    {
        try
        {
            var start = new ProcessStartInfo("git", "describe --always --dirty --abbrev=12")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Environment.CurrentDirectory,
            };
            using Process? git = Process.Start(start);
            string output = git?.StandardOutput.ReadToEnd().Trim() ?? "";
            git?.WaitForExit();
            return git?.ExitCode == 0 && output.Length > 0 ? output : "unknown (not a git checkout)";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown (git not found)";
        }
    }
}
