// ServerProcess: runs samples/Dcgan.Web as a child process on a loopback port and reads its memory from /proc.
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Dcgan.LoadTest;

internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Starts the web sample with <paramref name="settings"/> (configuration keys) and waits until it serves the model.</summary>
    public static async Task<ServerProcess> StartAsync(string webDll, string checkpoint, IReadOnlyDictionary<string, string> settings)
    {
        if (!File.Exists(webDll))
        {
            throw new FileNotFoundException($"The web sample was not built at '{webDll}'; build benchmarks/Dcgan.LoadTest (it builds the sample) or pass --web PATH.", webDll);
        }

        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(webDll)! };
        foreach (string argument in new[] { webDll, "--checkpoint", checkpoint, "--urls", address.ToString(), "--watch", "false", "--Logging:LogLevel:Default=Warning" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach ((string key, string value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        Process process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Console.WriteLine("server: " + e.Data); }; // warnings and errors only, unless the log level is raised
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("server: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, address);
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        DateTime deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The web sample exited with code {process.ExitCode} before serving (see 'server:' lines above).");
            }

            try
            {
                if ((await probe.GetAsync("/api/model")).StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        server.Dispose();
        throw new TimeoutException($"The web sample did not serve /api/model at {address} within 120 s.");
    }

    /// <summary>Resident set size now, from /proc/PID/status (VmRSS), in MiB.</summary>
    public double ResidentMiB() => StatusKiB("VmRSS:") / 1024.0;

    /// <summary>Peak resident set size since the process started (VmHWM), in MiB.</summary>
    public double PeakResidentMiB() => StatusKiB("VmHWM:") / 1024.0;

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private long StatusKiB(string field)
    {
        foreach (string line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
