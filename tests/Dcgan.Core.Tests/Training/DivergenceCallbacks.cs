// Small callbacks for the divergence tests: one records OnException, one runs an action at chosen hooks.
using Dcgan.Training;

namespace Dcgan.Core.Tests.Training;

internal sealed class ExceptionRecorder : GanCallback
{
    public List<Exception> Seen { get; } = [];

    public override void OnException(GanTrainer trainer, Exception exception) => Seen.Add(exception);
}

internal sealed class HookAction(Action<GanCallbackArguments>? onBatchStart = null, Action<GanEpochArguments>? onEpochEnd = null) : GanCallback
{
    public override void OnBatchStart(GanCallbackArguments arguments) => onBatchStart?.Invoke(arguments);

    public override void OnEpochEnd(GanEpochArguments arguments) => onEpochEnd?.Invoke(arguments);
}
