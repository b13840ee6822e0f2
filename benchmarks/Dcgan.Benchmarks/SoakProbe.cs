// SoakProbe: the soak benchmarks' callback: prints resident memory, managed heap and live tensors every N steps and stops
// the trainer after its step budget (used by `soak` and `gc-soak`).
using System.Diagnostics;
using System.Globalization;
using Dcgan.Training;
using TorchSharp;

namespace Dcgan.Benchmarks;

/// <summary>
/// Samples RSS, managed heap and live tensors every <c>every</c> steps on the training thread (with <c>extra</c>'s text
/// appended to each line), calls <c>onStep</c> after every step with the step count, and stops after <c>steps</c>.
/// </summary>
internal sealed class SoakProbe(int steps, int every, Func<string>? extra = null, Action<GanStepArguments, long>? onStep = null) : GanCallback
{
    private readonly List<(long Step, long Rss, long Managed, long LiveTensors)> _points = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _done;

    public override void OnBatchEnd(GanStepArguments arguments)
    {
        _done++;
        onStep?.Invoke(arguments, _done);
        if (_done % every == 0)
        {
            using var process = Process.GetCurrentProcess();
            (long Step, long Rss, long Managed, long LiveTensors) point = (_done, process.WorkingSet64,
                GC.GetTotalMemory(forceFullCollection: false), DisposeScopeManager.Statistics.ThreadTotalLiveCount);
            _points.Add(point);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"step {point.Step,6}: RSS {point.Rss / 1048576.0,8:F1} MB  managed heap {point.Managed / 1048576.0,7:F1} MB  live tensors {point.LiveTensors,5}  ({_clock.Elapsed.TotalSeconds:F0} s){extra?.Invoke()}"));
        }

        if (_done >= steps)
        {
            arguments.Trainer.RequestStop();
        }
    }

    public void PrintGrowth()
    {
        if (_points.Count < 2)
        {
            Console.WriteLine("fewer than two report points: no growth figure");
            return;
        }

        var first = _points[0];
        var last = _points[^1];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"growth from step {first.Step} (after warm-up) to step {last.Step}: RSS {100.0 * (last.Rss - first.Rss) / first.Rss:+0.00;-0.00} %, " +
            $"managed heap {(last.Managed - first.Managed) / 1048576.0:+0.0;-0.0} MB, live tensors {last.LiveTensors - first.LiveTensors:+0;-0;0}; " +
            $"RSS range over all points {_points.Min(p => p.Rss) / 1048576.0:F1} to {_points.Max(p => p.Rss) / 1048576.0:F1} MB"));
    }
}
