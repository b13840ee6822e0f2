// SupervisedCnn.Fit: the training loop. One dispose scope per step (only .NET scalars leave it); the training
// images and labels live on the device for the whole fit and are disposed at its end; the best epoch's weights
// are a ModuleSnapshot allocated once and overwritten in place.

using Dcgan.Data;
using System.Diagnostics;
using Dcgan.Models;
using Dcgan.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Features;

public static partial class SupervisedCnn
{
    private static SupervisedCnnTraining Fit(
        DiscriminatorClassifier network, Device device,
        ImageBatch train, IReadOnlyList<int> trainLabels,
        ImageBatch validation, IReadOnlyList<int> validationLabels,
        SupervisedCnnOptions options, IProgress<SupervisedCnnEpoch>? progress)
    {
        var clock = Stopwatch.StartNew();
        int count = train.Count;
        using Tensor images = ImageBatchTensors.ToTensor(train, device);                                  // [N, C, s, s]
        using Tensor labels = torch.tensor(Labels(trainLabels, 0, count), device: device);     // [N] int64
        using var shuffle = new torch.Generator(seed: (ulong)SeedSequence.Derive(options.Seed, SeedSequence.ShuffleStream), device: torch.CPU);
        using var optimizer = optim.Adam(network.parameters(), lr: options.LearningRate, beta1: options.Beta1, beta2: options.Beta2);
        using var best = ModuleSnapshot.Capture(network); // overwritten at every new best epoch
        int bestEpoch = 0;
        double bestAccuracy = double.NegativeInfinity;
        var history = new List<SupervisedCnnEpoch>(options.Epochs);
        network.train();
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            (double meanLoss, double trainAccuracy) = Epoch(network, device, images, labels, shuffle, optimizer, options.BatchSize);
            double? validationAccuracy = null;
            if (epoch % options.EvaluationInterval == 0 || epoch == options.Epochs)
            {
                double accuracy = Accuracy(network, validation, validationLabels, options.EvaluationBatchSize);
                validationAccuracy = accuracy;
                if (accuracy > bestAccuracy)
                {
                    bestAccuracy = accuracy;
                    bestEpoch = epoch;
                    best.Update(network);
                }
            }

            var report = new SupervisedCnnEpoch(epoch, options.Epochs, meanLoss, trainAccuracy, validationAccuracy, clock.Elapsed);
            history.Add(report);
            progress?.Report(report);
        }

        best.Restore(network);
        network.eval();
        return new SupervisedCnnTraining(bestEpoch, bestAccuracy, history, clock.Elapsed);
    }

    // One shuffled pass over the training images; returns the mean loss and the accuracy of the training batches.
    private static (double MeanLoss, double Accuracy) Epoch(
        DiscriminatorClassifier network, Device device, Tensor images, Tensor labels,
        torch.Generator shuffle, optim.Optimizer optimizer, int batchSize)
    {
        int count = (int)images.shape[0];
        using Tensor order = torch.randperm(count, generator: shuffle);                    // [N] int64, CPU
        double lossSum = 0;
        long correct = 0;
        for (int start = 0; start < count; start += batchSize)
        {
            int rows = Math.Min(batchSize, count - start);
            using var scope = torch.NewDisposeScope();
            Tensor index = order.narrow(0, start, rows).to(device);                         // [B]
            Tensor x = images.index_select(0, index);                                       // [B, C, s, s]
            Tensor y = labels.index_select(0, index);                                       // [B]
            Tensor logits = network.call(x);                                                // [B, K]
            Tensor loss = nn.functional.cross_entropy(logits, y);                           // [] mean over the batch
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            lossSum += loss.item<float>() * rows;
            correct += logits.argmax(1).eq(y).sum().item<long>();                           // [B] -> []
        }

        return (lossSum / count, (double)correct / count);
    }
}
