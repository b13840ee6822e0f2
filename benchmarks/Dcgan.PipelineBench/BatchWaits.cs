// A callback that measures how long the training thread spends between steps: from the start of Fit (or the end of
// one batch) to the start of the next batch. That is where it waits for the prefetcher (plus the loop's own
// bookkeeping and, at an epoch boundary, the new epoch's first batch), so it is the pipeline's latency cost directly.
using System.Diagnostics;
using Dcgan.Training;

namespace Dcgan.PipelineBench;

/// <summary>Sums the time between steps of each Fit call.</summary>
internal sealed class BatchWaits : GanCallback
{
    private long _mark;

    /// <summary>Seconds spent between steps (and before the first) in the current Fit call.</summary>
    public double Seconds { get; private set; }

    /// <summary>The longest single wait of the current Fit call, in seconds.</summary>
    public double Longest { get; private set; }

    public override void OnTrainStart(GanCallbackArguments arguments)
    {
        Seconds = 0;
        Longest = 0;
        _mark = Stopwatch.GetTimestamp();
    }

    public override void OnBatchStart(GanCallbackArguments arguments)
    {
        double wait = Stopwatch.GetElapsedTime(_mark).TotalSeconds;
        Seconds += wait;
        Longest = Math.Max(Longest, wait);
    }

    public override void OnBatchEnd(GanStepArguments arguments) => _mark = Stopwatch.GetTimestamp();
}
