// LinearClassifier: the shared part of the L2-regularised linear classifiers: label validation, the L-BFGS fit
// on the scaled objective, prediction in row batches. Parameters: W [D, K] and an UNPENALISED intercept b [K];
// decision values Z = X W + b [N, K]; the predicted class is argmax_k Z.
//
// Scaled objective (same minimiser as scikit-learn's 0.5 ||W||^2 + C * sum_i loss_i, divided by C * n):
//   J(W, b) = ||W||^2 / (2 C n) + (1/n) sum_i loss_i(Z_i)
// Subclasses give loss and dJ/dZ; the gradient is then dJ/dW = X' dZ + W / (C n), dJ/db = sum_i dZ_i
// (+ b / (C n) when the subclass penalises the intercept, as LinearSvm does). A subclass may replace the solver
// (FitCore): LinearSvm uses dual coordinate descent (DualCoordinateDescent.cs) by default.

using Dcgan.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Features;

/// <summary>
/// Base of the L2-regularised linear classifiers (<see cref="LinearSvm"/>, <see cref="LogisticRegressionClassifier"/>).
/// The default solver is full-batch L-BFGS on TorchSharp with an unpenalised intercept; <see cref="LinearSvm"/>
/// uses LIBLINEAR's dual coordinate descent by default (penalised intercept, see there). Fitting is deterministic
/// (same inputs and options, same result). All results are managed values.
/// </summary>
public abstract class LinearClassifier
{
    private const int PredictBatchRows = 8192;
    private readonly LinearClassifierOptions _options;
    private readonly Device _device;
    private float[]? _weights;
    private float[]? _bias;
    private CancellationToken _fitCancellation;

    /// <summary>Creates an unfitted classifier.</summary>
    /// <param name="options">Regularization and optimizer settings; <see langword="null"/> uses the defaults. Copied.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid; the message lists every failure.</exception>
    /// <exception cref="ArgumentException">The device is CUDA and CUDA is not available.</exception>
    private protected LinearClassifier(LinearClassifierOptions? options)
    {
        _options = (options ?? new LinearClassifierOptions()).Clone();
        new LinearClassifierOptionsValidator().ThrowIfInvalid(_options);
        _device = DeviceSelection.Resolve(_options.Device);
    }

    /// <summary>A copy of the options.</summary>
    public LinearClassifierOptions Options => _options.Clone();

    /// <summary>Whether <see cref="Fit(FeatureMatrix, IReadOnlyList{int}, int)"/> has completed.</summary>
    public bool IsFitted => _weights is not null;

    /// <summary>Number of features the classifier was fitted on.</summary>
    public int FeatureCount { get; private set; }

    /// <summary>Number of classes the classifier was fitted for.</summary>
    public int ClassCount { get; private set; }

    /// <summary>Weights W, <c>FeatureCount x ClassCount</c>, row-major (column k scores class k). A copy.</summary>
    /// <exception cref="InvalidOperationException">The classifier is not fitted.</exception>
    public float[] Weights => (float[])Fitted()._weights!.Clone();

    /// <summary>Intercepts b, one per class. A copy.</summary>
    /// <exception cref="InvalidOperationException">The classifier is not fitted.</exception>
    public float[] Bias => (float[])Fitted()._bias!.Clone();

    /// <summary>
    /// Iterations the last fit took: L-BFGS iterations, or for <see cref="LinearSvm"/>'s dual solver the largest
    /// number of epochs over the one-vs-rest problems.
    /// </summary>
    public int Iterations { get; private set; }

    /// <summary>Objective evaluations (including line-search trials) the last L-BFGS fit took; 0 for the dual solver.</summary>
    public int Evaluations { get; private set; }

    /// <summary>Whether the last fit reached <see cref="LinearClassifierOptions.Tolerance"/> (for the dual solver: every one-vs-rest problem did).</summary>
    public bool Converged { get; private set; }

    /// <summary>Max-abs component of the scaled objective's gradient at the end of the last fit.</summary>
    public double FinalGradientMaxAbs { get; private set; }

    /// <summary>The scaled objective (see <see cref="LinearClassifierOptions.Tolerance"/>) at the end of the last fit.</summary>
    public double FinalObjective { get; private set; }

    /// <summary>
    /// Fits W and b to <paramref name="features"/> and <paramref name="labels"/> from a zero start.
    /// </summary>
    /// <param name="features">n x D training features (standardize them first; see <see cref="FeatureStandardizer"/>).</param>
    /// <param name="labels">n labels in 0..<paramref name="classCount"/> - 1.</param>
    /// <param name="classCount">Number of classes (at least 2); every class needs at least one example.</param>
    /// <exception cref="ArgumentException">
    /// The label count differs from the row count, a label is outside 0..classCount - 1 (the message names the
    /// index and value), a class has no examples, or classCount is below 2.
    /// </exception>
    public void Fit(FeatureMatrix features, IReadOnlyList<int> labels, int classCount) =>
        Fit(features, labels, classCount, warmStart: null);

    /// <summary>As <see cref="Fit(FeatureMatrix, IReadOnlyList{int}, int)"/>, cancellable.</summary>
    /// <param name="features">n x D training features (standardize them first; see <see cref="FeatureStandardizer"/>).</param>
    /// <param name="labels">n labels in 0..<paramref name="classCount"/> - 1.</param>
    /// <param name="classCount">Number of classes (at least 2); every class needs at least one example.</param>
    /// <param name="cancellationToken">Checked before every solver iteration (L-BFGS) or epoch (dual coordinate descent).</param>
    /// <exception cref="ArgumentException">As <see cref="Fit(FeatureMatrix, IReadOnlyList{int}, int)"/>.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; the classifier keeps its previous fit (or stays unfitted) and no tensor stays live.</exception>
    public void Fit(FeatureMatrix features, IReadOnlyList<int> labels, int classCount, CancellationToken cancellationToken) =>
        Fit(features, labels, classCount, warmStart: null, cancellationToken);

    /// <summary>
    /// As <see cref="Fit(FeatureMatrix, IReadOnlyList{int}, int)"/>, but L-BFGS starts from the weights of
    /// <paramref name="warmStart"/> when it is fitted with the same feature and class counts (a C path), else from zero.
    /// </summary>
    internal void Fit(FeatureMatrix features, IReadOnlyList<int> labels, int classCount, LinearClassifier? warmStart,
        CancellationToken cancellationToken = default)
    {
        ValidateTraining(features, labels, classCount);
        if (warmStart is not null && (warmStart._weights is null || warmStart.FeatureCount != features.Columns || warmStart.ClassCount != classCount))
        {
            warmStart = null;
        }

        FitOutcome outcome;
        _fitCancellation = cancellationToken;
        try
        {
            outcome = FitCore(features, labels, classCount, warmStart);
        }
        finally
        {
            _fitCancellation = default;
        }

        _weights = outcome.Weights;
        _bias = outcome.Bias;
        FeatureCount = features.Columns;
        ClassCount = classCount;
        Iterations = outcome.Iterations;
        Evaluations = outcome.Evaluations;
        Converged = outcome.Converged;
        FinalGradientMaxAbs = outcome.GradientMaxAbs;
        FinalObjective = outcome.Objective;
    }

    /// <summary>The result of one fit: W [D*K] row-major, b [K] and the solver report.</summary>
    private protected readonly record struct FitOutcome(
        float[] Weights, float[] Bias, int Iterations, int Evaluations, bool Converged, double GradientMaxAbs, double Objective);

    /// <summary>
    /// Solves the fit; the default is full-batch L-BFGS on the scaled objective. <paramref name="warmStart"/> is
    /// null or a fitted classifier with the same feature and class counts.
    /// </summary>
    private protected virtual FitOutcome FitCore(FeatureMatrix features, IReadOnlyList<int> labels, int classCount, LinearClassifier? warmStart) =>
        FitLbfgs(features, labels, classCount, warmStart);

    /// <summary>
    /// Whether the intercept is penalised like a weight (<c>0.5 ||b||^2</c> is added to the unscaled objective),
    /// as in LinearSVC / LIBLINEAR with a constant bias feature of value 1.
    /// </summary>
    private protected virtual bool PenalizesIntercept => false;

    /// <summary>The token of the fit in progress (checked by the solvers between iterations).</summary>
    private protected CancellationToken FitCancellation => _fitCancellation;

    /// <summary>Full-batch L-BFGS on the scaled objective (see the file header).</summary>
    private protected FitOutcome FitLbfgs(FeatureMatrix features, IReadOnlyList<int> labels, int classCount, LinearClassifier? warmStart)
    {
        int n = features.Rows;
        int d = features.Columns;
        Device device = _device;
        ScalarType xType = _options.DoublePrecision ? ScalarType.Float64 : ScalarType.Float32;
        double lambda = 1.0 / (_options.C * n);
        double biasLambda = PenalizesIntercept ? lambda : 0;

        using Tensor x = ToTensor(features, xType, device);                                 // [n, D]
        using Tensor labelTensor = torch.tensor(labels.Select(l => (long)l).ToArray(), device: device); // [n]
        using Tensor oneHotLong = nn.functional.one_hot(labelTensor, classCount);                       // [n, K] int64
        using Tensor oneHot = oneHotLong.to(ScalarType.Float64);                                        // [n, K]
        using Tensor theta = torch.zeros((long)d * classCount + classCount, ScalarType.Float64, device); // [D*K + K]
        if (warmStart is not null)
        {
            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            theta.copy_(torch.tensor([.. warmStart._weights!, .. warmStart._bias!]).to(ScalarType.Float64)); // [D*K + K]
        }

        (double, Tensor) Objective(Tensor t)
        {
            Tensor w = t.narrow(0, 0, (long)d * classCount).view(d, classCount);          // [D, K]
            Tensor b = t.narrow(0, (long)d * classCount, classCount);                     // [K]
            Tensor z = x.mm(w.to(xType)).to(ScalarType.Float64).Plus(b);                     // [n, K]
            (Tensor lossSum, Tensor dz) = LossAndGradient(z, oneHot);                       // [], [n, K]
            dz = dz.div(Scalars.Constant((long)n));                                                                // [n, K]
            double value = lossSum.item<double>() / n + 0.5 * lambda * w.square().sum().item<double>()
                + 0.5 * biasLambda * b.square().sum().item<double>();
            Tensor gw = x.t().mm(dz.to(xType)).to(ScalarType.Float64).Plus(w.mul(Scalars.Constant(lambda)));       // [D, K]
            Tensor gb = dz.sum(0L).Plus(b.mul(Scalars.Constant(biasLambda)));                                      // [K]
            return (value, torch.cat([gw.flatten(), gb]));                                  // [D*K + K]
        }

        LbfgsResult result = Lbfgs.Minimize(theta, Objective, _options.Tolerance, _options.MaxIterations, _options.HistorySize, _fitCancellation);
        using (var scope = torch.NewDisposeScope())
        {
            float[] all = theta.to(ScalarType.Float32).cpu().data<float>().ToArray();       // [D*K + K]
            return new FitOutcome(
                all[..(d * classCount)], all[(d * classCount)..], result.Iterations, result.Evaluations, result.Converged,
                result.GradientMaxAbs, result.Value);
        }
    }

    /// <summary>Decision values <c>X W + b</c>, <c>Rows x ClassCount</c>, row-major.</summary>
    /// <param name="features">Rows of <see cref="FeatureCount"/> features.</param>
    /// <exception cref="InvalidOperationException">The classifier is not fitted.</exception>
    /// <exception cref="ArgumentException">The column count differs from <see cref="FeatureCount"/>.</exception>
    public float[] DecisionFunction(FeatureMatrix features)
    {
        ArgumentNullException.ThrowIfNull(features);
        Fitted();
        if (features.Columns != FeatureCount)
        {
            throw new ArgumentException(
                $"The classifier was fitted on {FeatureCount} features but the matrix has {features.Columns} columns.", nameof(features));
        }

        var result = new float[(long)features.Rows * ClassCount];
        for (int start = 0; start < features.Rows; start += PredictBatchRows)
        {
            int rows = Math.Min(PredictBatchRows, features.Rows - start);
            using var scope = torch.NewDisposeScope();
            Device device = _device;
            Tensor x = torch.tensor(features.Values.AsSpan(start * FeatureCount, rows * FeatureCount).ToArray(),
                [rows, FeatureCount], device: device);                                      // [r, D]
            Tensor w = torch.tensor(_weights!, [FeatureCount, ClassCount], device: device); // [D, K]
            Tensor b = torch.tensor(_bias!, device: device);                                // [K]
            Tensor z = x.mm(w).Plus(b);                                                     // [r, K]
            z.cpu().data<float>().CopyTo(result.AsSpan(start * ClassCount, rows * ClassCount));
        }

        return result;
    }

    /// <summary>The predicted class of every row (argmax of the decision values).</summary>
    /// <param name="features">Rows of <see cref="FeatureCount"/> features.</param>
    /// <exception cref="InvalidOperationException">The classifier is not fitted.</exception>
    /// <exception cref="ArgumentException">The column count differs from <see cref="FeatureCount"/>.</exception>
    public int[] Predict(FeatureMatrix features)
    {
        float[] z = DecisionFunction(features);
        var predicted = new int[features.Rows];
        for (int i = 0; i < predicted.Length; i++)
        {
            ReadOnlySpan<float> row = z.AsSpan(i * ClassCount, ClassCount);
            int best = 0;
            for (int k = 1; k < row.Length; k++)
            {
                if (row[k] > row[best])
                {
                    best = k;
                }
            }

            predicted[i] = best;
        }

        return predicted;
    }

    /// <summary>Accuracy: the fraction of rows whose predicted class equals the label.</summary>
    /// <param name="features">Rows of <see cref="FeatureCount"/> features.</param>
    /// <param name="labels">One label per row.</param>
    /// <exception cref="ArgumentException">The label count differs from the row count, or the column count is wrong.</exception>
    public double Score(FeatureMatrix features, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count != features.Rows)
        {
            throw new ArgumentException($"Got {labels.Count} labels for {features.Rows} rows.", nameof(labels));
        }

        if (features.Rows == 0)
        {
            return double.NaN;
        }

        int[] predicted = Predict(features);
        int correct = 0;
        for (int i = 0; i < predicted.Length; i++)
        {
            correct += predicted[i] == labels[i] ? 1 : 0;
        }

        return (double)correct / predicted.Length;
    }

    /// <summary>
    /// The summed per-example loss over all rows and its gradient with respect to the decision values.
    /// </summary>
    /// <param name="decisions">Decision values Z [n, K], float64.</param>
    /// <param name="oneHot">One-hot labels [n, K], float64.</param>
    /// <returns>The loss sum (a scalar tensor) and dLoss/dZ [n, K]; the current dispose scope owns both.</returns>
    private protected abstract (Tensor LossSum, Tensor Gradient) LossAndGradient(Tensor decisions, Tensor oneHot);

    /// <summary>Checks a training set; used by <see cref="Fit(FeatureMatrix, IReadOnlyList{int}, int)"/> and by LinearProbe.</summary>
    internal static void ValidateTraining(FeatureMatrix features, IReadOnlyList<int> labels, int classCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (classCount < 2)
        {
            throw new ArgumentException($"classCount must be at least 2, got {classCount}.", nameof(classCount));
        }

        if (labels.Count != features.Rows)
        {
            throw new ArgumentException(
                $"Got {labels.Count} labels for a feature matrix of {features.Rows} rows; expected one label per row.", nameof(labels));
        }

        var counts = new int[classCount];
        for (int i = 0; i < labels.Count; i++)
        {
            int label = labels[i];
            if (label < 0 || label >= classCount)
            {
                throw new ArgumentException(
                    $"Label at index {i} is {label}; labels must be in 0..{classCount - 1}.", nameof(labels));
            }

            counts[label]++;
        }

        int empty = Array.IndexOf(counts, 0);
        if (empty >= 0)
        {
            throw new ArgumentException(
                $"Class {empty} has no training examples (classCount {classCount}, {labels.Count} labels); every class needs at least one.",
                nameof(labels));
        }
    }

    private static Tensor ToTensor(FeatureMatrix features, ScalarType type, Device device)
    {
        using var scope = torch.NewDisposeScope();
        Tensor t = torch.tensor(features.Values, [features.Rows, features.Columns]);        // [n, D] float32, CPU copy
        return t.to(type).to(device).MoveToOuterDisposeScope();                             // [n, D]
    }

    private LinearClassifier Fitted() =>
        _weights is null ? throw new InvalidOperationException("The classifier is not fitted; call Fit first.") : this;
}
