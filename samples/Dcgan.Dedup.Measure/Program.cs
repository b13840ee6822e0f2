// dcgan-dedup-measure: the measurement behind docs/deduplication.md. For one method it finds the duplicate groups of a
// data source, prints counts, timings and the pixel-distance comparison, and writes a JSON summary, a sheet of 100
// groups drawn with a fixed seed and a sheet of the largest groups.
// Usage: dcgan-dedup-measure DATA METHOD OUTDIR [SEMANTIC-EPOCHS [PERCEPTUAL-DISTANCE]]
using System.Globalization;
using System.Text.Json;
using Dcgan.Data;
using Dcgan.Deduplication;

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: dcgan-dedup-measure DATA exact|perceptual|semantic OUTDIR [SEMANTIC-EPOCHS [PERCEPTUAL-DISTANCE]]");
    return 2;
}

IImageDataSource source = ImageDataSources.Open(args[0]);
var options = new DeduplicationOptions { Method = Enum.Parse<DeduplicationMethod>(args[1], ignoreCase: true) };
if (args.Length > 3)
{
    options.Semantic.Epochs = int.Parse(args[3], CultureInfo.InvariantCulture);
}

if (args.Length > 4)
{
    options.PerceptualMaxDistance = int.Parse(args[4], CultureInfo.InvariantCulture);
}

string output = Directory.CreateDirectory(args[2]).FullName;
Console.WriteLine($"{source.Description}; method {options.Method}; {Environment.ProcessorCount} cores");
DeduplicationReport report = Deduplicator.Find(source, options, new Progress<SemanticHashEpoch>(e =>
    Console.WriteLine($"  autoencoder epoch {e.Epoch}/{e.Epochs}: loss {e.MeanLoss:F5}, {e.Elapsed.TotalSeconds:F1} s")));
DuplicateDistanceComparison distances = DuplicateDistanceComparison.Measure(source, report.Groups, pairCount: 10_000, seed: 1);
Console.WriteLine($"groups {report.Groups.Count}, images in groups {report.Groups.Sum(g => g.Size)}, removed {report.RemovedCount} of {report.ImageCount}, " +
    $"largest {(report.Groups.Count > 0 ? report.Groups.Max(g => g.Size) : 0)}");
Console.WriteLine($"seconds: training {report.TrainingSeconds:F1}, hashing {report.HashSeconds:F1}, grouping {report.GroupingSeconds:F1}");
Console.WriteLine($"within groups: {distances.WithinGroups}");
Console.WriteLine($"random pairs:  {distances.RandomPairs}");
Console.WriteLine($"fraction of within-group distances below the random pairs' 1st percentile: {distances.FractionBelowRandomP01:F3}");
string name = options.Method.ToString().ToLowerInvariant() + (options.Method == DeduplicationMethod.Perceptual ? $"-d{options.PerceptualMaxDistance}" : "");
if (report.Groups.Count > 0)
{
    DuplicateGroupSheet.SavePng(source, DuplicateGroupSheet.Sample(report.Groups, 100, seed: 1), Path.Combine(output, $"{name}-random100.png"));
    DuplicateGroupSheet.SavePng(source, DuplicateGroupSheet.Largest(report.Groups, 20), Path.Combine(output, $"{name}-largest.png"), membersShown: 8, groupsPerRow: 2);
}

var summary = new
{
    report.Method, report.Source, report.ImageCount, report.CodeBits, report.MaxDistance, Groups = report.Groups.Count, report.RemovedCount,
    LargestGroup = report.Groups.Count > 0 ? report.Groups.Max(g => g.Size) : 0, report.TrainingSeconds, report.HashSeconds, report.GroupingSeconds,
    report.TrainingLosses, distances,
};
File.WriteAllText(Path.Combine(output, $"{name}.json"), JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } }));
return 0;
