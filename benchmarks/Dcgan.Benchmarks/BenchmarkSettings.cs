// The settings of one benchmark run: what is trained (shared by both loops) and how long it is measured.
using Dcgan.Models;

namespace Dcgan.Benchmarks;

/// <summary>What both loops train and how many rounds/steps are timed.</summary>
/// <param name="Rounds">Timed rounds; each round runs both loops once.</param>
/// <param name="Steps">Training steps (batches) per loop per round.</param>
/// <param name="WarmupSteps">Untimed steps of each loop before the first round.</param>
/// <param name="DataPath">The IDX image file (Fashion-MNIST test split by default).</param>
internal sealed record BenchmarkSettings(int Rounds, int Steps, int WarmupSteps, string DataPath)
{
    /// <summary>Default rounds: with <see cref="DefaultSteps"/> the whole run takes about 2-3 minutes on 2 cores.</summary>
    public const int DefaultRounds = 8;

    /// <summary>Default steps per loop per round (about 7-8 s of training each on 2 cores).</summary>
    public const int DefaultSteps = 20;

    /// <summary>Default untimed steps of each loop before round 1.</summary>
    public const int DefaultWarmupSteps = 3;

    /// <summary>Side of the square images: Fashion-MNIST's 28x28 resized to 32x32.</summary>
    public const int ImageSize = 32;

    /// <summary>Images per batch (the paper's 128).</summary>
    public const int BatchSize = 128;

    /// <summary>Seed of both pairs of networks (so they start from identical weights) and of the data order.</summary>
    public const long Seed = 1;

    /// <summary>Adam settings of both loops (the paper's).</summary>
    public const double LearningRate = 2e-4, Beta1 = 0.5, Beta2 = 0.999;

    /// <summary>The shipped Fashion-MNIST test split, copied next to the executable by the build.</summary>
    public static string DefaultDataPath =>
        Path.Combine(AppContext.BaseDirectory, "data", "fashion-mnist", "t10k-images-idx3-ubyte.gz");

    /// <summary>The architecture both loops train: pytorch/examples' DCGAN at 32x32x1, ngf = ndf = 64.</summary>
    public static DcganModelOptions Architecture()
    {
        DcganModelOptions options = DcganModelOptions.PyTorchExample(imageSize: ImageSize, channels: 1);
        options.GeneratorWidth = 64;
        options.DiscriminatorWidth = 64;
        return options;
    }
}
