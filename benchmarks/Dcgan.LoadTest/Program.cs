// dcgan-loadtest: requests/s and p50/p95 latency of samples/Dcgan.Web for "one 28x28 image by seed" and "a 64-image
// grid" at 1, 4 and 16 concurrent clients, plus the server's peak RSS; with --compare, also with coalescing off and
// with coalescing on but no padding of partial batches. Traffic goes to a child server process on 127.0.0.1 only; every run is bounded in time and count.
//
//   dotnet run -c Release --project benchmarks/Dcgan.LoadTest -- --checkpoint runs/train [--seconds 10] [--clients 1,4,16] [--compare]
//     [--server-setting KEY=VALUE]... (extra configuration of the server, e.g. Dcgan:Training:Data=PATH to train while serving)
using System.Globalization;
using System.Reflection;
using Dcgan.LoadTest;

string? checkpoint = Option("--checkpoint");
if (checkpoint is null)
{
    Console.Error.WriteLine("usage: dcgan-loadtest --checkpoint PATH [--seconds 10] [--clients 1,4,16] [--max-requests 20000] [--compare] [--web Dcgan.Web.dll] [--server-setting KEY=VALUE]...");
    return 2;
}

double seconds = double.Parse(Option("--seconds") ?? "10", CultureInfo.InvariantCulture);
int[] clientCounts = (Option("--clients") ?? "1,4,16").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
int maxRequests = int.Parse(Option("--max-requests") ?? "20000", CultureInfo.InvariantCulture);
string web = Option("--web") ?? typeof(LoadRun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "WebSample").Value!;
bool compare = args.Contains("--compare");
KeyValuePair<string, string>[] serverSettings = args.Zip(args.Skip(1))
    .Where(p => p.First == "--server-setting" && p.Second.Contains('=', StringComparison.Ordinal))
    .Select(p => new KeyValuePair<string, string>(p.Second[..p.Second.IndexOf('=', StringComparison.Ordinal)], p.Second[(p.Second.IndexOf('=', StringComparison.Ordinal) + 1)..]))
    .ToArray();

Console.WriteLine($"machine: {Environment.ProcessorCount} logical cores, {Environment.OSVersion}, .NET {Environment.Version}; load average before: {LoadAverage()}");
Console.WriteLine($"checkpoint: {Path.GetFullPath(checkpoint)}; {seconds:F0} s per cell, at most {maxRequests} requests per cell");
var rows = new List<(string Server, LoadResult Result)>();
var peaks = new List<(string Server, double PeakMiB, double IdleMiB)>();
(string Name, bool Coalesce, bool Pad)[] servers = compare
    ? [("coalescing on", true, true), ("coalescing off", false, true), ("on, no padding", true, false)]
    : [("coalescing on", true, true)];
foreach ((string name, bool coalesce, bool pad) in servers)
{
    using ServerProcess server = await ServerProcess.StartAsync(web, checkpoint, new Dictionary<string, string>(serverSettings)
    {
        ["Dcgan:Generator:Coalesce"] = coalesce ? "true" : "false",
        ["Dcgan:Generator:PadPartialBatches"] = pad ? "true" : "false",
    });
    double idle = server.ResidentMiB();
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
    await LoadRun.RunAsync(http, "warm-up", 1, (c, n) => $"/api/grid?seed={n}&count=64", 4, TimeSpan.FromSeconds(2), 200);
    foreach (int clients in clientCounts)
    {
        foreach ((string scenario, int images, Func<int, int, string> url) in new (string, int, Func<int, int, string>)[]
        {
            ("one 28x28 image", 1, (c, n) => $"/api/image?seed={c * 100_000 + n}&index={n % 64}"),
            ("64-image grid", 64, (c, n) => $"/api/grid?seed={c * 100_000 + n}&count=64"),
        })
        {
            LoadResult result = await LoadRun.RunAsync(http, scenario, images, url, clients, TimeSpan.FromSeconds(seconds), maxRequests);
            rows.Add((name, result));
            Console.WriteLine($"{name,-15} {scenario,-16} {clients,3} clients: {result.RequestsPerSecond,8:F1} req/s {result.ImagesPerSecond,9:F0} img/s  p50 {result.P50Ms,7:F1} ms  p95 {result.P95Ms,7:F1} ms  errors {result.Errors}/{result.Requests}  RSS {server.ResidentMiB():F0} MiB");
        }
    }

    peaks.Add((name, server.PeakResidentMiB(), idle));
}

Console.WriteLine();
Console.WriteLine("| server | scenario | clients | requests/s | images/s | p50 ms | p95 ms | errors |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
foreach ((string server, LoadResult r) in rows)
{
    Console.WriteLine($"| {server} | {r.Scenario} | {r.Clients} | {r.RequestsPerSecond:F1} | {r.ImagesPerSecond:F0} | {r.P50Ms:F1} | {r.P95Ms:F1} | {r.Errors} of {r.Requests} |");
}

foreach ((string server, double peak, double idle) in peaks)
{
    Console.WriteLine($"server peak RSS ({server}): {peak:F0} MiB (VmHWM; {idle:F0} MiB after start)");
}

Console.WriteLine($"load average after: {LoadAverage()}");
return rows.Any(r => r.Result.Errors > 0) ? 1 : 0;

string? Option(string name)
{
    int at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
