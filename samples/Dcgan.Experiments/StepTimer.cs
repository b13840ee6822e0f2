// Measures each time-to-quality candidate's seconds per training step in this process: 2 warm-up steps each, then
// two timed passes (timed from the end of a pass's first step to the end of its last, so the per-Fit start-up is
// left out) over all candidates (the second in reverse order, so a slow spell of a shared machine falls on
// different candidates), averaged. Only the ratios between candidates are used, but a busy machine distorts them too
// (small networks lose more to contention than large ones): calibrate on a quiet machine; each line of the
// command's output names the load average.
using System.Diagnostics;
using Dcgan.Models;
using Dcgan.Training;

namespace Dcgan.Experiments;

internal static class StepTimer
{
    private const int WarmUpSteps = 2;

    /// <summary>Wall seconds per step of each candidate, by name.</summary>
    public static Dictionary<string, double> Calibrate(IReadOnlyList<QualityCandidate> candidates, TrainingData data, int steps)
    {
        var trainers = new List<(QualityCandidate Candidate, GanTrainer Trainer, StepStopper Stopper, DcganGenerator Generator, DcganDiscriminator Discriminator)>();
        try
        {
            foreach (QualityCandidate candidate in candidates)
            {
                (DcganGenerator generator, DcganDiscriminator discriminator) = DcganModels.Create(candidate.Architecture(), seed: 0);
                var stopper = new StepStopper();
                var trainer = new GanTrainer(generator, discriminator, data.For(candidate.ImageSize), new GanTrainerSetup { Options = candidate.TrainerOptions(0), Callbacks = [stopper] });
                trainers.Add((candidate, trainer, stopper, generator, discriminator));
                Time(trainer, stopper, WarmUpSteps);
            }

            var seconds = candidates.ToDictionary(c => c.Name, _ => 0.0);
            foreach (var pass in new[] { trainers, Enumerable.Reverse(trainers).ToList() })
            {
                foreach (var (candidate, trainer, stopper, _, _) in pass)
                {
                    seconds[candidate.Name] += Time(trainer, stopper, steps) / steps / 2;
                }
            }

            return seconds;
        }
        finally
        {
            foreach (var (_, trainer, _, generator, discriminator) in trainers)
            {
                trainer.Dispose();
                generator.Dispose();
                discriminator.Dispose();
            }
        }
    }

    // Wall seconds of `steps` steps: one Fit call runs steps + 1 steps, timed from the end of the first to the end of
    // the last (the next call continues where this one stopped).
    private static double Time(GanTrainer trainer, StepStopper stopper, int steps)
    {
        stopper.Remaining = steps + 1;
        trainer.Fit();
        return stopper.Seconds;
    }

    private sealed class StepStopper : GanCallback
    {
        public int Remaining { get; set; }

        /// <summary>Wall seconds from the end of the first step of the last Fit call to the end of its last step.</summary>
        public double Seconds { get; private set; }

        private long _start = -1;

        public override void OnBatchEnd(GanStepArguments arguments)
        {
            long now = Stopwatch.GetTimestamp();
            if (_start < 0)
            {
                _start = now;
            }
            else if (Remaining == 1)
            {
                Seconds = Stopwatch.GetElapsedTime(_start, now).TotalSeconds;
                _start = -1;
            }

            if (--Remaining <= 0)
            {
                arguments.Trainer.RequestStop();
            }
        }
    }
}
