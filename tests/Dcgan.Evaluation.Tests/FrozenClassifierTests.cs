// The frozen evaluation classifier shipped in data/evaluation (fashion-classifier.bin and its record
// fashion-classifier.json): it loads with its recorded SHA-256 and reproduces its recorded test accuracy on the
// embedded Fashion-MNIST test split, so every FD / precision / recall number built on it stays comparable.
using System.Text.Json;
using Dcgan.Data;

namespace Dcgan.Evaluation.Tests;

public class FrozenClassifierTests
{
    private static string Repository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "data", "evaluation", "fashion-classifier.json")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"data/evaluation/fashion-classifier.json not found above {AppContext.BaseDirectory}");
    }

    [Fact]
    public void The_shipped_classifier_loads_with_its_hash_and_reproduces_its_recorded_test_accuracy()
    {
        string root = Repository();
        using JsonDocument record = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "data", "evaluation", "fashion-classifier.json")));
        string sha = record.RootElement.GetProperty("sha256").GetString()!;
        double recordedAccuracy = record.RootElement.GetProperty("testAccuracy").GetDouble();
        IdxImageDataSource test = IdxImageDataSource.Open(
            Path.Combine(root, "data", "fashion-mnist", "t10k-images-idx3-ubyte.gz"),
            Path.Combine(root, "data", "fashion-mnist", "t10k-labels-idx1-ubyte.gz"));

        using EvaluationClassifier classifier = EvaluationClassifier.Load(Path.Combine(root, "data", "evaluation", "fashion-classifier.bin"), sha);
        int[] labels = Enumerable.Range(0, test.Count).Select(test.GetLabel).ToArray();
        double accuracy = classifier.Accuracy(test.ReadAll(), labels);

        classifier.Sha256.Should().Be(sha);
        test.Count.Should().Be(10_000);
        // The record was written from the same weights on the same 10,000 images, but on another machine: other CPUs run
        // other kernels (AVX2 or AVX-512, other summation orders), whose last-bit differences can flip an image whose
        // two best classes are tied to float rounding. A few such images are allowed; a classifier that is wrong
        // (other weights, other preprocessing) misses by hundreds.
        const int FlippedImages = 3;
        accuracy.Should().BeApproximately(recordedAccuracy, FlippedImages / 10_000.0 + 1e-12, "the record was written from the same weights on the same 10,000 test images");
        ((IImageClassifier)classifier).ClassCount.Should().Be(10);
    }
}
