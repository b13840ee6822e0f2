// Options shared by `fid` and `fid-reference`: the TorchScript feature extractor and the batch size of its passes.
using System.CommandLine;
using Dcgan.Evaluation;

namespace Dcgan.Experiments;

internal static class FidOptions
{
    /// <summary>--extractor: the TorchScript file (required; nothing is downloaded).</summary>
    public static Option<string> Extractor() => new("--extractor")
    {
        Description = "TorchScript feature extractor called as model(images, return_features=True) on [N, 3, H, W] 8-bit levels: NVIDIA's inception-2015-12-05.pt for published FID/KID (download it yourself; nothing is fetched).",
        Required = true,
    };

    /// <summary>--batch-size: images per extractor pass.</summary>
    public static Option<int> BatchSize() => new("--batch-size")
    {
        Description = "Images per forward pass of the extractor.",
        DefaultValueFactory = _ => TorchScriptFeatureExtractor.DefaultBatchSize,
    };

    /// <summary>Loads the extractor and says which file it is.</summary>
    public static TorchScriptFeatureExtractor Load(ParseResult parse, Option<string> extractor) =>
        TorchScriptFeatureExtractor.Load(parse.GetValue(extractor)!);

    /// <summary>Checks --batch-size before any work.</summary>
    public static int CheckedBatchSize(ParseResult parse, Option<int> batchSize)
    {
        int value = parse.GetValue(batchSize);
        if (value is < 1 or > 4096)
        {
            throw new ArgumentException($"--batch-size {value} is out of range: expected 1 to 4096.");
        }

        return value;
    }
}
