// How a GanTrainer notices divergence (a loss, score or weight that is NaN or infinite) and applies
// GanTrainerOptions.OnDivergence: stop with a DivergenceException, undo the step (SkipBatch), or roll back to the
// last good checkpoint with lower learning rates (RollBack).
using System.Globalization;
using Microsoft.Extensions.Logging;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Training;

public sealed partial class GanTrainer
{
    private PreStepState? _preStep;
    private StepLosses? _lastFiniteLosses;
    private long _lastFiniteStep;
    private int _consecutiveSkips;

    private enum Recovery
    {
        Skipped,
        RolledBack,
    }

    /// <summary>
    /// The checkpoint <see cref="DivergencePolicy.RollBack"/> returns to: the last one this trainer wrote with
    /// <see cref="SaveCheckpoint"/> (which refuses non-finite weights) or read with <see cref="LoadCheckpoint"/>; null
    /// when there is none yet.
    /// </summary>
    public string? LastGoodCheckpoint { get; private set; }

    /// <summary>How many times this trainer has rolled back (<see cref="DivergencePolicy.RollBack"/>) in its lifetime.</summary>
    public int RollBacks { get; private set; }

    // Losses are managed numbers already (read for the callbacks), so checking them costs no device sync.
    private static Divergence? CheckLosses(StepLosses l) =>
        !double.IsFinite(l.DiscriminatorLoss) ? new("discriminator loss", GanNetworkRole.Discriminator, $"the discriminator loss is {DivergenceException.Describe(l.DiscriminatorLoss)}")
        : !double.IsFinite(l.RealScore) ? new("D(x)", GanNetworkRole.Discriminator, $"D(x) is {DivergenceException.Describe(l.RealScore)}")
        : !double.IsFinite(l.FakeScore) ? new("D(G(z))", GanNetworkRole.Discriminator, $"D(G(z)) is {DivergenceException.Describe(l.FakeScore)}")
        : !double.IsFinite(l.GeneratorLoss) ? new("generator loss", GanNetworkRole.Generator, $"the generator loss is {DivergenceException.Describe(l.GeneratorLoss)}")
        : null;

    // Every WeightCheckInterval steps, and always at an epoch's last step or when a stop is pending: the end-of-epoch
    // and end-of-training callbacks (where checkpoints are written) then see checked weights. Under SkipBatch every
    // step, so that the copy a skip restores was itself checked.
    private bool WeightCheckDue(TrainingPosition current, CancellationToken token) =>
        _options.OnDivergence == DivergencePolicy.SkipBatch
        || (_options.WeightCheckInterval > 0 && (current.GlobalStep + 1) % _options.WeightCheckInterval == 0)
        || current.BatchInEpoch + 1 >= BatchesPerEpoch
        || token.IsCancellationRequested
        || _stopRequested;

    private Divergence? CheckWeights()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var tensors = new[] { (Role: GanNetworkRole.Generator, Module: Generator.Network), (Role: GanNetworkRole.Discriminator, Module: Discriminator.Network) }
            .SelectMany(n => n.Module.state_dict().Where(kv => kv.Value.is_floating_point()).Select(kv => (n.Role, Name: kv.Key, Value: kv.Value)))
            .ToArray();
        if (tensors.Length == 0 || stack(tensors.Select(t => t.Value.isfinite().all()).ToArray()).all().item<bool>())
        {
            return null;
        }

        var bad = tensors.First(t => !t.Value.isfinite().all().item<bool>());
        string network = bad.Role == GanNetworkRole.Generator ? "generator" : "discriminator";
        return new Divergence($"{network} weights ({bad.Name})", bad.Role, $"the {network}'s weights are not finite ({bad.Name} holds NaN or infinity)");
    }

    // SaveCheckpoint's guard: a checkpoint is never written from non-finite weights.
    private void ThrowIfWeightsNotFinite(string path)
    {
        if (CheckWeights() is { } divergence)
        {
            string message = string.Create(CultureInfo.InvariantCulture,
                $"Not writing checkpoint '{path}': after step {Position.GlobalStep} {divergence.Clause}. The last good checkpoint is {(LastGoodCheckpoint is null ? "none" : $"'{LastGoodCheckpoint}'")}. {Advice()}");
            throw new DivergenceException(message, Position.GlobalStep, Position, divergence.Quantity, divergence.Network, _lastFiniteLosses);
        }
    }

    // Before a step, under SkipBatch only: keep what the step may change.
    private void CapturePreStepState()
    {
        if (_options.OnDivergence == DivergencePolicy.SkipBatch)
        {
            _preStep ??= new PreStepState();
            _preStep.Capture(Generator.Network, Discriminator.Network, _generatorOptimizer, _discriminatorOptimizer);
        }
    }

    private void RecordFiniteStep(StepLosses losses, TrainingPosition current)
    {
        _lastFiniteLosses = losses;
        _lastFiniteStep = current.GlobalStep + 1;
        _consecutiveSkips = 0;
    }

    // Applies the policy after a diverged step, outside the step's dispose scope (a checkpoint load creates tensors
    // that must outlive it). Throws under Stop and when a policy gives up.
    private Recovery Recover(Divergence divergence, TrainingPosition at)
    {
        switch (_options.OnDivergence)
        {
            case DivergencePolicy.SkipBatch:
                _preStep!.Restore(Generator.Network, Discriminator.Network, _generatorOptimizer, _discriminatorOptimizer);
                if (++_consecutiveSkips > _options.MaxConsecutiveSkippedBatches)
                {
                    throw Diverged(divergence, at,
                        $"Gave up: {_consecutiveSkips} batches in a row diverged (MaxConsecutiveSkippedBatches = {_options.MaxConsecutiveSkippedBatches}); the weights are those from before this step. {Advice()}");
                }

                Position = Position with { BatchInEpoch = Position.BatchInEpoch + 1, GlobalStep = Position.GlobalStep + 1 };
                LogSkipped(at.GlobalStep + 1, divergence.Clause);
                return Recovery.Skipped;

            case DivergencePolicy.RollBack:
                if (LastGoodCheckpoint is null)
                {
                    throw Diverged(divergence, at,
                        $"There is no checkpoint to roll back to: this trainer has written or loaded none yet (register a CheckpointCallback, or save one before Fit). {Advice()}");
                }

                if (RollBacks >= _options.MaxRollBacks)
                {
                    throw Diverged(divergence, at, $"Gave up after {RollBacks} roll-back(s) (MaxRollBacks = {_options.MaxRollBacks}). {Advice()}");
                }

                RollBacks++;
                LoadCheckpoint(LastGoodCheckpoint);
                _options.GeneratorLearningRate *= _options.RollBackLearningRateFactor;
                _options.DiscriminatorLearningRate *= _options.RollBackLearningRateFactor;
                SetLearningRate(_generatorOptimizer, _options.GeneratorLearningRate);
                SetLearningRate(_discriminatorOptimizer, _options.DiscriminatorLearningRate);
                _consecutiveSkips = 0;
                LogRolledBack(at.GlobalStep + 1, divergence.Clause, LastGoodCheckpoint, Position.GlobalStep, _options.GeneratorLearningRate, _options.DiscriminatorLearningRate);
                return Recovery.RolledBack;

            default:
                throw Diverged(divergence, at, Advice() + " Or set OnDivergence to SkipBatch or RollBack.");
        }
    }

    private DivergenceException Diverged(Divergence divergence, TrainingPosition at, string outcome)
    {
        long step = at.GlobalStep + 1;
        string last = _lastFiniteLosses is { } losses
            ? $"last finite losses (step {_lastFiniteStep}): {DivergenceException.Describe(losses)}"
            : "no earlier step of this run had finite losses";
        string message = string.Create(CultureInfo.InvariantCulture,
            $"Training diverged at step {step} (epoch {at.Epoch + 1}, batch {at.BatchInEpoch + 1} of {BatchesPerEpoch}): {divergence.Clause}; {last}. {outcome}");
        return new DivergenceException(message, step, at, divergence.Quantity, divergence.Network, _lastFiniteLosses);
    }

    private string Advice() => string.Create(CultureInfo.InvariantCulture,
        $"Lower the learning rate (GeneratorLearningRate = {_options.GeneratorLearningRate:G6}, DiscriminatorLearningRate = {_options.DiscriminatorLearningRate:G6}).");

    private static void SetLearningRate(optim.Optimizer optimizer, double rate)
    {
        foreach (optim.ILearningRateController group in optimizer.ParamGroups)
        {
            group.LearningRate = rate;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Step {Step} diverged ({What}): skipped, the weights are those from before it.")]
    private partial void LogSkipped(long step, string what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Step {Step} diverged ({What}): rolled back to {Checkpoint} (step {ResumedAt}); learning rates now {GeneratorRate:G6} (G) and {DiscriminatorRate:G6} (D).")]
    private partial void LogRolledBack(long step, string what, string checkpoint, long resumedAt, double generatorRate, double discriminatorRate);

    /// <summary>What diverged: the quantity (for <see cref="DivergenceException.Quantity"/>), its network, and a clause for the message.</summary>
    private readonly record struct Divergence(string Quantity, GanNetworkRole Network, string Clause);
}
