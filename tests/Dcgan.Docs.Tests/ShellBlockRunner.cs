// ShellBlockRunner: runs a shell block of the docs in bash, in a scratch folder where data/ and docs/ point into the
// repository, under ShellPreamble (documented commands run the builds next to the tests, on tiny data), after the
// block's <!-- run: SETUP --> code. Every run has a time limit: past it the whole process tree is killed and the
// result says so with the output so far.
using System.Diagnostics;
using System.Text;

namespace Dcgan.Docs.Tests;

/// <summary>Runs shell blocks of the documentation.</summary>
public static class ShellBlockRunner
{
    /// <summary>
    /// The limit of one block: a hang guard, not a speed check (the longest block, the samples, takes about 15 s on 2
    /// cores shared with other work; a machine loaded ten times over needs minutes).
    /// </summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(6);

    /// <summary>Runs <paramref name="block"/> (its setup first) in a new folder under <paramref name="tiny"/>'s folder.</summary>
    public static ShellResult Run(MarkdownBlock block, TinyModel tiny)
    {
        string folder = Directory.CreateDirectory(Path.Combine(tiny.Folder, $"{block.File.Replace('/', '-')}-{block.Line}")).FullName;
        foreach (string shared in new[] { "data", "docs" })
        {
            string link = Path.Combine(folder, shared);
            if (!Path.Exists(link))
            {
                File.CreateSymbolicLink(link, Path.Combine(Repository.Root, shared));
            }
        }

        string code = block.Language == "console" ? ConsoleCommands(block.Code) : block.Code;
        return Execute(folder, tiny, $"{block.Run}\n{code}");
    }

    /// <summary>Runs <paramref name="script"/> after the preamble in <paramref name="folder"/>, within <paramref name="timeout"/>.</summary>
    public static ShellResult Execute(string folder, TinyModel tiny, string script, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOCS_BIN"] = AppContext.BaseDirectory;
        start.Environment["DOCS_SAMPLES"] = Path.Combine(Repository.Root, "samples");
        start.Environment["DOCS_CONFIGURATION"] = Repository.Configuration;
        start.Environment["TINY_RUN"] = tiny.RunFolder;
        start.Environment["TINY_DATA"] = tiny.Data;
        start.Environment["TINY_FASHION"] = tiny.Fashion;
        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Write(ShellPreamble.Code + "\n" + script + "\n");
        process.StandardInput.Close();
        TimeSpan limit = timeout ?? DefaultTimeout;
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(30));
            lock (output)
            {
                return new ShellResult(-1, $"{output}\ndocs runner: killed after the time limit of {limit.TotalSeconds:F0} s");
            }
        }

        process.WaitForExit(); // drains the redirected output after the exit
        lock (output)
        {
            return new ShellResult(process.ExitCode, output.ToString());
        }
    }

    // A console block shows prompts ("$ cmd") and output: only the prompted lines are commands.
    private static string ConsoleCommands(string code) =>
        string.Join('\n', code.Split('\n').Where(l => l.StartsWith("$ ", StringComparison.Ordinal)).Select(l => l[2..]));
}
