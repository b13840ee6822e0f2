// The error GanTrainer throws when training diverges (a loss, score or weight becomes NaN or infinite).
using System.Globalization;

namespace Dcgan.Training;

/// <summary>
/// Training diverged: a loss, a score or a network's weights became NaN or infinite. Thrown by
/// <see cref="GanTrainer.Fit"/> (after the callbacks' <see cref="GanCallback.OnException"/>) under
/// <see cref="DivergencePolicy.Stop"/>, or when <see cref="DivergencePolicy.SkipBatch"/> or
/// <see cref="DivergencePolicy.RollBack"/> give up; and by <see cref="GanTrainer.SaveCheckpoint"/>, which never
/// writes non-finite weights. The message is one line naming the step, the quantity and the last finite losses.
/// </summary>
public sealed class DivergenceException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The whole message.</param>
    public DivergenceException(string message)
        : base(message)
    {
        Quantity = "";
    }

    internal DivergenceException(string message, long step, TrainingPosition position, string quantity, GanNetworkRole network, StepLosses? lastFiniteLosses)
        : base(message)
    {
        Step = step;
        Position = position;
        Quantity = quantity;
        Network = network;
        LastFiniteLosses = lastFiniteLosses;
    }

    /// <summary>The number of the step whose result was not finite, counted from 1 since the run began (as in losses.csv); 0 when not known.</summary>
    public long Step { get; }

    /// <summary>Where the diverged step started (its epoch and batch, both zero-based).</summary>
    public TrainingPosition Position { get; }

    /// <summary>What was not finite, for example "discriminator loss" or "generator weights (main.3.weight)".</summary>
    public string Quantity { get; }

    /// <summary>The network whose loss or weights were not finite.</summary>
    public GanNetworkRole Network { get; }

    /// <summary>The losses of the last step whose losses were all finite, or null when there was none in this run.</summary>
    public StepLosses? LastFiniteLosses { get; }

    // "NaN", "+Infinity" or "-Infinity" ("∞" is what the invariant culture prints).
    internal static string Describe(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "+Infinity"
        : double.IsNegativeInfinity(value) ? "-Infinity"
        : value.ToString("G6", CultureInfo.InvariantCulture);

    internal static string Describe(StepLosses losses) => string.Create(CultureInfo.InvariantCulture,
        $"loss D {Describe(losses.DiscriminatorLoss)}, loss G {Describe(losses.GeneratorLoss)}, D(x) {Describe(losses.RealScore)}, D(G(z)) {Describe(losses.FakeScore)}");
}
