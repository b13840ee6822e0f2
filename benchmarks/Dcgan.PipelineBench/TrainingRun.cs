// One of the two timed trainings: GanTrainer.Fit on a data source, stopped after K steps by a callback. Both runs are
// built from the same seed, so they start from the same weights and see the same batches in the same order.
using System.Diagnostics;
using Dcgan.Benchmarks;
using Dcgan.Data;
using Dcgan.Models;
using Dcgan.Training;

namespace Dcgan.PipelineBench;

/// <summary>
/// Trains the pytorch/examples 64x64x3 preset with <see cref="GanTrainer.Fit"/>. The trainer is built once (untimed);
/// every <see cref="Run"/> is one Fit call that resumes where the previous one stopped, timed as a whole (prefetcher
/// start and stop included).
/// </summary>
internal sealed class TrainingRun : IDisposable
{
    private readonly DcganGenerator _generator;
    private readonly DcganDiscriminator _discriminator;
    private readonly GanTrainer _trainer;
    private readonly StopAfterSteps _stop = new();
    private readonly BatchWaits _waits = new();

    public TrainingRun(string name, IImageDataSource data, int batchSize, long seed)
    {
        Name = name;
        (_generator, _discriminator) = DcganModels.Create(DcganModelOptions.PyTorchExample(64, 3), seed);
        var options = new GanTrainerOptions
        {
            Epochs = 1_000_000, // never reached: every Fit call is ended by the StopAfterSteps callback
            BatchSize = batchSize,
            Seed = seed,
            Device = "cpu",
        };
        _trainer = new GanTrainer(_generator, _discriminator, data, new GanTrainerSetup { Options = options, Callbacks = [_waits, _stop] });
    }

    public string Name { get; }

    /// <summary>The losses of the last step (both runs must agree bit for bit: same weights, same batches).</summary>
    public StepLosses? LastLosses { get; private set; }

    /// <summary>Seconds the training thread spent between steps in the last <see cref="Run"/> (waiting for batches).</summary>
    public double WaitSeconds => _waits.Seconds;

    /// <summary>The longest wait before one step in the last <see cref="Run"/>, in seconds.</summary>
    public double LongestWait => _waits.Longest;

    /// <summary>Runs <paramref name="steps"/> steps in one Fit call and returns its wall time.</summary>
    public TimeSpan Run(int steps)
    {
        _stop.Arm(steps);
        var clock = Stopwatch.StartNew();
        TrainingResult result = _trainer.Fit();
        clock.Stop();
        if (result.StepsTrained != steps || result.Outcome != TrainingOutcome.StopRequested)
        {
            throw new InvalidOperationException($"{Name} ran {result.StepsTrained} steps ({result.Outcome}); expected {steps} and a stop request.");
        }

        LastLosses = result.LastLosses;
        return clock.Elapsed;
    }

    public void Dispose()
    {
        _trainer.Dispose();
        _generator.Dispose();
        _discriminator.Dispose();
    }
}
