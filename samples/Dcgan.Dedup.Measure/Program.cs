// dcgan-dedup-measure: the measurement behind docs/deduplication.md. For one method it finds the duplicate groups of a
// data source, prints counts, timings and the pixel-distance comparison, and writes a JSON summary, a sheet of 100
// groups drawn with a fixed seed and a sheet of the largest groups. For the semantic method it also groups the same
// codes at Hamming distances 0 to 4, and encodes planted copies (200 images of the shipped Fashion-MNIST test split
// with 5 exact, noisy, shifted and brightened copies each, as in the tests) with the same model.
// Usage: dcgan-dedup-measure DATA METHOD OUTDIR [SEMANTIC-EPOCHS [MAX-DISTANCE]]
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dcgan.Data;
using Dcgan.Data.Tests.Deduplication;
using Dcgan.Deduplication;

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: dcgan-dedup-measure DATA exact|perceptual|semantic OUTDIR [SEMANTIC-EPOCHS [MAX-DISTANCE]]");
    return 2;
}

using IImageDataSource source = ImageDataSources.Open(args[0]);
var options = new DeduplicationOptions { Method = Enum.Parse<DeduplicationMethod>(args[1], ignoreCase: true) };
if (args.Length > 3)
{
    options.Semantic.Epochs = int.Parse(args[3], CultureInfo.InvariantCulture);
}

if (args.Length > 4)
{
    options.PerceptualMaxDistance = int.Parse(args[4], CultureInfo.InvariantCulture);
    options.SemanticMaxDistance = options.PerceptualMaxDistance;
}

string output = Directory.CreateDirectory(args[2]).FullName;
Console.WriteLine($"{source.Description}; method {options.Method}; {Environment.ProcessorCount} cores");
var progress = new Progress<SemanticHashEpoch>(e => Console.WriteLine($"  autoencoder epoch {e.Epoch}/{e.Epochs}: loss {e.MeanLoss:F5}, {e.Elapsed.TotalSeconds:F1} s"));
DeduplicationReport report;
object? semanticExtras = null;
if (options.Method == DeduplicationMethod.Semantic)
{
    // Deduplicator.Find's semantic path, kept open so that one model serves every distance and the planted copies.
    var clock = Stopwatch.StartNew();
    using SemanticHashModel model = SemanticHashModel.Train(source, options.Semantic, progress);
    double training = clock.Elapsed.TotalSeconds;
    clock.Restart();
    UInt128[] codes = model.Encode(source);
    double hashing = clock.Elapsed.TotalSeconds;
    clock.Restart();
    IReadOnlyList<DuplicateGroup> groups = DuplicateGroups.FromCodes(source, codes, model.CodeBits, options.SemanticMaxDistance);
    report = new DeduplicationReport
    {
        Method = options.Method,
        Source = source.Description,
        ImageCount = source.Count,
        CodeBits = model.CodeBits,
        MaxDistance = options.SemanticMaxDistance,
        Groups = groups,
        TrainingSeconds = training,
        HashSeconds = hashing,
        GroupingSeconds = clock.Elapsed.TotalSeconds,
        TrainingLosses = model.EpochLosses,
    };
    semanticExtras = SemanticExtras(source, codes, model);
}
else
{
    report = Deduplicator.Find(source, options);
}

DuplicateDistanceComparison distances = DuplicateDistanceComparison.Measure(source, report.Groups, pairCount: 10_000, seed: 1);
Console.WriteLine($"groups {report.Groups.Count}, images in groups {report.Groups.Sum(g => g.Size)}, removed {report.RemovedCount} of {report.ImageCount}, " +
    $"largest {(report.Groups.Count > 0 ? report.Groups.Max(g => g.Size) : 0)} (distance {report.MaxDistance})");
Console.WriteLine($"seconds: training {report.TrainingSeconds:F1}, hashing {report.HashSeconds:F1}, grouping {report.GroupingSeconds:F1}");
Console.WriteLine($"within groups: {distances.WithinGroups}");
Console.WriteLine($"random pairs:  {distances.RandomPairs}");
Console.WriteLine($"fraction of within-group distances below the random pairs' 1st percentile: {distances.FractionBelowRandomP01:F3}");
string name = options.Method.ToString().ToLowerInvariant() + (options.Method == DeduplicationMethod.Exact || report.MaxDistance == 0 && options.Method == DeduplicationMethod.Semantic ? "" : $"-d{report.MaxDistance}");
if (report.Groups.Count > 0)
{
    DuplicateGroupSheet.SavePng(source, DuplicateGroupSheet.Sample(report.Groups, 100, seed: 1), Path.Combine(output, $"{name}-random100.png"));
    DuplicateGroupSheet.SavePng(source, DuplicateGroupSheet.Largest(report.Groups, 20), Path.Combine(output, $"{name}-largest.png"), membersShown: 8, groupsPerRow: 2);
}

var summary = new
{
    report.Method, report.Source, report.ImageCount, report.CodeBits, report.MaxDistance, Groups = report.Groups.Count, report.RemovedCount,
    LargestGroup = report.Groups.Count > 0 ? report.Groups.Max(g => g.Size) : 0, report.TrainingSeconds, report.HashSeconds, report.GroupingSeconds,
    report.TrainingLosses, distances, Semantic = semanticExtras,
};
File.WriteAllText(Path.Combine(output, $"{name}.json"), JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } }));
return 0;

// Groups of the same codes at distances 0..4 (with their pixel distances), and the planted copies' bit distances.
static object SemanticExtras(IImageDataSource source, UInt128[] codes, SemanticHashModel model)
{
    var byDistance = new List<object>();
    for (int d = 0; d <= 4; d++)
    {
        IReadOnlyList<DuplicateGroup> groups = DuplicateGroups.FromCodes(source, codes, model.CodeBits, d);
        DistanceDistribution? within = groups.Count > 0 ? DuplicateDistanceComparison.Measure(source, groups, pairCount: 10, seed: 1).WithinGroups : null;
        Console.WriteLine($"distance {d}: groups {groups.Count}, removed {groups.Sum(g => g.Size - 1)}, largest {(groups.Count > 0 ? groups.Max(g => g.Size) : 0)}, " +
            $"member distance median {within?.Median:F2}, 95th percentile {within?.P95:F2}, max {within?.Max:F2}");
        byDistance.Add(new { Distance = d, Groups = groups.Count, Removed = groups.Sum(g => g.Size - 1), Largest = groups.Count > 0 ? groups.Max(g => g.Size) : 0, WithinGroups = within });
    }

    PlantedSet planted = PlantedDuplicates.Build(baseCount: 200, copiesPerKind: 5);
    UInt128[] plantedCodes = model.Encode(planted.Source);
    var kinds = new List<object>();
    foreach (Plant kind in Enum.GetValues<Plant>())
    {
        int[] bits = planted.Pairs.Where(p => p.Kind == kind).Select(p => (int)UInt128.PopCount(plantedCodes[p.Copy] ^ plantedCodes[p.Original])).ToArray();
        Console.WriteLine($"planted {kind}: code distances to the original {string.Join(", ", bits)}");
        kinds.Add(new { Kind = kind.ToString(), Bits = bits });
    }

    int basePairsAtZero = 0;
    for (int i = 0; i < 200; i++)
    {
        for (int j = i + 1; j < 200; j++)
        {
            basePairsAtZero += plantedCodes[i] == plantedCodes[j] ? 1 : 0;
        }
    }

    Console.WriteLine($"planted set: pairs of the 200 distinct test images with equal codes: {basePairsAtZero}");
    return new { ByDistance = byDistance, Planted = kinds, BasePairsWithEqualCodes = basePairsAtZero };
}
