// SupervisedCnn: the paper's supervised baseline for the low-label probe (section 5.1, "a purely supervised CNN
// with the same architecture on the same data"): a DiscriminatorClassifier trained with cross-entropy on the
// labelled images, the epoch chosen by validation accuracy, scored on the test images.

using System.Diagnostics;
using Dcgan.Data;
using Dcgan.Models;
using Dcgan.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Features;

/// <summary>
/// Trains a <see cref="DiscriminatorClassifier"/> (the discriminator's architecture with a class-count output
/// layer) from scratch on labelled images: Adam on cross-entropy, shuffled mini-batches, a fixed epoch budget,
/// and the weights of the epoch with the best validation accuracy kept. See <see cref="SupervisedCnnOptions"/>
/// for the defaults.
/// </summary>
public static class SupervisedCnn
{
    /// <summary>Sub-seed stream of the initial weights (the shuffling uses stream 3, as the classifier trainer does).</summary>
    private const long InitStream = 21;

    /// <summary>
    /// Trains on <paramref name="train"/>, chooses the epoch on <paramref name="validation"/> and reports the
    /// accuracy on <paramref name="test"/>. The network is built, trained and disposed here; only managed values
    /// are returned. On the CPU the result is a deterministic function of the images, labels, options and
    /// <see cref="SupervisedCnnOptions.Seed"/>.
    /// </summary>
    /// <param name="architecture">The discriminator's architecture (image size and channels must match the images).</param>
    /// <param name="classCount">Number of classes (at least 2); every label is in 0..classCount - 1.</param>
    /// <param name="train">Training images in [-1, 1].</param>
    /// <param name="trainLabels">One label per training image.</param>
    /// <param name="validation">Validation images (they only choose the epoch).</param>
    /// <param name="validationLabels">One label per validation image.</param>
    /// <param name="test">Test images.</param>
    /// <param name="testLabels">One label per test image.</param>
    /// <param name="options">Settings; <see langword="null"/> uses the defaults.</param>
    /// <param name="progress">Receives a report after every epoch (synchronously, on the training thread), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Checked before every training and evaluation batch. The default value is <see cref="CancellationToken.None"/>.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled; the network is disposed and no tensor stays live.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid; the message lists every failure.</exception>
    /// <exception cref="ArgumentException">
    /// An image set whose shape does not match the architecture, a label count that differs from the image count, a
    /// label outside 0..classCount - 1, or a CUDA device without CUDA; the message names the value and the expectation.
    /// </exception>
    public static SupervisedCnnResult Run(
        DcganModelOptions architecture, int classCount,
        ImageBatch train, IReadOnlyList<int> trainLabels,
        ImageBatch validation, IReadOnlyList<int> validationLabels,
        ImageBatch test, IReadOnlyList<int> testLabels,
        SupervisedCnnOptions? options = null, IProgress<SupervisedCnnEpoch>? progress = null,
        CancellationToken cancellationToken = default)
    {
        TorchRuntime.EnsureLoaded();
        var clock = Stopwatch.StartNew();
        options ??= new SupervisedCnnOptions();
        CheckSet(architecture, classCount, test, testLabels, nameof(test));
        (DiscriminatorClassifier network, SupervisedCnnTraining training) =
            Train(architecture, classCount, train, trainLabels, validation, validationLabels, options, progress, cancellationToken);
        using (network)
        {
            double testAccuracy = Accuracy(network, test, testLabels, options.EvaluationBatchSize, cancellationToken);
            long parameters = network.parameters().Sum(p => p.numel());
            return new SupervisedCnnResult
            {
                TestAccuracy = testAccuracy,
                Training = training,
                TrainCount = train.Count,
                ValidationCount = validation.Count,
                TestCount = test.Count,
                ParameterCount = parameters,
                Elapsed = clock.Elapsed,
            };
        }
    }

    /// <summary>
    /// Builds a <see cref="DiscriminatorClassifier"/> with the paper's N(0, 0.02) initialisation drawn from
    /// <see cref="SupervisedCnnOptions.Seed"/>, trains it for <see cref="SupervisedCnnOptions.Epochs"/> epochs and
    /// puts back the weights (parameters and BN running statistics) of the evaluated epoch with the best validation
    /// accuracy. The caller owns (and disposes) the returned network, which is in eval mode on the options' device.
    /// </summary>
    /// <param name="architecture">The discriminator's architecture (image size and channels must match the images).</param>
    /// <param name="classCount">Number of classes (at least 2).</param>
    /// <param name="train">Training images in [-1, 1].</param>
    /// <param name="trainLabels">One label per training image, in 0..classCount - 1.</param>
    /// <param name="validation">Validation images (they only choose the epoch).</param>
    /// <param name="validationLabels">One label per validation image, in 0..classCount - 1.</param>
    /// <param name="options">Settings; <see langword="null"/> uses the defaults.</param>
    /// <param name="progress">Receives a report after every epoch (synchronously, on the training thread), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Checked before every training and evaluation batch. The default value is <see cref="CancellationToken.None"/>.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled; the network is disposed and no tensor stays live.</exception>
    /// <returns>The trained network and what the training did.</returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">As for <see cref="Run"/>.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Run"/>.</exception>
    public static (DiscriminatorClassifier Network, SupervisedCnnTraining Training) Train(
        DcganModelOptions architecture, int classCount,
        ImageBatch train, IReadOnlyList<int> trainLabels,
        ImageBatch validation, IReadOnlyList<int> validationLabels,
        SupervisedCnnOptions? options = null, IProgress<SupervisedCnnEpoch>? progress = null,
        CancellationToken cancellationToken = default)
    {
        TorchRuntime.EnsureLoaded();
        options ??= new SupervisedCnnOptions();
        new SupervisedCnnOptionsValidator().ThrowIfInvalid(options);
        CheckSet(architecture, classCount, train, trainLabels, nameof(train));
        CheckSet(architecture, classCount, validation, validationLabels, nameof(validation));

        Device device = DeviceSelection.Resolve(options.Device);
        DiscriminatorClassifier network;
        using (var init = new torch.Generator(seed: (ulong)SeedSequence.Derive(options.Seed, InitStream), device: torch.CPU))
        {
            network = new DiscriminatorClassifier(architecture, classCount, init);
        }

        try
        {
            network.to(device); // before the optimizer exists (moving replaces the parameters)
            var clock = Stopwatch.StartNew();
            var history = new List<SupervisedCnnEpoch>(options.Epochs);
            var settings = new ClassifierTrainingSettings(
                options.Epochs, options.BatchSize, options.LearningRate, options.Beta1, options.Beta2, LearningRateDecay: 1.0,
                options.Seed, options.EvaluationInterval);
            using Tensor images = ImageBatchTensors.ToTensor(train, torch.CPU);                          // [N, C, s, s]
            using Tensor labels = torch.tensor(Labels(trainLabels, 0, train.Count));                        // [N] int64
            ClassifierTrainingOutcome outcome = ClassifierTrainer.Fit(
                network, device, images, labels, settings,
                x => network.call(x.to(device)),                                                            // [B, K]
                () => Accuracy(network, validation, validationLabels, options.EvaluationBatchSize, cancellationToken),
                e =>
                {
                    var report = new SupervisedCnnEpoch
                    {
                        Epoch = e.Epoch,
                        Epochs = e.Epochs,
                        MeanLoss = e.MeanLossPerImage,
                        TrainAccuracy = e.TrainAccuracy,
                        ValidationAccuracy = e.ValidationAccuracy,
                        Elapsed = e.Elapsed,
                    };
                    history.Add(report);
                    progress?.Report(report);
                },
                cancellationToken);
            return (network, new SupervisedCnnTraining
            {
                BestEpoch = outcome.BestEpoch,
                BestValidationAccuracy = outcome.BestValidationAccuracy,
                History = history,
                Elapsed = clock.Elapsed,
            });
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Share of <paramref name="images"/> whose most likely class is their label, with the network in eval mode
    /// (running BN statistics) and no gradients; the network's train/eval mode is restored afterwards.
    /// </summary>
    /// <param name="network">The classifier.</param>
    /// <param name="images">Images of the network's shape, in [-1, 1].</param>
    /// <param name="labels">One label per image, in 0..ClassCount - 1.</param>
    /// <param name="batchSize">Images per forward pass. The default value is 500.</param>
    /// <param name="cancellationToken">Checked before every batch. The default value is <see cref="CancellationToken.None"/>.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="ArgumentException">The images or labels do not match the network; the message names the value.</exception>
    public static double Accuracy(DiscriminatorClassifier network, ImageBatch images, IReadOnlyList<int> labels, int batchSize = 500,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        CheckSet(network.Options, network.ClassCount, images, labels, nameof(images));
        Device device = network.parameters().First().device;
        bool wasTraining = network.training;
        network.eval();
        try
        {
            using var noGrad = torch.no_grad();
            long correct = 0;
            for (int start = 0; start < images.Count; start += batchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int rows = Math.Min(batchSize, images.Count - start);
                using var scope = torch.NewDisposeScope();
                Tensor x = ImageBatchTensors.ToTensor(images, start, rows, device);                                // [B, C, s, s]
                Tensor y = torch.tensor(Labels(labels, start, rows), device: device);         // [B] int64
                correct += network.call(x).argmax(1).eq(y).sum().item<long>();                // logits [B, K] -> [B] -> []
            }

            return (double)correct / images.Count;
        }
        finally
        {
            network.train(wasTraining);
        }
    }

    private static long[] Labels(IReadOnlyList<int> labels, int start, int rows)
    {
        var result = new long[rows];
        for (int i = 0; i < rows; i++)
        {
            result[i] = labels[start + i];
        }

        return result;
    }

    // Every check names the set ("train", "validation", "test"), the offending value and what was expected.
    private static void CheckSet(DcganModelOptions architecture, int classCount, ImageBatch images, IReadOnlyList<int> labels, string name)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(images, name);
        ArgumentNullException.ThrowIfNull(labels, name + "Labels");
        new DcganModelOptionsValidator().ThrowIfInvalid(architecture);
        if (classCount < 2)
        {
            throw new ArgumentException($"classCount is {classCount}; a classifier needs at least 2 classes.", nameof(classCount));
        }

        var expected = new ImageShape(architecture.Channels, architecture.ImageSize, architecture.ImageWidth ?? architecture.ImageSize);
        if (images.Shape != expected)
        {
            throw new ArgumentException(
                $"The {name} images are {images.Shape}; the architecture (ImageSize {architecture.ImageSize}, ImageWidth {architecture.ImageWidth?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "square"}, " +
                $"Channels {architecture.Channels}) takes {expected} images.", name);
        }

        if (images.Count < 1)
        {
            throw new ArgumentException($"The {name} set has {images.Count} images; expected at least 1.", name);
        }

        long values = (long)images.Count * expected.ElementCount;
        if (images.Pixels.LongLength != values)
        {
            throw new ArgumentException(
                $"The {name} set has {images.Count} images of {expected} but {images.Pixels.LongLength} pixel values; " +
                $"expected {images.Count} * {expected.ElementCount} = {values}.", name);
        }

        if (labels.Count != images.Count)
        {
            throw new ArgumentException(
                $"The {name} set has {images.Count} images but {labels.Count} labels; expected one label per image.", name + "Labels");
        }

        for (int i = 0; i < labels.Count; i++)
        {
            if ((uint)labels[i] >= (uint)classCount)
            {
                throw new ArgumentException(
                    $"The {name} label at index {i} is {labels[i]}; labels must be in 0..{classCount - 1} (classCount {classCount}).", name + "Labels");
            }
        }
    }
}
