// Loop (a): the library. GanTrainer.Fit on the data source, stopped after K steps by a callback.
using System.Diagnostics;
using Dcgan.Data;
using Dcgan.Models;
using Dcgan.Training;

namespace Dcgan.Benchmarks;

/// <summary>
/// Trains with <see cref="GanTrainer.Fit"/>. The networks, optimizers and trainer are built once, in the
/// constructor (untimed, like the bare loop's setup); every <see cref="Run"/> is one Fit call that resumes where
/// the previous one stopped, so the timed region includes all per-call costs of Fit (starting and stopping
/// the batch prefetcher, hooks, progress bookkeeping) but not the one-time construction.
/// </summary>
internal sealed class LibraryRun : ITimedLoop
{
    private readonly DcganGenerator _generator;
    private readonly DcganDiscriminator _discriminator;
    private readonly GanTrainer _trainer;
    private readonly StopAfterSteps _stop = new();

    public LibraryRun(IImageDataSource data)
    {
        DcganModelOptions architecture = BenchmarkSettings.Architecture();
        (_generator, _discriminator) = DcganModels.Create(architecture, BenchmarkSettings.Seed);
        var options = new GanTrainerOptions
        {
            Epochs = 1_000_000, // never reached: every Fit call is ended by the StopAfterSteps callback
            BatchSize = BenchmarkSettings.BatchSize,
            GeneratorLearningRate = BenchmarkSettings.LearningRate,
            DiscriminatorLearningRate = BenchmarkSettings.LearningRate,
            Beta1 = BenchmarkSettings.Beta1,
            Beta2 = BenchmarkSettings.Beta2,
            Seed = BenchmarkSettings.Seed,
            Device = "cpu",
        };
        _trainer = new GanTrainer(_generator, _discriminator, data, new GanTrainerSetup { Options = options, Callbacks = [_stop] });
    }

    public string Name => "library";

    public TimeSpan Run(int steps)
    {
        _stop.Arm(steps);
        var clock = Stopwatch.StartNew(); // around the whole call, as the bare loop is timed
        TrainingResult result = _trainer.Fit();
        clock.Stop();
        if (result.StepsTrained != steps || result.Outcome != TrainingOutcome.StopRequested)
        {
            throw new InvalidOperationException($"The library ran {result.StepsTrained} steps ({result.Outcome}); expected {steps} and a stop request.");
        }

        return clock.Elapsed;
    }

    public void Dispose()
    {
        _trainer.Dispose();
        _generator.Dispose();
        _discriminator.Dispose();
    }
}
