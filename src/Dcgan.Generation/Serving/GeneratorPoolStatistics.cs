// GeneratorPoolStatistics: counters of a generator pool, for tests, health pages and load reports.
namespace Dcgan.Serving;

/// <summary>A snapshot of a <see cref="GeneratorPool"/>'s counters since it started.</summary>
/// <param name="Requests">Requests completed successfully.</param>
/// <param name="Images">Images returned to callers.</param>
/// <param name="ForwardPasses">Forward passes of the network (with coalescing, fewer than requests under load).</param>
/// <param name="FailedRequests">Requests that failed or were cancelled.</param>
/// <param name="WorkerLiveTensors">
/// The live native objects of the worker thread after its latest batch, as the loader counts them
/// (<see cref="IGeneratorModelLoader.CountLiveNativeObjects"/>; for TorchSharp checkpoints
/// <c>DisposeScopeManager.Statistics.ThreadTotalLiveCount</c>, flat while the pool serves because every forward pass's
/// tensors live in one dispose scope); 0 for a backend that keeps no count.
/// </param>
public sealed record GeneratorPoolStatistics(long Requests, long Images, long ForwardPasses, long FailedRequests, long WorkerLiveTensors);
