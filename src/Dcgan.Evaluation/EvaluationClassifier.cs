// EvaluationClassifier: the frozen evaluation classifier (the shipped one is trained on Fashion-MNIST) whose 128-d
// features are the space for FD, precision/recall and memorization, and whose predictions label generated samples.
// Inference, saving and loading live here; the training loop is in EvaluationClassifier.Training.cs.
using System.Security.Cryptography;
using Dcgan.Data;
using Dcgan.Features;
using Dcgan.Models;
using Dcgan.Native;
using Dcgan.Persistence;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Evaluation;

/// <summary>
/// A small CNN for 1x28x28 images in [-1, 1] (conv32 - pool - conv64 - pool - FC128 - FC(classes), batch norm after each
/// convolution): <see cref="Features(ImageBatch)"/> gives its 128-d penultimate activations, <see cref="Predict"/> and
/// <see cref="Probabilities(ImageBatch)"/> its class decisions. Train it once with <see cref="Train"/>, <see cref="Save"/> it, and
/// evaluate with <see cref="Load"/>: a weights file is identified by its SHA-256 (<see cref="Sha256"/>).
/// </summary>
/// <remarks>Inference always runs in eval mode (batch-norm population statistics) without autograd; all results are managed values.</remarks>
public sealed partial class EvaluationClassifier : IImageClassifier, IDisposable
{
    /// <summary>Length of the feature vectors returned by <see cref="Features(ImageBatch)"/>.</summary>
    public const int FeatureDimension = ClassifierNetwork.FeatureDimension;

    /// <summary>The image shape the classifier accepts.</summary>
    public static readonly ImageShape InputShape = new(1, ClassifierNetwork.ImageSide, ClassifierNetwork.ImageSide);

    private const int InferenceBatch = 500;

    private readonly ClassifierNetwork _network;
    private readonly Device _device;

    private EvaluationClassifier(ClassifierNetwork network, Device device, string? sha256)
    {
        _network = network;
        _device = device;
        Sha256 = sha256;
        _network.eval();
    }

    /// <summary>
    /// SHA-256 (upper-case hex) of the weights file this classifier was loaded from or last saved to;
    /// <see langword="null"/> for a freshly trained classifier that has not been saved.
    /// </summary>
    public string? Sha256 { get; private set; }

    /// <summary>
    /// Loads a classifier saved by <see cref="Save"/>, checking the file's SHA-256 when <paramref name="expectedSha256"/> is given.
    /// </summary>
    /// <param name="path">The weights file.</param>
    /// <param name="expectedSha256">The SHA-256 (hex, any case) the file must have, or <see langword="null"/> to skip the check. The default value is <see langword="null"/>.</param>
    /// <param name="device">"auto", "cpu", "cuda" or "cuda:N". The default value is "cpu".</param>
    /// <returns>The classifier, in eval mode.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="CheckpointException">The hash differs, or the weights do not fit the network.</exception>
    public static EvaluationClassifier Load(string path, string? expectedSha256 = null, string device = "cpu")
    {
        TorchRuntime.EnsureLoaded();
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"Evaluation classifier weights '{full}' do not exist; train them with `dcgan-experiments train-classifier`.", full);
        }

        byte[] bytes = File.ReadAllBytes(full);
        string sha = Convert.ToHexString(SHA256.HashData(bytes));
        if (expectedSha256 is not null && !string.Equals(sha, expectedSha256.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            throw new CheckpointException($"Evaluation classifier '{full}' has SHA-256 {sha}; expected {expectedSha256}. The file is not the frozen classifier.");
        }

        Device target = DeviceSelection.Resolve(device);
        var network = new ClassifierNetwork(ClassifierNetwork.ClassCountOf(bytes, full)); // the file says its class count
        LoadWeights(network, bytes, full);                                          // on the CPU, then move
        network.to(target);
        return new EvaluationClassifier(network, target, sha);
    }

    // TorchSharp's strict load: unknown, missing or differently shaped keys throw (the network is a throwaway then).
    private static void LoadWeights(ClassifierNetwork network, byte[] bytes, string file)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
            network.load(reader, strict: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or EndOfStreamException or IOException)
        {
            network.Dispose();
            throw new CheckpointException($"Evaluation classifier '{file}' does not load: {e.Message}", e);
        }
    }

    /// <summary>
    /// Writes the weights (TorchSharp state-dict format) to <paramref name="path"/> atomically: a temporary file in the
    /// same folder, flushed to disk, then renamed over the target.
    /// </summary>
    /// <param name="path">The weights file; its folder is created if missing.</param>
    /// <returns>The file's SHA-256 (upper-case hex), also kept in <see cref="Sha256"/>.</returns>
    public string Save(string path)
    {
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        byte[] bytes;
        using (var cpu = new ClassifierNetwork(ClassCount))
        {
            cpu.load_state_dict(_network.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.cpu()));
            using var buffer = new MemoryStream();
            using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                cpu.save(writer); // TorchSharp's state-dict format
            }

            bytes = buffer.ToArray();
        }

        string temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                file.Write(bytes);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }

        Sha256 = Convert.ToHexString(SHA256.HashData(bytes));
        return Sha256;
    }

    /// <summary>The 128-d penultimate features (after the ReLU of FC128) of every image.</summary>
    /// <param name="images">1x28x28 images in [-1, 1].</param>
    /// <returns>A [Count, 128] matrix.</returns>
    /// <exception cref="ArgumentException">The images are not 1x28x28.</exception>
    public FeatureMatrix Features(ImageBatch images) => Features(images, CancellationToken.None);

    /// <summary>The 128-d penultimate features of every image; cancellable.</summary>
    /// <param name="images">1x28x28 images in [-1, 1].</param>
    /// <param name="cancellationToken">Checked before every inference batch.</param>
    /// <returns>A [Count, 128] matrix.</returns>
    /// <exception cref="ArgumentException">The images are not 1x28x28.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; no tensor stays live.</exception>
    public FeatureMatrix Features(ImageBatch images, CancellationToken cancellationToken) =>
        Run(images, FeatureDimension, x => _network.Features(x), cancellationToken);

    /// <summary>Softmax class probabilities of every image.</summary>
    /// <param name="images">1x28x28 images in [-1, 1].</param>
    /// <returns>A [Count, <see cref="ClassCount"/>] matrix; each row sums to 1.</returns>
    public FeatureMatrix Probabilities(ImageBatch images) => Probabilities(images, CancellationToken.None);

    /// <summary>Softmax class probabilities of every image; cancellable.</summary>
    /// <param name="images">1x28x28 images in [-1, 1].</param>
    /// <param name="cancellationToken">Checked before every inference batch.</param>
    /// <returns>A [Count, <see cref="ClassCount"/>] matrix; each row sums to 1.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled; no tensor stays live.</exception>
    public FeatureMatrix Probabilities(ImageBatch images, CancellationToken cancellationToken) =>
        Run(images, ClassCount, x => _network.forward(x).softmax(1), cancellationToken);

    /// <summary>The most probable class of every image.</summary>
    /// <param name="images">1x28x28 images in [-1, 1].</param>
    /// <returns>One label in [0, <see cref="ClassCount"/>) per image.</returns>
    public int[] Predict(ImageBatch images) =>
        ImageClassifierExtensions.Decisions(Probabilities(images)).Select(d => d.Label).ToArray();

    /// <summary>Fraction of images whose predicted class equals the label.</summary>
    /// <param name="images">1x28x28 images in [-1, 1].</param>
    /// <param name="labels">One label per image.</param>
    /// <returns>The accuracy in [0, 1].</returns>
    public double Accuracy(ImageBatch images, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        int[] predicted = Predict(images);
        if (labels.Count != predicted.Length)
        {
            throw new ArgumentException($"{labels.Count} labels for {predicted.Length} images.", nameof(labels));
        }

        return predicted.Where((p, i) => p == labels[i]).Count() / (double)Math.Max(1, predicted.Length);
    }

    /// <inheritdoc />
    ImageShape IImageClassifier.InputShape => InputShape;

    /// <summary>Number of classes: read from the weights file by <see cref="Load"/>, from the labels by <see cref="Train"/>.</summary>
    public int ClassCount => _network.ClassCount;

    /// <inheritdoc />
    public void Dispose() => _network.Dispose();

    private FeatureMatrix Run(ImageBatch images, int columns, Func<Tensor, Tensor> head, CancellationToken cancellationToken)
    {
        RequireInputShape(images);
        var values = new float[(long)images.Count * columns];
        using var noGrad = torch.no_grad();
        for (int start = 0; start < images.Count; start += InferenceBatch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int rows = Math.Min(InferenceBatch, images.Count - start);
            using var scope = torch.NewDisposeScope();
            Tensor x = ImageBatchTensors.ToTensor(images, start, rows, _device);   // [B, 1, 28, 28]
            Tensor output = head(x).to(float32).cpu().contiguous();           // [B, columns]
            output.data<float>().CopyTo(values.AsSpan(start * columns, rows * columns));
        }

        return new FeatureMatrix(values, images.Count, columns);
    }

    private static void RequireInputShape(ImageBatch images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Shape != InputShape)
        {
            throw new ArgumentException($"The evaluation classifier takes {InputShape} images; got {images.Shape}. Generate 28x28 grayscale samples, or resize them first.", nameof(images));
        }
    }
}
