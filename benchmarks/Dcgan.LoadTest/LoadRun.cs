// LoadRun: N concurrent HttpClient loops against one endpoint for a bounded time; latencies, errors and throughput.
using System.Diagnostics;

namespace Dcgan.LoadTest;

/// <summary>The outcome of one scenario at one concurrency.</summary>
internal sealed record LoadResult(string Scenario, int Clients, int Requests, int Errors, double Seconds, double P50Ms, double P95Ms, int ImagesPerRequest)
{
    public double RequestsPerSecond => Requests / Seconds;

    public double ImagesPerSecond => RequestsPerSecond * ImagesPerRequest;
}

internal static class LoadRun
{
    /// <summary>
    /// Runs <paramref name="clients"/> loops, each sending requests made by <paramref name="url"/> (from a per-client
    /// counter) back to back, until <paramref name="duration"/> has passed or <paramref name="maxRequests"/> were sent.
    /// </summary>
    public static async Task<LoadResult> RunAsync(HttpClient http, string scenario, int imagesPerRequest, Func<int, int, string> url,
        int clients, TimeSpan duration, int maxRequests)
    {
        var latencies = new List<double>[clients];
        int errors = 0;
        int sent = 0;
        var clock = Stopwatch.StartNew();
        Task[] loops = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var mine = latencies[client] = [];
            for (int n = 0; clock.Elapsed < duration && Interlocked.Increment(ref sent) <= maxRequests; n++)
            {
                long started = Stopwatch.GetTimestamp();
                try
                {
                    using HttpResponseMessage response = await http.GetAsync(url(client, n));
                    byte[] body = await response.Content.ReadAsByteArrayAsync();
                    if (!response.IsSuccessStatusCode || body.Length == 0 || response.Content.Headers.ContentType?.MediaType != "image/png")
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })).ToArray();
        await Task.WhenAll(loops);
        double seconds = clock.Elapsed.TotalSeconds;
        double[] all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(scenario, clients, all.Length, errors, seconds, Percentile(all, 0.50), Percentile(all, 0.95), imagesPerRequest);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
