// Runs a child process for a test with a time limit: stdout and stderr are read while it runs (so a full pipe never
// blocks it), and a child still running at the limit is killed with its whole tree and fails the test with what it
// printed, instead of hanging the test run.
using System.Diagnostics;

namespace Dcgan.BuildTasks.Tests;

/// <summary>What a child process printed and returned.</summary>
internal sealed record ChildResult(int ExitCode, string Output, string Errors);

internal static class ChildProcess
{
    /// <summary>Runs <paramref name="start"/> (its redirection flags are set here) and waits at most <paramref name="limit"/>.</summary>
    /// <exception cref="TimeoutException">The child was still running at the limit; it has been killed. The message holds its output.</exception>
    public static ChildResult Run(ProcessStartInfo start, TimeSpan limit)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"'{start.FileName}' did not start");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException(
                $"'{start.FileName} {string.Join(' ', start.ArgumentList)}' was still running after {limit.TotalSeconds:0} s and was killed."
                + $"\nstdout:\n{Finished(output)}\nstderr:\n{Finished(errors)}");
        }

        process.WaitForExit(); // the redirected streams are complete once this returns
        return new ChildResult(process.ExitCode, output.Result, errors.Result);
    }

    private static string Finished(Task<string> text) => text.Wait(TimeSpan.FromSeconds(5)) ? text.Result : "(still open)";
}
