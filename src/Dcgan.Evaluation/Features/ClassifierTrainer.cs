// ClassifierTrainer: the one supervised training loop of the research package, shared by the supervised-CNN
// baseline (SupervisedCnn) and the evaluation classifier (EvaluationClassifier.Train): Adam on cross-entropy over
// mini-batches shuffled by a seeded CPU generator, the learning rate multiplied by a decay factor after every epoch,
// and optionally validation every few epochs with the weights of the best evaluated epoch put back at the end.
// One dispose scope per step (only .NET scalars leave it); the training set stays on the host and each batch is
// moved to the device; the best weights are a ModuleSnapshot allocated once and overwritten in place.

using System.Diagnostics;
using Dcgan.Data;
using Dcgan.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Features;

/// <summary>The fixed settings of one <see cref="ClassifierTrainer.Fit"/> run.</summary>
/// <param name="Epochs">Passes over the training images (at least 1).</param>
/// <param name="BatchSize">Images per mini-batch; the last batch of an epoch may be smaller.</param>
/// <param name="LearningRate">Adam's learning rate in the first epoch.</param>
/// <param name="Beta1">Adam's first-moment decay.</param>
/// <param name="Beta2">Adam's second-moment decay.</param>
/// <param name="LearningRateDecay">Factor applied to the learning rate after every epoch (1 keeps it constant).</param>
/// <param name="Seed">The run's seed; the shuffling draws from stream 3 of it (<see cref="SeedSequence"/>).</param>
/// <param name="EvaluationInterval">Validation runs after every <c>EvaluationInterval</c>-th epoch and after the last one (when a validation function is given).</param>
internal sealed record ClassifierTrainingSettings(
    int Epochs, int BatchSize, double LearningRate, double Beta1, double Beta2, double LearningRateDecay, long Seed, int EvaluationInterval = 1);

/// <summary>What one finished epoch did.</summary>
/// <param name="Epoch">One-based epoch number.</param>
/// <param name="Epochs">Total epochs.</param>
/// <param name="MeanLossPerImage">Mean cross-entropy over the epoch's images (each batch's mean weighted by its size).</param>
/// <param name="MeanLossPerBatch">Mean over the epoch's batches of each batch's mean cross-entropy.</param>
/// <param name="TrainAccuracy">Accuracy on the epoch's training batches, in training mode.</param>
/// <param name="ValidationAccuracy">Validation accuracy after the epoch, or null when the epoch was not evaluated.</param>
/// <param name="Elapsed">Time since training began.</param>
internal readonly record struct ClassifierTrainingEpoch(
    int Epoch, int Epochs, double MeanLossPerImage, double MeanLossPerBatch, double TrainAccuracy, double? ValidationAccuracy, TimeSpan Elapsed);

/// <summary>The result of a run with validation: the evaluated epoch whose weights were kept.</summary>
/// <param name="BestEpoch">The evaluated epoch with the highest validation accuracy (the earliest on ties); 0 without validation.</param>
/// <param name="BestValidationAccuracy">Its validation accuracy; negative infinity without validation.</param>
internal readonly record struct ClassifierTrainingOutcome(int BestEpoch, double BestValidationAccuracy);

/// <summary>Trains a classifier network with Adam on cross-entropy (see the file header).</summary>
internal static class ClassifierTrainer
{
    /// <summary>The <see cref="SeedSequence"/> stream of the shuffling (3, the number GanTrainer uses too, so that results stay as they were).</summary>
    private const long ShuffleStream = 3;

    /// <summary>
    /// Trains <paramref name="network"/> (already on <paramref name="device"/>, its optimizer not yet created) and
    /// leaves it in eval mode. On the CPU the result is a deterministic function of the inputs and the seed.
    /// </summary>
    /// <param name="network">The network; its parameters are updated in place.</param>
    /// <param name="device">The network's device; every batch is moved there.</param>
    /// <param name="images">All training images [N, C, H, W] float32 on the CPU; stays the caller's.</param>
    /// <param name="labels">Their labels [N] int64 on the CPU; stays the caller's.</param>
    /// <param name="settings">Epochs, batch size, Adam and the seed.</param>
    /// <param name="trainingForward">A CPU batch [B, C, H, W] to logits [B, K] on the device, in training mode (augmentation belongs here).</param>
    /// <param name="validate">Null, or the validation accuracy of the network as it is now (it must leave the train/eval mode as it found it).</param>
    /// <param name="epochEnd">Called after every epoch on the training thread, or null.</param>
    /// <param name="cancellationToken">Checked before every batch; cancellation throws <see cref="OperationCanceledException"/> between steps.</param>
    public static ClassifierTrainingOutcome Fit(
        nn.Module network, Device device, Tensor images, Tensor labels, ClassifierTrainingSettings settings,
        Func<Tensor, Tensor> trainingForward, Func<double>? validate, Action<ClassifierTrainingEpoch>? epochEnd,
        CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        using var shuffle = new torch.Generator(seed: (ulong)SeedSequence.Derive(settings.Seed, ShuffleStream), device: torch.CPU);
        using var optimizer = new Dcgan.Training.Adam(network.parameters(), lr: settings.LearningRate, beta1: settings.Beta1, beta2: settings.Beta2);
        using ModuleSnapshot? best = validate is null ? null : ModuleSnapshot.Capture(network); // overwritten at every new best epoch
        var outcome = new ClassifierTrainingOutcome(0, double.NegativeInfinity);
        double learningRate = settings.LearningRate;
        network.train();
        for (int epoch = 1; epoch <= settings.Epochs; epoch++)
        {
            foreach (var group in optimizer.ParamGroups)
            {
                group.LearningRate = learningRate;
            }

            (double perImage, double perBatch, double accuracy) = Epoch(device, images, labels, shuffle, optimizer, settings.BatchSize, trainingForward, cancellationToken);
            double? validation = null;
            if (validate is not null && (epoch % settings.EvaluationInterval == 0 || epoch == settings.Epochs))
            {
                validation = validate();
                if (validation > outcome.BestValidationAccuracy)
                {
                    outcome = new ClassifierTrainingOutcome(epoch, validation.Value);
                    best!.Update(network);
                }
            }

            epochEnd?.Invoke(new ClassifierTrainingEpoch(epoch, settings.Epochs, perImage, perBatch, accuracy, validation, clock.Elapsed));
            learningRate *= settings.LearningRateDecay;
        }

        best?.Restore(network);
        network.eval();
        return outcome;
    }

    // One shuffled pass over the training images: the mean loss per image and per batch, and the training accuracy.
    private static (double PerImage, double PerBatch, double Accuracy) Epoch(
        Device device, Tensor images, Tensor labels, torch.Generator shuffle, optim.Optimizer optimizer, int batchSize,
        Func<Tensor, Tensor> trainingForward, CancellationToken cancellationToken)
    {
        int count = (int)images.shape[0];
        using Tensor order = torch.randperm(count, generator: shuffle);                    // [N] int64, CPU
        double weightedLossSum = 0;
        double batchLossSum = 0;
        int batches = 0;
        long correct = 0;
        for (int start = 0; start < count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();                               // between steps: no tensor of a step is live
            int rows = Math.Min(batchSize, count - start);
            using var scope = torch.NewDisposeScope();
            Tensor index = order.narrow(0, start, rows);                                    // [B]
            Tensor x = images.index_select(0, index);                                       // [B, C, H, W] CPU
            Tensor y = labels.index_select(0, index).to(device);                            // [B]
            Tensor logits = trainingForward(x);                                             // [B, K]
            Tensor loss = nn.functional.cross_entropy(logits, y);                           // [] mean over the batch
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            float batchLoss = loss.item<float>();
            weightedLossSum += batchLoss * rows;
            batchLossSum += batchLoss;
            batches++;
            correct += logits.argmax(1).eq(y).sum().item<long>();                           // [B] -> []
        }

        return (weightedLossSum / count, batchLossSum / batches, (double)correct / count);
    }
}
