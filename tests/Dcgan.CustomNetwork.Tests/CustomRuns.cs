// What the custom-network tests share: the shipped Fashion-MNIST test split (and its first 64 images), the MLP
// description, the trainer options, a registry holding the MLP kind, and bitwise weight snapshots.
using Dcgan.Core.Tests.Training;
using Dcgan.Data;
using Dcgan.Models;
using Dcgan.Training;
using TorchSharp;

namespace Dcgan.CustomNetwork.Tests;

internal static class CustomRuns
{
    public const int Images = 64;

    /// <summary>The shipped Fashion-MNIST test split (10,000 images).</summary>
    public static string DataFile => Path.Combine(AppContext.BaseDirectory, "data", "fashion-mnist", "t10k-images-idx3-ubyte.gz");

    /// <summary>Its first 64 images: 4 steps of 16 per epoch.</summary>
    public static IImageDataSource Data() => new SubsetDataSource(IdxImageDataSource.Open(DataFile), Images);

    public static MlpGanDescription Description => new() { LatentDimension = 8, HiddenWidth = 32, DiscriminatorWidth = 4 };

    public static NetworkDescription Described => new MlpGanBuilder().Describe(Description);

    public static NetworkBuilderRegistry Registry() => new NetworkBuilderRegistry().Register(new MlpGanBuilder());

    public static GanTrainerSetup Setup(int epochs, params GanCallback[] callbacks) => new()
    {
        Options = new GanTrainerOptions { Epochs = epochs, BatchSize = 16, Seed = 11, Device = "cpu", FixedSampleCount = 4 },
        Callbacks = callbacks,
    };

    public static string NewFolder(string name)
    {
        string folder = Path.Combine(Path.GetTempPath(), "dcgan-custom-tests", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Every state-dict value as float bits, keys in ordinal order.</summary>
    public static uint[] Bits(torch.nn.Module module) =>
        module.state_dict().OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .SelectMany(kv => kv.Value.cpu().to_type(torch.ScalarType.Float32).data<float>().ToArray())
            .Select(BitConverter.SingleToUInt32Bits).ToArray();
}

/// <summary>Asks the trainer to stop once <paramref name="steps"/> steps of the run are done.</summary>
internal sealed class StopAfter(long steps) : GanCallback
{
    public override void OnGeneratorStepEnd(GanStepArguments arguments)
    {
        if (arguments.Position.GlobalStep + 1 >= steps)
        {
            arguments.Trainer.RequestStop();
        }
    }
}
