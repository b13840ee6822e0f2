// BatchNormState: a snapshot of a network's batch-norm buffers and every module's training flag, so that the
// feature extractor can put population statistics in place for one call and then restore the caller's model
// exactly (the running buffers bit for bit, num_batches_tracked, momentum untouched, train/eval flags).

using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dcgan.Features;

/// <summary>Captures and restores the BN running buffers and the train/eval flags of a network.</summary>
internal sealed class BatchNormState
{
    private readonly nn.Module _root;
    private readonly bool _rootTraining;
    private readonly (nn.Module Module, int Depth, bool Training)[] _flags;
    private readonly (BatchNorm Layer, float[] Mean, float[] Variance)[] _buffers;

    private BatchNormState(nn.Module root)
    {
        _root = root;
        _rootTraining = root.training;
        _flags = root.named_modules()
            .Select(m => (m.module, m.name.Count(c => c == '.'), m.module.training))
            .ToArray();
        _buffers = Layers(root)
            .Select(l => (l.Layer, ToManaged(l.Layer.running_mean!), ToManaged(l.Layer.running_var!)))
            .ToArray();
    }

    /// <summary>Snapshots <paramref name="root"/>'s BN buffers and training flags (managed copies).</summary>
    public static BatchNormState Capture(nn.Module root) => new(root);

    /// <summary>
    /// The BN layers of <paramref name="root"/> that track running statistics, with their module names, in
    /// module-registration order.
    /// </summary>
    public static IReadOnlyList<(string Name, BatchNorm Layer)> Layers(nn.Module root) =>
        root.named_modules()
            .Where(m => m.module is BatchNorm bn && bn.running_mean is not null && bn.running_var is not null)
            .Select(m => (m.name, (BatchNorm)m.module))
            .ToList();

    /// <summary>Writes <paramref name="statistics"/> into <paramref name="layer"/>'s running mean and variance.</summary>
    public static void Apply(BatchNorm layer, BatchNormStatistics statistics) =>
        Write(layer, statistics.Mean.Select(v => (float)v).ToArray(), statistics.Variance.Select(v => (float)v).ToArray());

    /// <summary>Puts every captured buffer and training flag back.</summary>
    public void Restore()
    {
        foreach ((BatchNorm layer, float[] mean, float[] variance) in _buffers)
        {
            Write(layer, mean, variance);
        }

        _root.train(_rootTraining);
        foreach ((nn.Module module, _, bool training) in _flags.OrderBy(f => f.Depth))
        {
            module.train(training);
        }
    }

    private static void Write(BatchNorm layer, float[] mean, float[] variance)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        Tensor runningMean = layer.running_mean!;                          // [C]
        Tensor runningVar = layer.running_var!;                            // [C]
        runningMean.copy_(torch.tensor(mean).to(runningMean.dtype));       // [C] (copy_ moves to the buffer's device)
        runningVar.copy_(torch.tensor(variance).to(runningVar.dtype));     // [C]
    }

    private static float[] ToManaged(Tensor buffer)
    {
        using var scope = torch.NewDisposeScope();
        return buffer.detach().to(ScalarType.Float32).cpu().data<float>().ToArray();   // [C]
    }
}
