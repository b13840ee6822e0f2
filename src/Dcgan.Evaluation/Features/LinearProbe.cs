// LinearProbe: the evaluation protocol's linear probe (section A): standardize with training statistics, choose C
// on a validation set, refit on train + validation with the chosen C, report test accuracy.

using System.Diagnostics;

namespace Dcgan.Features;

/// <summary>
/// Runs a linear probe: standardizes every set with the per-column statistics of the training rows
/// (<see cref="FeatureStandardizer"/>), fits one classifier per C of <see cref="LinearProbeOptions.CGrid"/>
/// on the training rows, picks the C with the best validation accuracy, refits on training + validation rows
/// with it (still standardized with the training statistics) and scores the test rows.
/// </summary>
public static class LinearProbe
{
    /// <summary>Probe with an explicit validation set; see the overload with progress and cancellation.</summary>
    /// <param name="train">Training features.</param>
    /// <param name="trainLabels">Training labels.</param>
    /// <param name="validation">Validation features (for choosing C).</param>
    /// <param name="validationLabels">Validation labels.</param>
    /// <param name="test">Test features.</param>
    /// <param name="testLabels">Test labels.</param>
    /// <param name="classCount">Number of classes.</param>
    /// <param name="options">Probe settings; <see langword="null"/> uses the defaults.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid.</exception>
    /// <exception cref="ArgumentException">As the overload with progress and cancellation.</exception>
    public static ProbeResult Run(
        FeatureMatrix train, IReadOnlyList<int> trainLabels,
        FeatureMatrix validation, IReadOnlyList<int> validationLabels,
        FeatureMatrix test, IReadOnlyList<int> testLabels,
        int classCount, LinearProbeOptions? options) =>
        Run(train, trainLabels, validation, validationLabels, test, testLabels, classCount, options, progress: null, CancellationToken.None);

    /// <summary>Probe with a held-out validation split; see the overload with progress and cancellation.</summary>
    /// <param name="train">Training features (split into train and validation).</param>
    /// <param name="trainLabels">Training labels.</param>
    /// <param name="test">Test features.</param>
    /// <param name="testLabels">Test labels.</param>
    /// <param name="classCount">Number of classes.</param>
    /// <param name="options">Probe settings; <see langword="null"/> uses the defaults.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid.</exception>
    /// <exception cref="ArgumentException">As the overload with progress and cancellation.</exception>
    public static ProbeResult Run(
        FeatureMatrix train, IReadOnlyList<int> trainLabels,
        FeatureMatrix test, IReadOnlyList<int> testLabels,
        int classCount, LinearProbeOptions? options) =>
        Run(train, trainLabels, test, testLabels, classCount, options, progress: null, CancellationToken.None);

    /// <summary>Probe with an explicit validation set (the protocol's probe-train / probe-val / test).</summary>
    /// <param name="train">Training features.</param>
    /// <param name="trainLabels">Training labels.</param>
    /// <param name="validation">Validation features (for choosing C).</param>
    /// <param name="validationLabels">Validation labels.</param>
    /// <param name="test">Test features.</param>
    /// <param name="testLabels">Test labels.</param>
    /// <param name="classCount">Number of classes.</param>
    /// <param name="options">Probe settings; <see langword="null"/> uses the defaults.</param>
    /// <param name="progress">
    /// Receives a report after every classifier fit (stage "fit"; one fit per distinct C, plus the refit on training +
    /// validation when <see cref="LinearProbeOptions.RefitOnTrainAndValidation"/>), or <see langword="null"/>.
    /// </param>
    /// <param name="cancellationToken">Checked between fits and before every solver iteration.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled; no tensor stays live.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid (for example an empty C grid or a non-positive C); the message lists every failure.</exception>
    /// <exception cref="ArgumentException">
    /// Labels do not match their matrices or 0..classCount - 1, a class has no training example, or the column
    /// counts differ.
    /// </exception>
    public static ProbeResult Run(
        FeatureMatrix train, IReadOnlyList<int> trainLabels,
        FeatureMatrix validation, IReadOnlyList<int> validationLabels,
        FeatureMatrix test, IReadOnlyList<int> testLabels,
        int classCount, LinearProbeOptions? options,
        IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        options ??= new LinearProbeOptions();
        new LinearProbeOptionsValidator().ThrowIfInvalid(options);
        LinearClassifier.ValidateTraining(train, trainLabels, classCount);
        CheckSet(validation, validationLabels, train.Columns, classCount, nameof(validation));
        CheckSet(test, testLabels, train.Columns, classCount, nameof(test));
        FeatureStandardizer standardizer = FeatureStandardizer.Fit(train);
        FeatureMatrix trainZ = standardizer.Transform(train);
        FeatureMatrix validationZ = standardizer.Transform(validation);
        FeatureMatrix testZ = standardizer.Transform(test);

        // The C path is fitted in ascending order, each fit warm-started from the previous solution.
        var byC = new Dictionary<double, (ProbeCandidate Candidate, LinearClassifier Classifier)>();
        LinearClassifier? previous = null;
        double[] path = options.CGrid.Distinct().Order().ToArray();
        int fits = path.Length + (options.RefitOnTrainAndValidation ? 1 : 0);
        foreach (double c in path)
        {
            cancellationToken.ThrowIfCancellationRequested();
            LinearClassifier classifier = Create(options, c);
            classifier.Fit(trainZ, trainLabels, classCount, previous, cancellationToken);
            progress?.Report(new EvaluationProgress { Stage = "fit", Completed = byC.Count + 1, Total = fits });
            byC[c] = (new ProbeCandidate
            {
                C = c,
                ValidationAccuracy = classifier.Score(validationZ, validationLabels),
                Iterations = classifier.Iterations,
                Converged = classifier.Converged,
            }, classifier);
            previous = classifier;
        }

        List<ProbeCandidate> candidates = options.CGrid.Distinct().Select(c => byC[c].Candidate).ToList();
        ProbeCandidate best = candidates
            .OrderByDescending(p => p.ValidationAccuracy).ThenBy(p => p.C).First();
        // Low-label experiments keep the classifier fitted on the training part only: the validation labels
        // then choose C and nothing else.
        LinearClassifier final = byC[best.C].Classifier;
        FeatureMatrix finalZ = trainZ;
        IReadOnlyList<int> finalLabels = trainLabels;
        if (options.RefitOnTrainAndValidation)
        {
            finalZ = FeatureMatrix.Concatenate(trainZ, validationZ);
            finalLabels = [.. trainLabels, .. validationLabels];
            cancellationToken.ThrowIfCancellationRequested();
            final = Create(options, best.C);
            final.Fit(finalZ, finalLabels, classCount, byC[best.C].Classifier, cancellationToken);
            progress?.Report(new EvaluationProgress { Stage = "fit", Completed = fits, Total = fits });
        }

        return new ProbeResult
        {
            Classifier = options.Classifier,
            ChosenC = best.C,
            TestAccuracy = final.Score(testZ, testLabels),
            FinalTrainAccuracy = final.Score(finalZ, finalLabels),
            FinalConverged = final.Converged,
            Candidates = candidates,
            TrainCount = train.Rows,
            ValidationCount = validation.Rows,
            TestCount = test.Rows,
            FeatureDimension = train.Columns,
            Elapsed = stopwatch.Elapsed,
        };
    }

    /// <summary>
    /// Probe that holds out <see cref="LinearProbeOptions.ValidationFraction"/> of the training rows (a random
    /// split seeded with <see cref="LinearProbeOptions.Seed"/>) to choose C.
    /// </summary>
    /// <param name="train">Training features (split into train and validation).</param>
    /// <param name="trainLabels">Training labels.</param>
    /// <param name="test">Test features.</param>
    /// <param name="testLabels">Test labels.</param>
    /// <param name="classCount">Number of classes.</param>
    /// <param name="options">Probe settings; <see langword="null"/> uses the defaults.</param>
    /// <param name="progress">
    /// Receives a report after every classifier fit (stage "fit"; one fit per distinct C, plus the refit on training +
    /// validation when <see cref="LinearProbeOptions.RefitOnTrainAndValidation"/>), or <see langword="null"/>.
    /// </param>
    /// <param name="cancellationToken">Checked between fits and before every solver iteration.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled; no tensor stays live.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid (for example a ValidationFraction outside (0, 1)); the message lists every failure.</exception>
    /// <exception cref="ArgumentException">As the other overload; also a split that leaves either part empty.</exception>
    public static ProbeResult Run(
        FeatureMatrix train, IReadOnlyList<int> trainLabels,
        FeatureMatrix test, IReadOnlyList<int> testLabels,
        int classCount, LinearProbeOptions? options,
        IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        options ??= new LinearProbeOptions();
        new LinearProbeOptionsValidator().ThrowIfInvalid(options);
        LinearClassifier.ValidateTraining(train, trainLabels, classCount);

        int validationCount = (int)Math.Round(train.Rows * options.ValidationFraction);
        if (validationCount < 1 || validationCount >= train.Rows)
        {
            throw new ArgumentException(
                $"A validation fraction of {options.ValidationFraction} of {train.Rows} rows leaves an empty part.", nameof(options));
        }

        int[] order = Enumerable.Range(0, train.Rows).ToArray();
        SeededRandom.Create(options.Seed).Shuffle(order);
        int[] fitRows = order[validationCount..];
        int[] validationRows = order[..validationCount];
        return Run(
            train.SelectRows(fitRows), fitRows.Select(i => trainLabels[i]).ToArray(),
            train.SelectRows(validationRows), validationRows.Select(i => trainLabels[i]).ToArray(),
            test, testLabels, classCount, options, progress, cancellationToken);
    }

    private static LinearClassifier Create(LinearProbeOptions options, double c)
    {
        var classifierOptions = new LinearClassifierOptions
        {
            C = c,
            Tolerance = options.Tolerance,
            DualTolerance = options.DualTolerance,
            MaxIterations = options.MaxIterations,
            Device = options.Device,
        };
        return options.Classifier == ProbeClassifier.LinearSvm
            ? new LinearSvm(classifierOptions)
            : new LogisticRegressionClassifier(classifierOptions);
    }

    private static void CheckSet(FeatureMatrix features, IReadOnlyList<int> labels, int columns, int classCount, string name)
    {
        ArgumentNullException.ThrowIfNull(features, name);
        ArgumentNullException.ThrowIfNull(labels, name);
        if (features.Columns != columns)
        {
            throw new ArgumentException($"The {name} set has {features.Columns} columns, the training set {columns}.", name);
        }

        if (labels.Count != features.Rows)
        {
            throw new ArgumentException($"The {name} set has {labels.Count} labels for {features.Rows} rows.", name);
        }

        for (int i = 0; i < labels.Count; i++)
        {
            if (labels[i] < 0 || labels[i] >= classCount)
            {
                throw new ArgumentException(
                    $"The {name} label at index {i} is {labels[i]}; labels must be in 0..{classCount - 1}.", name);
            }
        }
    }
}
