// BatchNormPopulation: exact population statistics of every BN layer's input over a data set.
//
// Method (exact, not a running average): the network is put in eval mode and one pass over the data is made per
// BN layer. Pass p accumulates (with forward pre-hooks) the per-channel mean and sum of squared deviations of
// the p-th BN layer's input, combining batches with Chan et al.'s parallel formula in float64; the result is
// written into that layer's running buffers before pass p+1, so layer p+1 sees its inputs exactly as it will
// at inference. The order of the layers is the order their hooks first fire. The caller must capture and
// restore the network state around Compute (it overwrites running buffers and switches to eval mode).

using Dcgan.Data;
using Dcgan.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dcgan.Features;

/// <summary>Computes exact BN population statistics (see the file header for the method).</summary>
internal static class BatchNormPopulation
{
    /// <summary>One statistics record per BN layer, in the order the layers run. Leaves the network in eval mode
    /// with the population statistics in its running buffers.</summary>
    public static IReadOnlyList<BatchNormStatistics> Compute(
        IDiscriminator discriminator, IImageDataSource source, int batchSize, Device device,
        IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<(string Name, BatchNorm Layer)> layers = BatchNormState.Layers(discriminator.Network);
        var done = new List<BatchNormStatistics>(layers.Count);
        if (layers.Count == 0)
        {
            return done;
        }

        if (source.Count == 0)
        {
            throw new ArgumentException(
                $"The statistics source '{source.Description}' has no images; BN population statistics need at least one.",
                nameof(source));
        }

        discriminator.Network.eval();
        List<int>? order = null;
        var finished = new HashSet<int>();
        while (finished.Count < layers.Count)
        {
            var accumulators = new ChannelAccumulator?[layers.Count];
            var fired = new List<int>();
            var hooks = new List<nn.HookableModule<Func<nn.Module<Tensor, Tensor>, Tensor, Tensor>,
                Func<nn.Module<Tensor, Tensor>, Tensor, Tensor, Tensor>>.HookRemover>();
            try
            {
                for (int i = 0; i < layers.Count; i++)
                {
                    if (finished.Contains(i))
                    {
                        continue;
                    }

                    int index = i;
                    hooks.Add(layers[i].Layer.register_forward_pre_hook((_, input) =>
                    {
                        if (!fired.Contains(index))
                        {
                            fired.Add(index);
                        }

                        (accumulators[index] ??= new ChannelAccumulator()).Add(input);
                        return input;
                    }));
                }

                RunOnce(discriminator, source, batchSize, device, cancellationToken);
            }
            finally
            {
                foreach (var hook in hooks)
                {
                    hook.remove();
                }
            }

            order ??= fired;
            int next = order.FirstOrDefault(i => !finished.Contains(i), -1);
            if (next < 0 || accumulators[next] is null)
            {
                string missing = string.Join(", ", Enumerable.Range(0, layers.Count)
                    .Where(i => !finished.Contains(i) && !fired.Contains(i)).Select(i => layers[i].Name));
                throw new InvalidOperationException(
                    $"The batch-norm layer(s) {missing} never ran during a forward pass of the discriminator (or their " +
                    "hooks did not fire because the network calls forward() instead of call()); their population " +
                    "statistics cannot be computed.");
            }

            BatchNormStatistics stats = accumulators[next]!.Finish(layers[next].Name);
            BatchNormState.Apply(layers[next].Layer, stats);
            done.Add(stats);
            finished.Add(next);
            progress?.Report(new EvaluationProgress { Stage = "batch-norm statistics", Completed = done.Count, Total = layers.Count });
        }

        return done;
    }

    private static void RunOnce(IDiscriminator discriminator, IImageDataSource source, int batchSize, Device device, CancellationToken cancellationToken)
    {
        for (int start = 0; start < source.Count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = Math.Min(batchSize, source.Count - start);
            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            Tensor images = ImageBatchTensors.ToTensor(source.ReadRange(start, count), device); // [B, C, H, W]
            discriminator.Judge(images);                                               // [B] (discarded)
        }
    }

    // Per-channel count, mean and M2 (sum of squared deviations), in float64, combined batch by batch.
    private sealed class ChannelAccumulator
    {
        private double[]? _mean;
        private double[]? _m2;
        private long _count;

        public void Add(Tensor input)
        {
            using var scope = torch.NewDisposeScope();
            long channels = input.shape[1];
            long[] dims = Enumerable.Range(0, (int)input.dim()).Where(d => d != 1).Select(d => (long)d).ToArray();
            long n = input.numel() / channels;
            Tensor x = input.detach().to(ScalarType.Float64);                       // [B, C, ...]
            Tensor batchMean = x.mean(dims);                                        // [C]
            long[] viewShape = Enumerable.Range(0, (int)input.dim()).Select(d => d == 1 ? channels : 1L).ToArray();
            Tensor batchM2 = (x - batchMean.view(viewShape)).square().sum(dims);    // [C]
            double[] m = batchMean.cpu().data<double>().ToArray();
            double[] m2 = batchM2.cpu().data<double>().ToArray();
            if (_mean is null || _m2 is null)
            {
                _mean = m;
                _m2 = m2;
                _count = n;
                return;
            }

            long total = _count + n;
            for (int c = 0; c < channels; c++)
            {
                double delta = m[c] - _mean[c];
                _mean[c] += delta * n / total;
                _m2[c] += m2[c] + delta * delta * ((double)_count * n / total);
            }

            _count = total;
        }

        public BatchNormStatistics Finish(string name) =>
            new(name, _mean!, _m2!.Select(v => v / _count).ToArray(), _count);
    }
}
