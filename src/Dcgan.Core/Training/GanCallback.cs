namespace Dcgan.Training;

/// <summary>
/// Base class of training callbacks: every hook does nothing unless overridden. Hooks run on the training
/// thread, in registration order, in this order:
/// <code>
/// OnTrainStart
///   OnEpochStart
///     OnBatchStart, OnDiscriminatorStepEnd, OnGeneratorStepEnd, OnBatchEnd   (per batch, one dispose scope)
///   OnEpochEnd
/// OnTrainEnd                       (also after cancellation or a stop request)
/// OnException                      (then the exception is rethrown)
/// </code>
/// A step whose losses or weights are not finite raises no <see cref="OnGeneratorStepEnd"/> or <see cref="OnBatchEnd"/>
/// (its <see cref="OnDiscriminatorStepEnd"/> has run); <see cref="GanTrainerOptions.OnDivergence"/> decides what follows.
/// A callback may read the trainer and call <see cref="GanTrainer.RequestStop"/>; it must not change the
/// trainer's networks or options, and must not keep tensors from the payloads beyond the hook.
/// </summary>
public abstract class GanCallback
{
    /// <summary>Before the first step of a <see cref="GanTrainer.Fit"/> call.</summary>
    public virtual void OnTrainStart(GanCallbackArguments arguments)
    {
    }

    /// <summary>Before the first batch of an epoch (also when a resumed run re-enters an epoch mid-way).</summary>
    public virtual void OnEpochStart(GanCallbackArguments arguments)
    {
    }

    /// <summary>Before a batch's discriminator step.</summary>
    public virtual void OnBatchStart(GanCallbackArguments arguments)
    {
    }

    /// <summary>
    /// After the step's discriminator update(s), before its generator update: raised when the
    /// <see cref="IAdversarialStep"/> calls <see cref="AdversarialStepContext.ReportDiscriminatorStep"/> (once per step).
    /// </summary>
    public virtual void OnDiscriminatorStepEnd(GanStepArguments arguments)
    {
    }

    /// <summary>After the <see cref="IAdversarialStep"/> returned (its generator update done).</summary>
    public virtual void OnGeneratorStepEnd(GanStepArguments arguments)
    {
    }

    /// <summary>After a whole batch; losses are .NET doubles, never tensors.</summary>
    public virtual void OnBatchEnd(GanStepArguments arguments)
    {
    }

    /// <summary>After an epoch's last batch. Checkpointing callbacks should be registered last.</summary>
    public virtual void OnEpochEnd(GanEpochArguments arguments)
    {
    }

    /// <summary>When <see cref="GanTrainer.Fit"/> ends without an exception.</summary>
    public virtual void OnTrainEnd(GanTrainEndArguments arguments)
    {
    }

    /// <summary>When a step or a callback throws; the exception is rethrown after all callbacks saw it.</summary>
    public virtual void OnException(GanTrainer trainer, Exception exception)
    {
    }
}
