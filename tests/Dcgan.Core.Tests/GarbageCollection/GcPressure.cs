// GcPressure: a background thread that drops TorchSharp Scalars (never disposed) and forces a garbage collection and
// the finalizers in a loop, so that any temporary Scalar that TorchSharp code creates while it runs is likely to be
// finalized during the native call that reads it (issue 19: the implicit-Scalar use-after-free). Process-wide: the
// tests that start it belong to GcPressureCollection, which runs alone. Linked into the hosting and evaluation tests
// and the soak benchmark, so there is one copy.
#pragma warning disable RS0030 // dropping temporary Scalars on purpose is this class's job
using TorchSharp;

namespace Dcgan.Core.Tests.GarbageCollection;

/// <summary>
/// Continuous (or periodic) garbage collections with Scalar finalizers, from <see cref="Start"/> until disposed:
/// <c>using var pressure = GcPressure.Start();</c>. <see cref="Collections"/> counts the forced collections so that a
/// test can show the pressure actually happened during its work.
/// </summary>
internal sealed class GcPressure : IDisposable
{
    private readonly Thread _thread;
    private readonly TimeSpan _period;
    private readonly int _scalarsPerRound;
    private readonly ManualResetEventSlim _stop = new();
    private long _collections;
    private Exception? _failure;

    private GcPressure(TimeSpan period, int scalarsPerRound)
    {
        _period = period;
        _scalarsPerRound = scalarsPerRound;
        _thread = new Thread(Run) { IsBackground = true, Name = "GC pressure" };
    }

    /// <summary>
    /// The fewest forced collections a test should see during its pressured work before it claims anything: enough to
    /// show the pressure ran throughout, few enough for a fast machine (the count depends on speed, the results must not).
    /// </summary>
    public const long MeaningfulCollections = 20;

    /// <summary>Forced collections so far (each one followed by <see cref="GC.WaitForPendingFinalizers"/>).</summary>
    public long Collections => Interlocked.Read(ref _collections);

    /// <summary>Starts the thread; it has made its first collection when this returns.</summary>
    /// <param name="period">Pause between collections; zero (the default) collects continuously.</param>
    /// <param name="scalarsPerRound">Scalars dropped before each collection, for the finalizer to free.</param>
    public static GcPressure Start(TimeSpan period = default, int scalarsPerRound = 4)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(period.Ticks, nameof(period));
        ArgumentOutOfRangeException.ThrowIfNegative(scalarsPerRound);
        using (1.0.ToScalar())
        {
            // Loads TorchSharp's native library on the caller's thread before the pressure thread uses it.
        }

        var pressure = new GcPressure(period, scalarsPerRound);
        pressure._thread.Start();
        SpinWait.SpinUntil(() => pressure.Collections > 0 || !pressure._thread.IsAlive);
        return pressure;
    }

    /// <summary>The most times the pressured work is repeated while waiting for <see cref="MeaningfulCollections"/>.</summary>
    public const int MaxPressuredRepeats = 25;

    /// <summary>
    /// Runs <paramref name="work"/> once without pressure, then under continuous pressure, repeating it until the
    /// pressure thread has made <see cref="MeaningfulCollections"/> collections (a loaded machine can starve that thread
    /// during one short run) or <see cref="MaxPressuredRepeats"/> runs are done. Every pressured run must finish without
    /// an exception (the use-after-free shows as an ExternalException); the last one's result is returned to be compared
    /// bitwise with the quiet one, with the collections made during all the pressured runs.
    /// </summary>
    public static (T Quiet, T Pressured, long Collections) QuietThenPressured<T>(Func<T> work)
    {
        T quiet = work();
        using GcPressure pressure = Start();
        T pressured = work();
        for (int run = 1; run < MaxPressuredRepeats && pressure.Collections < MeaningfulCollections; run++)
        {
            pressured = work();
        }

        return (quiet, pressured, pressure.Collections);
    }

    /// <summary>The asynchronous form of <see cref="QuietThenPressured{T}(Func{T})"/>.</summary>
    public static async Task<(T Quiet, T Pressured, long Collections)> QuietThenPressuredAsync<T>(Func<Task<T>> work)
    {
        T quiet = await work();
        using GcPressure pressure = Start();
        T pressured = await work();
        for (int run = 1; run < MaxPressuredRepeats && pressure.Collections < MeaningfulCollections; run++)
        {
            pressured = await work();
        }

        return (quiet, pressured, pressure.Collections);
    }

    /// <summary>Stops and joins the thread; rethrows anything that failed on it.</summary>
    public void Dispose()
    {
        _stop.Set();
        _thread.Join();
        _stop.Dispose();
        if (_failure is not null)
        {
            throw new InvalidOperationException("The GC pressure thread failed.", _failure);
        }
    }

    private void Run()
    {
        try
        {
            do
            {
                for (int i = 0; i < _scalarsPerRound; i++)
                {
                    _ = (1.5 + i).ToScalar(); // dropped: only its finalizer frees the native scalar
                }

                GC.Collect();
                GC.WaitForPendingFinalizers();
                Interlocked.Increment(ref _collections);
            }
            while (!_stop.Wait(_period));
        }
        catch (Exception e)
        {
            _failure = e;
        }
    }
}
