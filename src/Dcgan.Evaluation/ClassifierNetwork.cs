// ClassifierNetwork: the evaluation classifier's CNN for 1x28x28 images. State-dict keys (the weights-file format):
//   features.0  Conv2d(1 -> 32, 3x3, pad 1)      [N, 32, 28, 28]
//   features.1  BatchNorm2d(32) ; .2 ReLU ; .3 MaxPool2d(2)          [N, 32, 14, 14]
//   features.4  Conv2d(32 -> 64, 3x3, pad 1)     [N, 64, 14, 14]
//   features.5  BatchNorm2d(64) ; .6 ReLU ; .7 MaxPool2d(2)          [N, 64, 7, 7]
//   features.8  Flatten                          [N, 3136]
//   features.9  Linear(3136 -> 128) ; .10 ReLU   [N, 128]   <- the 128-d evaluation features
//   head        Linear(128 -> 10)                [N, 10]    logits
// About 421k parameters (1.7 MB of float32).
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

    /// <summary>Number of classes.</summary>
    public const int ClassCount = 10;

    private readonly Sequential features;
    private readonly Linear head;

    public ClassifierNetwork()
        : base(nameof(ClassifierNetwork))
    {
        features = nn.Sequential(
            nn.Conv2d(1, 32, 3, padding: 1L),
            nn.BatchNorm2d(32),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding: 1L),
            nn.BatchNorm2d(64),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Flatten(),
            nn.Linear(64 * 7 * 7, FeatureDimension),
            nn.ReLU());
        head = nn.Linear(FeatureDimension, ClassCount);
        RegisterComponents();
    }

    /// <summary>Images [N, 1, 28, 28] to features [N, 128].</summary>
    public Tensor Features(Tensor images) => features.forward(images);

    /// <summary>Features [N, 128] to logits [N, 10].</summary>
    public Tensor Head(Tensor featureBatch) => head.forward(featureBatch);

    /// <summary>Images [N, 1, 28, 28] to logits [N, 10].</summary>
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
}
