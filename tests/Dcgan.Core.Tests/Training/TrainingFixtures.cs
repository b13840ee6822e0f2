using Dcgan.Data;
using Dcgan.Models;
using Dcgan.Training;

namespace Dcgan.Core.Tests.Training;

/// <summary>Tiny networks on a small slice of the real Fashion-MNIST test split shipped in the repository.</summary>
internal static class TrainingFixtures
{
    private static readonly Lazy<IdxImageDataSource> Fashion = new(() =>
        IdxImageDataSource.Open(Path.Combine(RepositoryData(), "t10k-images-idx3-ubyte.gz")));

    public static IImageDataSource FashionSubset(int count) => new SubsetDataSource(Fashion.Value, count);

    public static DcganModelOptions TinyArchitecture() => new DcganModelOptions
    {
        ImageSize = 28,
        Channels = 1,
        LatentDimension = 8,
        GeneratorWidth = 4,
        DiscriminatorWidth = 4,
    };

    public static GanTrainerOptions FastOptions(int epochs = 2, int batchSize = 16, long seed = 7) => new()
    {
        Epochs = epochs,
        BatchSize = batchSize,
        Seed = seed,
        Device = "cpu",
        FixedSampleCount = 4,
    };

    public static GanTrainerSetup Setup(GanTrainerOptions options, params GanCallback[] callbacks) => new()
    {
        Options = options,
        Callbacks = callbacks,
    };

    /// <summary>A setup by names: optimizer "Adam" or "RMSprop", step "D-then-G" or "2 critic updates".</summary>
    public static GanTrainerSetup Setup(string optimizer, string step, GanTrainerOptions options, params GanCallback[] callbacks) => new()
    {
        Options = options,
        OptimizerFactory = optimizer switch
        {
            "Adam" => new AdamOptimizerFactory(),
            "RMSprop" => new RmsPropOptimizerFactory(),
            _ => throw new ArgumentOutOfRangeException(nameof(optimizer), optimizer, null),
        },
        Step = step switch
        {
            "D-then-G" => new DiscriminatorThenGeneratorStep(),
            "2 critic updates" => new CriticUpdatesStep(2),
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
        },
        Callbacks = callbacks,
    };

    public static (DcganGenerator, DcganDiscriminator) Models(long seed = 7) => DcganModels.Create(TinyArchitecture(), seed);

    /// <summary>The raw bit patterns of floats: compare these where exactness is claimed (NaN never equals NaN here
    /// unless the bits are the same, and -0 differs from +0).</summary>
    public static uint[] Bits(float[] values) => values.Select(BitConverter.SingleToUInt32Bits).ToArray();

    public static float[] Flatten(TorchSharp.torch.nn.Module module) =>
        module.state_dict().OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .SelectMany(kv => kv.Value.to_type(TorchSharp.torch.ScalarType.Float32).data<float>().ToArray()).ToArray();

    private static string RepositoryData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "data", "fashion-mnist");
            if (File.Exists(Path.Combine(candidate, "t10k-images-idx3-ubyte.gz")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("data/fashion-mnist/t10k-images-idx3-ubyte.gz not found above " + AppContext.BaseDirectory);
    }
}
