// Opt-in measurement of the raw-pixel linear probe (not a test). Usage:
//   dotnet run -c Release --project benchmarks/Dcgan.ProbeBench -- diag  [svm|logreg] [maxIterations]
//       per-C fits on the first 8k t10k images (standardized), printing iterations, convergence, evaluations, objective
//   dotnet run -c Release --project benchmarks/Dcgan.ProbeBench -- full [svm|logreg|both] [maxIterations]
//       the full split: C chosen on the last 10k of train (fit on the first 50k), refit on all 60k, test on t10k
// Data directory: DCGAN_FASHION_MNIST or /usr/share/datasets/fashion-mnist.
// Measured (2 shared cores, full split, default grid): LinearSvm dual CD, 1000-epoch cap: test 0.8378, C=0.01, 385 s
// (load 1.8-2.2); 100-epoch cap: test 0.8380, C=0.01, 138 s (load 4-5.5). LogisticRegression L-BFGS: test 0.8470,
// C=0.01, 1179 s (load 2.7-7). References (Xiao et al. 2017): LinearSVC 0.836, LogisticRegression 0.842.

using System.Diagnostics;
using Dcgan.Data;
using Dcgan.Features;

string mode = args.Length > 0 ? args[0] : "full";
string which = args.Length > 1 ? args[1] : "both";
string dir = Environment.GetEnvironmentVariable("DCGAN_FASHION_MNIST") ?? "/usr/share/datasets/fashion-mnist";
Console.WriteLine($"load average at start: {LoadAverage()}; {Environment.ProcessorCount} cores");

(FeatureMatrix X, int[] Y) Load(string prefix)
{
    IdxImageDataSource source = IdxImageDataSource.Open(
        Path.Combine(dir, $"{prefix}-images-idx3-ubyte.gz"), Path.Combine(dir, $"{prefix}-labels-idx1-ubyte.gz"));
    FeatureMatrix pixels = FeatureMatrix.Zeros(source.Count, source.Shape.ElementCount);
    for (int i = 0; i < source.Count; i++)
    {
        source.CopyImage(i, pixels.Row(i));
    }

    return (pixels, Enumerable.Range(0, source.Count).Select(source.GetLabel).ToArray());
}

ProbeClassifier[] kinds = which switch
{
    "svm" => [ProbeClassifier.LinearSvm],
    "logreg" => [ProbeClassifier.LogisticRegression],
    _ => [ProbeClassifier.LinearSvm, ProbeClassifier.LogisticRegression],
};

if (mode == "diag")
{
    int maxIterations = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1000;
    (FeatureMatrix x, int[] y) = Load("t10k");
    FeatureMatrix train = FeatureStandardizer.Fit(x.Slice(0, 8000)).Transform(x.Slice(0, 8000));
    int[] trainY = y[..8000];
    foreach (ProbeClassifier kind in kinds)
    {
        LinearClassifier? previous = null;
        foreach (double c in new[] { 0.001, 0.01, 0.1, 1, 10 })
        {
            var options = new LinearClassifierOptions { C = c, MaxIterations = maxIterations };
            LinearClassifier classifier = kind == ProbeClassifier.LinearSvm ? new LinearSvm(options) : new LogisticRegressionClassifier(options);
            var sw = Stopwatch.StartNew();
            classifier.Fit(train, trainY, 10); // cold start (the probe warm-starts; internal)
            Console.WriteLine(
                $"{kind} C={c}: {classifier.Iterations} it, {classifier.Evaluations} evals, converged {classifier.Converged}, " +
                $"objective {classifier.FinalObjective:G8}, grad max-abs {classifier.FinalGradientMaxAbs:G3}, " +
                $"train acc {classifier.Score(train, trainY):F4}, {sw.Elapsed.TotalSeconds:F1} s, load {LoadAverage()}");
            previous = classifier;
        }
    }

    return;
}

int fullMaxIterations = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1000;
(FeatureMatrix all, int[] allY) = Load("train");
(FeatureMatrix test, int[] testY) = Load("t10k");
foreach (ProbeClassifier kind in kinds)
{
    var sw = Stopwatch.StartNew();
    ProbeResult r = LinearProbe.Run(
        all.Slice(0, 50000), allY[..50000], all.Slice(50000, 10000), allY[50000..], test, testY, 10,
        new LinearProbeOptions { Classifier = kind, MaxIterations = fullMaxIterations });
    Console.WriteLine(
        $"{kind}: test accuracy {r.TestAccuracy:F4}, chosen C {r.ChosenC}, final train acc {r.FinalTrainAccuracy:F4}, " +
        $"final converged {r.FinalConverged}, {sw.Elapsed.TotalSeconds:F1} s, load {LoadAverage()}");
    foreach (ProbeCandidate c in r.Candidates)
    {
        Console.WriteLine($"  C={c.C}: val {c.ValidationAccuracy:F4}, {c.Iterations} it, converged {c.Converged}");
    }
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "n/a";
