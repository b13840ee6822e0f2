// BlockedWorkerMeters: an IMeterFactory for one GeneratorPool whose forward-pass histogram holds the pool's worker
// thread (the measurement callback runs on it, after the forward pass and before the callers are answered) until the
// test releases it. With the worker held, the queue's state is the test's to arrange: no timing, no sleeps.
using System.Diagnostics.Metrics;

namespace Dcgan.Hosting.Tests;

internal sealed class BlockedWorkerMeters : IMeterFactory
{
    private readonly List<Meter> _meters = [];
    private readonly MeterListener _listener = new();
    private readonly ManualResetEventSlim _gate = new(initialState: false);
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public BlockedWorkerMeters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            bool ours;
            lock (_meters)
            {
                ours = _meters.Contains(instrument.Meter);
            }

            if (ours && instrument.Name == DcganMetrics.ForwardPassRows)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((_, _, _, _) =>
        {
            _held.TrySetResult();
            _gate.Wait(TimeSpan.FromMinutes(2)); // a limit, so a failing test cannot hang the run
        });
        _listener.Start();
    }

    /// <summary>Completes when the worker is held inside its first forward pass.</summary>
    public Task WorkerHeld => _held.Task.WaitAsync(TimeSpan.FromSeconds(60));

    /// <summary>Lets the worker go on (and every later forward pass through).</summary>
    public void Release() => _gate.Set();

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        lock (_meters)
        {
            _meters.Add(meter);
        }

        _listener.RecordObservableInstruments();
        return meter;
    }

    public void Dispose()
    {
        _gate.Set();
        _listener.Dispose();
        lock (_meters)
        {
            _meters.ForEach(m => m.Dispose());
        }

        _gate.Dispose();
    }
}
