// SemanticHashModel: trains the paper's de-noising, dropout-regularised ReLU autoencoder on a data source (streamed,
// seeded, CPU-deterministic) and turns images into binary codes by thresholding the code layer's ReLUs.
using System.Diagnostics;
using Dcgan.Data;
using Dcgan.Training;
using Dcgan.Evaluation;
using Dcgan.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Deduplication;

/// <summary>
/// The semantic hash of the paper (section 4.1): an autoencoder (3 x CropSize^2 - CodeSize - 3 x CropSize^2, by default
/// 3072-128-3072) trained on the data's centre crops to reconstruct each image from a noisy copy with dropout on the code
/// layer; an image's code sets bit k when code unit k's ReLU is above <see cref="SemanticHashOptions.CodeThreshold"/>.
/// Each input is registered by its centre of mass and standardised by its own mean and deviation (so shifted, brighter
/// or higher-contrast copies give the same input), and centred by the mean training input (so that a mostly constant
/// background does not dominate the code layer's pre-activations); see <see cref="SemanticHashInput"/>.
/// Images are read a batch at a time (see <see cref="SemanticHashInput"/> for the crop and the grey-to-RGB choice), so
/// memory does not grow with the data. Dispose the model to free its native weights.
/// </summary>
public sealed class SemanticHashModel : IDisposable
{
    private const long InitStream = 21;   // weight initialisation
    private const long ShuffleStream = 22; // per-epoch image order
    private const long NoiseStream = 23;  // input noise and code dropout
    private const int EncodeBatch = 1024; // images per encoding batch

    private readonly SemanticAutoencoder _network;
    private readonly Device _device;
    private readonly SemanticHashOptions _options;
    private readonly Tensor _mean; // [D] the mean training input, subtracted from every input (owned, disposed with the model)
    private bool _disposed;

    private SemanticHashModel(SemanticAutoencoder network, Tensor mean, Device device, SemanticHashOptions options, double[] losses)
    {
        _mean = mean;
        _network = network;
        _device = device;
        _options = options;
        EpochLosses = losses;
    }

    /// <summary>Mean reconstruction loss of every training epoch.</summary>
    public IReadOnlyList<double> EpochLosses { get; }

    /// <summary>Bits of a code (<see cref="SemanticHashOptions.CodeSize"/>).</summary>
    public int CodeBits => _options.CodeSize;

    /// <summary>
    /// Trains the autoencoder on <paramref name="source"/>. On the CPU the weights are a bitwise deterministic function
    /// of the images, the options and <see cref="SemanticHashOptions.Seed"/>.
    /// </summary>
    /// <param name="source">Grey or RGB images, at least one.</param>
    /// <param name="options">Settings; <see langword="null"/> uses the defaults. The default value is <see langword="null"/>.</param>
    /// <param name="progress">Receives a report after every epoch, or <see langword="null"/>. The default value is <see langword="null"/>.</param>
    /// <param name="cancellationToken">Checked before every batch (of the mean pass and of training). The default value is <see cref="CancellationToken.None"/>.</param>
    /// <returns>The trained model (the caller disposes it).</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled; the network is disposed and no tensor stays live.</exception>
    /// <exception cref="ArgumentException">The source is empty or not 1- or 3-channel.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid.</exception>
    public static SemanticHashModel Train(IImageDataSource source, SemanticHashOptions? options = null, IProgress<SemanticHashEpoch>? progress = null,
        CancellationToken cancellationToken = default)
    {
        TorchRuntime.EnsureLoaded();
        options ??= new SemanticHashOptions();
        new SemanticHashOptionsValidator().ThrowIfInvalid(options);
        SemanticHashInput.Require(source);
        Device device = DeviceSelection.Resolve(options.Device);
        var network = new SemanticAutoencoder(SemanticHashInput.Length(options.CropSize), options.CodeSize);
        try
        {
            using (var init = new torch.Generator((ulong)SeedSequence.Derive(options.Seed, InitStream)))
            {
                network.Initialize(init);
            }

            network.to(device);
            Tensor mean;
            using (var scope = torch.NewDisposeScope())
            {
                mean = MeanInput(source, options, cancellationToken).to(device).DetachFromDisposeScope();               // [D]
            }

            try
            {
                double[] losses = Fit(network, mean, device, source, options, progress, cancellationToken);
                network.eval();
                return new SemanticHashModel(network, mean, device, options, losses);
            }
            catch
            {
                mean.Dispose();
                throw;
            }
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>The code of every image of <paramref name="source"/>, in index order (bit k = code unit k active).</summary>
    /// <param name="source">Grey or RGB images, at least one (not necessarily the training images).</param>
    /// <param name="cancellationToken">Checked before every batch. The default value is <see cref="CancellationToken.None"/>.</param>
    /// <returns>One code per image, in the low <see cref="CodeBits"/> bits.</returns>
    /// <exception cref="ArgumentException">The source is empty or not 1- or 3-channel.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public UInt128[] Encode(IImageDataSource source, CancellationToken cancellationToken = default)
    {
        SemanticHashInput.Require(source);
        ObjectDisposedException.ThrowIf(_disposed, this);
        int length = SemanticHashInput.Length(_options.CropSize);
        var codes = new UInt128[source.Count];
        int[] all = Enumerable.Range(0, source.Count).ToArray();
        using var noGrad = torch.no_grad();
        for (int start = 0; start < source.Count; start += EncodeBatch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int rows = Math.Min(EncodeBatch, source.Count - start);
            using var scope = torch.NewDisposeScope();
            float[] pixels = SemanticHashInput.Read(source, all.AsSpan(start, rows), _options);
            Tensor x = torch.tensor(pixels, [rows, length]).to(_device) - _mean;                // [B, D] centred
            Tensor active = _network.Encode(x).gt(Scalars.Constant(_options.CodeThreshold)).to(uint8).cpu();       // [B, K] 0/1
            byte[] bits = active.data<byte>().ToArray();
            for (int n = 0; n < rows; n++)
            {
                UInt128 code = UInt128.Zero;
                for (int k = 0; k < _options.CodeSize; k++)
                {
                    if (bits[n * _options.CodeSize + k] != 0)
                    {
                        code |= UInt128.One << k;
                    }
                }

                codes[start + n] = code;
            }
        }

        return codes;
    }

    /// <summary>All weights and biases as one array (state-dict order), for comparisons.</summary>
    internal float[] ParameterValues()
    {
        using var scope = torch.NewDisposeScope();
        return _network.parameters().SelectMany(p => p.detach().cpu().data<float>().ToArray()).ToArray();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        _mean.Dispose();
        _network.Dispose();
    }

    /// <summary>The mean prepared input over the source, [D] on the CPU (one streaming pass, accumulated in double).</summary>
    private static Tensor MeanInput(IImageDataSource source, SemanticHashOptions options, CancellationToken cancellationToken)
    {
        int length = SemanticHashInput.Length(options.CropSize);
        var sum = new double[length];
        int[] all = Enumerable.Range(0, source.Count).ToArray();
        for (int start = 0; start < source.Count; start += EncodeBatch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int rows = Math.Min(EncodeBatch, source.Count - start);
            float[] pixels = SemanticHashInput.Read(source, all.AsSpan(start, rows), options);
            for (int i = 0; i < pixels.Length; i++)
            {
                sum[i % length] += pixels[i];
            }
        }

        return torch.tensor(sum.Select(v => (float)(v / source.Count)).ToArray());
    }

    private static double[] Fit(SemanticAutoencoder network, Tensor mean, Device device, IImageDataSource source, SemanticHashOptions options, IProgress<SemanticHashEpoch>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        int count = source.Count;
        int length = SemanticHashInput.Length(options.CropSize);
        using var noise = new torch.Generator((ulong)SeedSequence.Derive(options.Seed, NoiseStream));
        using var optimizer = new Dcgan.Training.Adam(network.parameters(), options.LearningRate);
        var losses = new double[options.Epochs];
        network.train();
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            int[] order = ImageSets.RandomSubset(count, count, (int)SeedSequence.Derive(SeedSequence.Derive(options.Seed, ShuffleStream), epoch));
            double lossSum = 0;
            int batches = 0;
            for (int start = 0; start < count; start += options.BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();                                           // between steps
                int rows = Math.Min(options.BatchSize, count - start);
                using var scope = torch.NewDisposeScope();
                float[] pixels = SemanticHashInput.Read(source, order.AsSpan(start, rows), options);
                Tensor clean = torch.tensor(pixels, [rows, length]).to(device) - mean;                       // [B, D] centred
                Tensor noisy = clean.Plus(torch.randn([rows, length], generator: noise).to(device).mul(Scalars.Constant(options.InputNoise))); // [B, D]
                Tensor code = network.Encode(noisy);                                                         // [B, K]
                if (options.Dropout > 0)
                {
                    Tensor keep = torch.rand([rows, options.CodeSize], generator: noise)
                        .ge(Scalars.Constant(options.Dropout)).to(float32).to(device);                        // [B, K] 0/1
                    code = code.mul(keep).div(Scalars.Constant(1.0 - options.Dropout));                                          // [B, K]
                }

                Tensor loss = nn.functional.mse_loss(network.Decode(code), clean);                           // []
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                lossSum += loss.item<float>();
                batches++;
            }

            losses[epoch] = lossSum / batches;
            progress?.Report(new SemanticHashEpoch { Epoch = epoch + 1, Epochs = options.Epochs, MeanLoss = losses[epoch], Elapsed = clock.Elapsed });
        }

        return losses;
    }
}
