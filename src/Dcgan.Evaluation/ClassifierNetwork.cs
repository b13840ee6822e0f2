// ClassifierNetwork: the evaluation classifier's CNN for 1x28x28 images. State-dict keys (the weights-file format):
//   features.0  Conv2d(1 -> 32, 3x3, pad 1)      [N, 32, 28, 28]
//   features.1  BatchNorm2d(32) ; .2 ReLU ; .3 MaxPool2d(2)          [N, 32, 14, 14]
//   features.4  Conv2d(32 -> 64, 3x3, pad 1)     [N, 64, 14, 14]
//   features.5  BatchNorm2d(64) ; .6 ReLU ; .7 MaxPool2d(2)          [N, 64, 7, 7]
//   features.8  Flatten                          [N, 3136]
//   features.9  Linear(3136 -> 128) ; .10 ReLU   [N, 128]   <- the 128-d evaluation features
//   head        Linear(128 -> K)                 [N, K]     logits, K = the class count (10 for Fashion-MNIST)
// About 421k parameters (1.7 MB of float32) with K = 10. A weights file says its K: the shape of head.bias.
using Dcgan.Models;
using Dcgan.Persistence;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dcgan.Evaluation;

/// <summary>The evaluation CNN: <c>features</c> (images to 128-d) and <c>head</c> (128-d to class logits).</summary>
internal sealed class ClassifierNetwork : nn.Module<Tensor, Tensor>
{
    /// <summary>Side of the square input images.</summary>
    public const int ImageSide = 28;

    /// <summary>Length of the penultimate feature vector.</summary>
    public const int FeatureDimension = 128;

    private const string HeadBias = "head.bias";

    private readonly Sequential features;
    private readonly Linear head;

    /// <summary>Builds the network with <paramref name="classCount"/> outputs (TorchSharp's default initialisation).</summary>
    public ClassifierNetwork(int classCount)
        : base(nameof(ClassifierNetwork))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        ClassCount = classCount;
        features = nn.Sequential(
            nn.Conv2d(1, 32, 3, padding: 1L),
            new ScalarSafeBatchNorm2d(32),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding: 1L),
            new ScalarSafeBatchNorm2d(64),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Flatten(),
            nn.Linear(64 * 7 * 7, FeatureDimension),
            nn.ReLU());
        head = nn.Linear(FeatureDimension, classCount);
        RegisterComponents();
    }

    /// <summary>Images [N, 1, 28, 28] to features [N, 128].</summary>
    public Tensor Features(Tensor images) => features.forward(images);

    /// <summary>Number of classes: the head's output width.</summary>
    public int ClassCount { get; }

    /// <summary>Features [N, 128] to logits [N, K].</summary>
    public Tensor Head(Tensor featureBatch) => head.forward(featureBatch);

    /// <summary>Images [N, 1, 28, 28] to logits [N, K].</summary>
    public override Tensor forward(Tensor input) => head.forward(features.forward(input));

    /// <summary>
    /// Seeded re-initialisation with PyTorch's default scheme (uniform in +-1/sqrt(fan_in) for weights and biases of
    /// convolutions and linear layers; batch norm at weight 1, bias 0), drawing from <paramref name="generator"/> only.
    /// </summary>
    public void Initialize(torch.Generator generator)
    {
        using var noGrad = torch.no_grad();
        foreach (nn.Module module in modules())
        {
            (Tensor? weight, Tensor? bias) = module switch
            {
                Conv2d conv => (conv.weight, conv.bias),
                Linear linear => (linear.weight, linear.bias),
                _ => (null, null),
            };
            if (weight is null)
            {
                continue;
            }

            long fanIn = weight.shape.Skip(1).Aggregate(1L, (a, b) => a * b);
            double bound = 1.0 / Math.Sqrt(fanIn);
            weight.uniform_(-bound, bound, generator);
            bias?.uniform_(-bound, bound, generator);
        }
    }

    /// <summary>
    /// The class count of a weights file written by <c>save</c> (TorchSharp's format: a LEB128 entry count, then per
    /// entry its key, dtype, rank, dimensions and raw bytes): the length of <c>head.bias</c>.
    /// </summary>
    /// <param name="weights">The file's bytes.</param>
    /// <param name="file">The file, for messages.</param>
    /// <exception cref="CheckpointException">The bytes are not such a file, or have no <c>head.bias</c> of rank 1.</exception>
    public static int ClassCountOf(byte[] weights, string file)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(weights, writable: false));
            long entries = Leb128(reader);
            for (long e = 0; e < entries; e++)
            {
                string key = reader.ReadString();
                var type = (ScalarType)Leb128(reader);
                long[] shape = new long[Leb128(reader)];
                for (int d = 0; d < shape.Length; d++)
                {
                    shape[d] = Leb128(reader);
                }

                if (key == HeadBias)
                {
                    return shape.Length == 1 && shape[0] is >= 2 and <= int.MaxValue
                        ? (int)shape[0]
                        : throw new CheckpointException($"Evaluation classifier '{file}': {HeadBias} has shape [{string.Join(", ", shape)}]; expected [K] with K >= 2 classes.");
                }

                using Tensor probe = torch.empty(1, type);
                reader.BaseStream.Seek(checked(shape.Aggregate(1L, (a, b) => a * b) * probe.ElementSize), SeekOrigin.Current);
            }
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or OverflowException or ArgumentException)
        {
            throw new CheckpointException($"Evaluation classifier '{file}' is not a TorchSharp weights file: {e.Message}", e);
        }

        throw new CheckpointException($"Evaluation classifier '{file}' has no {HeadBias} entry; it is not an evaluation classifier's weights file.");
    }

    // An unsigned LEB128 integer (7 bits per byte, low groups first), TorchSharp's encoding of counts and dimensions.
    private static long Leb128(BinaryReader reader)
    {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte b = reader.ReadByte();
            value |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new IOException("A LEB128 integer is longer than 64 bits.");
    }
}
