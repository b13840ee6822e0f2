// ChildProcess: a `dotnet X.dll ...` child the tests signal like a user or a service manager would (SIGTERM, SIGINT
// = Ctrl+C), with its interleaved output, and every wait bounded: past a limit the whole tree is killed and the test
// fails with the output so far.
using System.Diagnostics;
using System.Text;

namespace Dcgan.Docs.Tests;

/// <summary>A running child process of the tests.</summary>
public sealed class ChildProcess : IDisposable
{
    /// <summary>POSIX SIGINT: what Ctrl+C sends.</summary>
    public const int SigInt = 2;

    /// <summary>POSIX SIGTERM: what kill, timeout and service managers send.</summary>
    public const int SigTerm = 15;

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ChildProcess(ProcessStartInfo start)
    {
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Standard output and error so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts <c>dotnet <paramref name="arguments"/></c> in <paramref name="folder"/> with extra environment variables.</summary>
    public static ChildProcess Dotnet(string folder, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        Start("dotnet", folder, environment, arguments);

    /// <summary>Starts <c>bash -c <paramref name="script"/></c> in <paramref name="folder"/>.</summary>
    public static ChildProcess Bash(string folder, string script) => Start("bash", folder, new Dictionary<string, string>(), "-c", script);

    private static ChildProcess Start(string program, string folder, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        return new ChildProcess(start);
    }

    /// <summary>Sends <paramref name="signal"/> to the process (not its children) with bash's kill builtin.</summary>
    public void Signal(int signal)
    {
        using var kill = Process.Start("bash", ["-c", $"kill -s {signal} {_process.Id}"]);
        if (!kill.WaitForExit(TimeSpan.FromSeconds(30)) || kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -s {signal} {_process.Id} failed.\n{Output}");
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds (polled), failing with the output if the process exits first or the limit passes.</summary>
    public void WaitUntil(Func<bool> condition, TimeSpan limit, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The process exited with {_process.ExitCode} before {what}:\n{Output}");
            }

            if (clock.Elapsed > limit)
            {
                _process.Kill(entireProcessTree: true);
                throw new TimeoutException($"No {what} within {limit.TotalSeconds:F0} s; the process was killed:\n{Output}");
            }

            Thread.Sleep(50);
        }
    }

    /// <summary>Waits for the exit within <paramref name="limit"/> (else kills the tree and throws with the output); returns the exit code.</summary>
    public int WaitForExit(TimeSpan limit)
    {
        if (!_process.WaitForExit(limit))
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(30));
            throw new TimeoutException($"The process did not exit within {limit.TotalSeconds:F0} s and was killed:\n{Output}");
        }

        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(30));
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
