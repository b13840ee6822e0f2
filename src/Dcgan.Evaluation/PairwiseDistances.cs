// PairwiseDistances: batched squared Euclidean distances between row sets, bounded in memory.
using Dcgan.Native;
using Dcgan.Features;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Evaluation;

/// <summary>
/// Squared Euclidean distances between the rows of a query set and a reference set, a block of query rows at a
/// time (about 64 MB of float32 distances per block), via <c>|q|^2 + |r|^2 - 2 q.r</c> on float32 after
/// centring both sets on the reference mean (which keeps the cancellation error small for pixel vectors).
/// </summary>
internal sealed class PairwiseDistances : IDisposable
{
    private const long BlockElements = 16L << 20;

    private readonly Tensor _reference;        // [N, D] float32, centred
    private readonly Tensor _referenceNorms;   // [N] squared norms
    private readonly Tensor _centre;           // [D]

    public PairwiseDistances(FeatureMatrix reference)
    {
        using var scope = torch.NewDisposeScope();
        Tensor x = reference.ToTensor(float32);                               // [N, D]
        Tensor centre = x.mean([0L]);                                         // [D]
        Tensor centred = x - centre;                                          // [N, D]
        _reference = centred.DetachFromDisposeScope();
        _referenceNorms = centred.square().sum(1).DetachFromDisposeScope();   // [N]
        _centre = centre.DetachFromDisposeScope();
        Count = reference.Rows;
    }

    /// <summary>Number of reference rows.</summary>
    public int Count { get; }

    /// <summary>How many query rows go into one block.</summary>
    public int BlockRows => (int)Math.Clamp(BlockElements / Math.Max(1, Count), 1, 4096);

    /// <summary>
    /// Calls <paramref name="consume"/> with (first query row, squared distances [B, N]) for consecutive blocks of
    /// <paramref name="queries"/>. The distance tensor lives only during the call; <paramref name="cancellationToken"/>
    /// is checked before every block.
    /// </summary>
    public void ForEachBlock(FeatureMatrix queries, Action<int, Tensor> consume, CancellationToken cancellationToken = default)
    {
        int block = BlockRows;
        for (int start = 0; start < queries.Rows; start += block)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int rows = Math.Min(block, queries.Rows - start);
            using var scope = torch.NewDisposeScope();
            Tensor q = torch.tensor(queries.Values.AsSpan(start * queries.Columns, rows * queries.Columns).ToArray(),
                [rows, queries.Columns]) - _centre;                           // [B, D] centred
            Tensor qNorms = q.square().sum(1, keepdim: true);                 // [B, 1]
            Tensor squared = qNorms.Plus(_referenceNorms.unsqueeze(0))
                .sub(q.matmul(_reference.t()).mul(Scalars.Constant(2L))).clamp_min(Scalars.Constant(0.0));               // [B, N]
            consume(start, squared);
        }
    }

    public void Dispose()
    {
        _reference.Dispose();
        _referenceNorms.Dispose();
        _centre.Dispose();
    }
}
