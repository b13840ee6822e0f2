// CancelAfter: a synchronous IProgress<T> that records every report and cancels its token at the n-th one, so a test
// can stop a long operation at a known step boundary (Progress<T> would post reports to the thread pool instead).
using TorchSharp;

namespace Dcgan.Evaluation.Tests.Cancellation;

internal sealed class CancelAfter<T>(int reports) : IProgress<T>, IDisposable
{
    private readonly CancellationTokenSource _source = new();

    public CancellationToken Token => _source.Token;

    public List<T> Reports { get; } = [];

    public void Report(T value)
    {
        Reports.Add(value);
        if (Reports.Count == reports)
        {
            _source.Cancel();
        }
    }

    public void Dispose() => _source.Dispose();
}

internal static class Cancelled
{
    /// <summary>A token that is already cancelled.</summary>
    public static CancellationToken Token => new(canceled: true);

    /// <summary>
    /// Runs <paramref name="operation"/>, expects <see cref="OperationCanceledException"/>, and checks that it left no
    /// tensor alive on this thread.
    /// </summary>
    public static void Throws(Action operation) => Throws(operation, uncancelled: null);

    /// <summary>
    /// Runs <paramref name="uncancelled"/> (the same work to completion, its results disposed) and then
    /// <paramref name="operation"/>, expects <see cref="OperationCanceledException"/> from the latter, and checks that the
    /// cancelled run left no more live tensors than the completed one. Needed where building a network itself leaves
    /// tensors behind: TorchSharp's batch-norm layers (ScalarSafeBatchNorm2d in Dcgan.Core) leave one each after
    /// disposal, which no cancellation path can change.
    /// </summary>
    public static void Throws(Action operation, Action? uncancelled)
    {
        long completedLeft = 0;
        if (uncancelled is not null)
        {
            long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
            uncancelled();
            completedLeft = DisposeScopeManager.Statistics.ThreadTotalLiveCount - before;
        }

        long live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        FluentActions.Invoking(operation).Should().Throw<OperationCanceledException>();
        (DisposeScopeManager.Statistics.ThreadTotalLiveCount - live).Should().Be(
            completedLeft, "a cancelled operation leaves no more live tensors than a completed one (none, unless building the network leaves some)");
    }
}
