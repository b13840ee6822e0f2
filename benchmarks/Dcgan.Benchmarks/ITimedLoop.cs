// The common shape of the two training loops being compared.
namespace Dcgan.Benchmarks;

/// <summary>A training loop that can run a given number of steps and report the wall-clock time they took.</summary>
internal interface ITimedLoop : IDisposable
{
    /// <summary>A short name for the output.</summary>
    string Name { get; }

    /// <summary>Runs <paramref name="steps"/> training steps of <see cref="BenchmarkSettings.BatchSize"/> images; returns the elapsed time.</summary>
    TimeSpan Run(int steps);
}
