// `dcgan-experiments fid-reference`: reference statistics of a data set in a TorchScript extractor's feature space,
// written in pytorch-fid's .npz format (mu float64 [D], sigma float64 [D, D], np.cov's N - 1), plus the features
// themselves (feats, float32 [N, D]) that `fid` needs for KID and precision/recall, unless --no-features.
using System.CommandLine;
using System.Diagnostics;
using Dcgan.CommandLine;
using Dcgan.Data;
using Dcgan.Evaluation;
using Dcgan.Features;
using Dcgan.Interop;
using Spectre.Console;

namespace Dcgan.Experiments;

internal static class FidReferenceCommand
{
    private static readonly Option<string> Extractor = FidOptions.Extractor();

    private static readonly Option<string> Data = new("--data")
    {
        Description = "The real images: an IDX file or folder, CIFAR binaries, an LMDB folder, or a folder of PNG/JPEG images.",
        Required = true,
    };

    private static readonly Option<int?> ImageSize = new("--image-size") { Description = "Resize (centre crop) the images to this square size when reading; default: their own size." };

    private static readonly Option<int?> Count = new("--count") { Description = "Use the first N images, in order (as StyleGAN2-ADA's max_real). Default: all." };

    private static readonly Option<string> Output = new("--output") { Description = "The statistics file (.npz; pytorch-fid's mu and sigma).", Required = true };

    private static readonly Option<bool> NoFeatures = new("--no-features") { Description = "Write only mu and sigma (FID); without the feats array, `fid` cannot compute KID and precision/recall." };

    private static readonly Option<int> BatchSize = FidOptions.BatchSize();

    private static readonly Option<bool> Force = OutputPaths.ForceOption("the --output file");

    public static Command Create()
    {
        var command = new Command("fid-reference", "Reference statistics of a data set for `fid`, in pytorch-fid's .npz format (mu, sigma; plus feats for KID and precision/recall).")
        {
            Extractor, Data, ImageSize, Count, Output, NoFeatures, BatchSize, Force,
        };
        Interruptible.SetAction(command, Run);
        return command;
    }

    private static int Run(ParseResult parse, CancellationToken cancellation)
    {
        string output = OutputPaths.File(Output.Name, parse.GetValue(Output)!, "a NumPy archive", ".npz");
        OutputPaths.RefuseToReplace(Output.Name, parse.GetValue(Force), output);
        int batchSize = FidOptions.CheckedBatchSize(parse, BatchSize);
        IImageDataSource source = ImageDataSources.Open(parse.GetValue(Data)!, new ImageDataSourceOptions { ImageSize = parse.GetValue(ImageSize) });
        int count = parse.GetValue(Count) ?? source.Count;
        if (count < 2 || count > source.Count)
        {
            throw new ArgumentException($"--count {count} is out of range: expected 2 to {source.Count} (the images in --data).");
        }

        using TorchScriptFeatureExtractor extractor = FidOptions.Load(parse, Extractor);
        AnsiConsole.MarkupLine($"Features of {count} images ({source.Shape}) from {Markup.Escape(source.Description)} with {Markup.Escape(extractor.FilePath)} ...");
        var clock = Stopwatch.StartNew();
        FeatureMatrix features = StandardFeatures.FromDataSource(extractor, source, count, batchSize, cancellation);
        GaussianStatistics statistics = GaussianStatistics.FromFeatures(features);
        bool withFeatures = !parse.GetValue(NoFeatures);
        OutputPaths.CreateFolderOf(output);
        new FidStatisticsFile(statistics.Mean, statistics.Covariance, withFeatures ? features.Values : null, withFeatures ? features.Rows : 0).Write(output);
        AnsiConsole.MarkupLine($"{count} images, {features.Columns} features each, {clock.Elapsed.TotalSeconds:F1} s; wrote [blue]{Markup.Escape(output)}[/] (mu, sigma{(withFeatures ? ", feats" : "")})");
        return 0;
    }
}
