// EvaluationClassifier.Train: seeded, CPU-deterministic training of the evaluation classifier (Adam, cross-entropy,
// exponential learning-rate decay, feature dropout and horizontal flips drawn from the classifier's own generator).
using Dcgan.Data;
using Dcgan.Features;
using Dcgan.Models;
using Dcgan.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Evaluation;

public sealed partial class EvaluationClassifier
{
    private const long InitStream = 11;
    private const long AugmentStream = 12;
    private const double AdamBeta1 = 0.9;   // Adam's (and PyTorch's) defaults
    private const double AdamBeta2 = 0.999;

    /// <summary>
    /// Trains a new classifier on <paramref name="images"/>. On the CPU the result is a deterministic function of the
    /// data, the options and <paramref name="seed"/> (weights, shuffling, flips and dropout all draw from generators
    /// seeded from it).
    /// </summary>
    /// <param name="images">1x28x28 training images (for the frozen classifier: the 60k Fashion-MNIST train split).</param>
    /// <param name="labels">One label per image, in [0, K); the class count K is the largest label + 1 (at least 2).</param>
    /// <param name="options">Settings; <see langword="null"/> uses the defaults.</param>
    /// <param name="seed">The one seed of the run.</param>
    /// <param name="progress">Receives a report after every epoch, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Checked before every batch. The default value is <see cref="CancellationToken.None"/>.</param>
    /// <returns>The trained classifier in eval mode (unsaved: <see cref="Sha256"/> is null).</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled; the partly trained network is disposed and no tensor stays live.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid; the message lists every failure.</exception>
    /// <exception cref="ArgumentException">Wrong image shape, or labels that do not match the images.</exception>
    public static EvaluationClassifier Train(IImageDataSource images, IReadOnlyList<int> labels, ClassifierTrainingOptions? options = null, long seed = 1, IProgress<ClassifierEpoch>? progress = null,
        CancellationToken cancellationToken = default)
    {
        TorchRuntime.EnsureLoaded();
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        options ??= new ClassifierTrainingOptions();
        new ClassifierTrainingOptionsValidator().ThrowIfInvalid(options);
        if (images.Shape != InputShape)
        {
            throw new ArgumentException($"The evaluation classifier trains on {InputShape} images; {images.Description} has {images.Shape}.", nameof(images));
        }

        if (labels.Count != images.Count)
        {
            throw new ArgumentException($"{images.Description} has {images.Count} images but {labels.Count} labels were given; expected one label per image.", nameof(labels));
        }

        int negative = labels.Select((l, i) => l < 0 ? i : -1).FirstOrDefault(i => i >= 0, -1);
        if (negative >= 0)
        {
            throw new ArgumentException($"The label at index {negative} is {labels[negative]}; labels are class indices 0, 1, ...", nameof(labels));
        }

        int classCount = labels.Count == 0 ? 0 : labels.Max() + 1;
        if (classCount < 2)
        {
            throw new ArgumentException($"The labels name {classCount} class(es) (largest label + 1); a classifier needs at least 2.", nameof(labels));
        }

        Device device = DeviceSelection.Resolve(options.Device);
        var network = new ClassifierNetwork(classCount);
        using (var init = new torch.Generator((ulong)SeedSequence.Derive(seed, InitStream)))
        {
            network.Initialize(init);
        }

        network.to(device);
        try
        {
            Fit(network, device, images.ReadAll(), labels, options, seed, progress, cancellationToken);
        }
        catch
        {
            network.Dispose();
            throw;
        }

        return new EvaluationClassifier(network, device, sha256: null);
    }

    private static void Fit(ClassifierNetwork network, Device device, ImageBatch data, IReadOnlyList<int> labels, ClassifierTrainingOptions options, long seed, IProgress<ClassifierEpoch>? progress, CancellationToken cancellationToken)
    {
        using Tensor allImages = ImageBatchTensors.ToTensor(data, CPU);                            // [N, 1, 28, 28] CPU
        using Tensor allLabels = torch.tensor(labels.Select(l => (long)l).ToArray());              // [N] int64
        using var augment = new torch.Generator((ulong)SeedSequence.Derive(seed, AugmentStream));
        var settings = new ClassifierTrainingSettings(
            options.Epochs, options.BatchSize, options.LearningRate, AdamBeta1, AdamBeta2, options.LearningRateDecay, seed);

        // A CPU batch [B, 1, 28, 28] -> logits [B, K]: seeded flips before the network, seeded dropout on the features.
        Tensor Forward(Tensor x)
        {
            int rows = (int)x.shape[0];
            if (options.HorizontalFlip)
            {
                Tensor flip = torch.rand([rows], generator: augment).lt(Scalars.Constant(0.5)).view(rows, 1, 1, 1); // [B, 1, 1, 1]
                x = torch.where(flip, x.flip(3), x);                                              // [B, 1, 28, 28]
            }

            Tensor features = network.Features(x.to(device));                                     // [B, 128]
            if (options.Dropout > 0)
            {
                Tensor keep = torch.rand([rows, FeatureDimension], generator: augment)
                    .ge(Scalars.Constant(options.Dropout)).to(float32).to(device);                                // [B, 128] 0/1
                features = features.mul(keep).div(Scalars.Constant(1.0 - options.Dropout));                          // [B, 128]
            }

            return network.Head(features);                                                        // [B, K]
        }

        ClassifierTrainer.Fit(network, device, allImages, allLabels, settings, Forward, validate: null,
            e => progress?.Report(new ClassifierEpoch
            {
                Epoch = e.Epoch,
                Epochs = e.Epochs,
                MeanLoss = e.MeanLossPerBatch,
                TrainAccuracy = e.TrainAccuracy,
                Elapsed = e.Elapsed,
            }),
            cancellationToken);
    }
}
