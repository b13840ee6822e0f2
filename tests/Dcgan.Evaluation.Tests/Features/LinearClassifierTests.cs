using Dcgan.Features;
using TorchSharp;
using static TorchSharp.torch;
using Microsoft.Extensions.Options;

namespace Dcgan.Evaluation.Tests.Features;

public class LinearClassifierTests
{
    public static TheoryData<string> Kinds => new() { "svm", "logreg" };

    private static LinearClassifier Create(string kind, LinearClassifierOptions? options = null) =>
        kind == "svm" ? new LinearSvm(options) : new LogisticRegressionClassifier(options);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Linearly_separable_data_is_fitted_perfectly(string kind)
    {
        (FeatureMatrix x, int[] y) = FeatureFixtures.Blobs(classes: 3, perClass: 30, dims: 5, separation: 10, seed: 1);
        LinearClassifier classifier = Create(kind);
        classifier.Fit(x, y, classCount: 3);
        classifier.Score(x, y).Should().Be(1.0);
        classifier.Predict(x).Should().Equal(y);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Overlapping_gaussians_land_near_the_bayes_rate(string kind)
    {
        // Unit-variance Gaussians centred at (2, 0) and (0, 2): 2*sqrt(2) apart, Bayes accuracy Phi(sqrt 2) = 0.9214.
        (FeatureMatrix train, int[] trainY) = FeatureFixtures.Blobs(classes: 2, perClass: 1000, dims: 2, separation: 2, seed: 2);
        (FeatureMatrix test, int[] testY) = FeatureFixtures.Blobs(classes: 2, perClass: 2000, dims: 2, separation: 2, seed: 3);
        LinearClassifier classifier = Create(kind);
        classifier.Fit(train, trainY, classCount: 2);
        classifier.Converged.Should().BeTrue();
        classifier.Score(test, testY).Should().BeApproximately(0.9214, 0.015);
    }

    [Fact]
    public void Logistic_regression_with_large_c_matches_the_closed_form_maximum_likelihood_answer()
    {
        // One binary feature: P(y=1 | x=0) = 1/3, P(y=1 | x=1) = 2/3. The MLE is b = logit(1/3) = -ln 2,
        // w = logit(2/3) - logit(1/3) = 2 ln 2. Multinomial with two classes: only differences are identified.
        var xs = new List<float>();
        var ys = new List<int>();
        for (int i = 0; i < 30; i++)
        {
            xs.Add(0);
            ys.Add(i < 10 ? 1 : 0);
            xs.Add(1);
            ys.Add(i < 20 ? 1 : 0);
        }

        var classifier = new LogisticRegressionClassifier(new LinearClassifierOptions
        {
            C = 1e6, Tolerance = 1e-10, DoublePrecision = true, MaxIterations = 500,
        });
        classifier.Fit(new FeatureMatrix(xs.ToArray(), xs.Count, 1), ys, classCount: 2);
        float[] w = classifier.Weights;
        float[] b = classifier.Bias;
        (w[1] - w[0]).Should().BeApproximately((float)(2 * Math.Log(2)), 1e-3f);
        (b[1] - b[0]).Should().BeApproximately((float)-Math.Log(2), 1e-3f);
    }

    [Fact]
    public void The_binary_fit_separates_a_separable_set_completely()
    {
        var random = new Random(2);
        const int n = 400;
        var x = FeatureMatrix.Zeros(n, 3);
        var y = new bool[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = i % 2 == 0;
            x.Row(i)[0] = (float)((y[i] ? 1.5 : -1.5) + random.NextDouble() - 0.5); // separable along feature 0
            x.Row(i)[1] = (float)(random.NextDouble() * 4 - 2);
            x.Row(i)[2] = (float)(random.NextDouble() * 4 - 2);
        }

        BinaryLogisticFit model = LogisticRegressionClassifier.FitBinary(x, y, l2: 1e-4);
        model.TrainingAccuracy.Should().Be(1.0);
        model.Converged.Should().BeTrue();
        model.Weights[0].Should().BeGreaterThan(Math.Abs(model.Weights[1]) * 5);
    }

    [Fact]
    public void The_binary_fit_minimises_the_mean_log_loss_plus_half_l2_times_the_squared_weights()
    {
        // The two-class multinomial model with C = 1 / (2 n l2) is the binary problem: at its solution the gradient
        // X^T (p - y) / n + l2 w and sum(p - y) / n vanish (up to the float32 storage of the weights).
        var random = new Random(9);
        const int n = 300;
        var x = FeatureMatrix.Zeros(n, 2);
        var y = new bool[n];
        for (int i = 0; i < n; i++)
        {
            x.Row(i)[0] = (float)(random.NextDouble() * 2 - 1);
            x.Row(i)[1] = (float)(random.NextDouble() * 2 - 1);
            y[i] = x.Row(i)[0] + 0.5 * x.Row(i)[1] + (random.NextDouble() - 0.5) > 0;
        }

        BinaryLogisticFit m = LogisticRegressionClassifier.FitBinary(x, y, l2: 0.1);
        double[] g = new double[3];
        for (int i = 0; i < n; i++)
        {
            double score = m.Bias + m.Weights[0] * x.Row(i)[0] + m.Weights[1] * x.Row(i)[1];
            double r = 1 / (1 + Math.Exp(-score)) - (y[i] ? 1 : 0);
            g[0] += r * x.Row(i)[0] / n;
            g[1] += r * x.Row(i)[1] / n;
            g[2] += r / n;
        }

        m.Converged.Should().BeTrue();
        (g[0] + 0.1 * m.Weights[0]).Should().BeApproximately(0, 1e-6);
        (g[1] + 0.1 * m.Weights[1]).Should().BeApproximately(0, 1e-6);
        g[2].Should().BeApproximately(0, 1e-6);
        Math.Abs(m.Weights[0]).Should().BeGreaterThan(0.1, "the condition is not met trivially");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(1e-320)]
    public void The_binary_fit_refuses_an_l2_that_gives_no_finite_positive_c(double l2) =>
        FluentActions.Invoking(() => LogisticRegressionClassifier.FitBinary(FeatureMatrix.Zeros(4, 1), [true, false, true, false], l2))
            .Should().Throw<ArgumentException>().WithMessage("*l2 = *");

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_gradient_of_the_unscaled_objective_vanishes_at_the_solution(string kind)
    {
        // Computed independently with autograd on 0.5 ||W||^2 + C * sum_i loss_i (the scikit-learn form).
        (FeatureMatrix x, int[] y) = FeatureFixtures.Blobs(classes: 3, perClass: 40, dims: 4, separation: 1.5, seed: 4);
        const double c = 0.5;
        LinearClassifier classifier = Create(kind, new LinearClassifierOptions { C = c, Tolerance = 1e-6, DualTolerance = 1e-9, DoublePrecision = true, MaxIterations = 100_000 });
        classifier.Fit(x, y, 3);
        classifier.Converged.Should().BeTrue();

        using var scope = torch.NewDisposeScope();
        Tensor xt = torch.tensor(x.Values, [x.Rows, x.Columns]).to(ScalarType.Float64);
        Tensor w = torch.tensor(classifier.Weights, [4, 3]).to(ScalarType.Float64).requires_grad_(true);
        Tensor b = torch.tensor(classifier.Bias).to(ScalarType.Float64).requires_grad_(true);
        Tensor z = xt.mm(w) + b;
        Tensor oneHot = nn.functional.one_hot(torch.tensor(y.Select(v => (long)v).ToArray()), 3).to(ScalarType.Float64);
        Tensor perExample = kind == "svm"
            ? (1 - (oneHot * 2 - 1) * z).clamp_min(0).square().sum()
            : -(oneHot * z.log_softmax(1)).sum();
        // The SVM penalises its intercept like LinearSVC (a constant feature of value 1); logistic regression does not.
        Tensor objective = 0.5 * w.square().sum() + c * perExample + (kind == "svm" ? 0.5 * b.square().sum() : 0.0 * b.sum());
        objective.backward();
        double gradMax = Math.Max(w.grad!.abs().max().item<double>(), b.grad!.abs().max().item<double>());
        double scale = c * x.Rows;
        (gradMax / scale).Should().BeLessThan(1e-5, "float32 rounding of the returned weights is the only error left");
        // And the solution is not trivial.
        w.abs().max().item<double>().Should().BeGreaterThan(0.1);
    }

    [Theory]
    [InlineData(0.01, 5)]
    [InlineData(1.0, 5)]
    [InlineData(0.1, 37)] // 37 columns: the SIMD dot products and their scalar remainder
    public void Dual_coordinate_descent_and_lbfgs_reach_the_same_svm_objective(double c, int dims)
    {
        (FeatureMatrix x, int[] y) = FeatureFixtures.Blobs(classes: 3, perClass: 50, dims: dims, separation: 1.5, seed: 6);
        var dual = new LinearSvm(new LinearClassifierOptions { C = c, DualTolerance = 1e-8, MaxIterations = 100_000 });
        var lbfgs = new LinearSvm(new LinearClassifierOptions
        {
            C = c, Tolerance = 1e-9, DoublePrecision = true, MaxIterations = 10_000, SvmSolver = SvmSolver.Lbfgs,
        });
        dual.Fit(x, y, 3);
        lbfgs.Fit(x, y, 3);
        dual.Converged.Should().BeTrue();
        dual.FinalProjectedGradientSpread.Should().BeLessThanOrEqualTo(1e-8);
        dual.FinalGradientMaxAbs.Should().BeLessThan(1e-5);
        dual.FinalObjective.Should().BeApproximately(lbfgs.FinalObjective, 1e-6 * Math.Abs(lbfgs.FinalObjective));
        dual.Weights.Zip(lbfgs.Weights, (a, b) => Math.Abs(a - b)).Max().Should().BeLessThan(1e-3f);
        dual.Bias.Zip(lbfgs.Bias, (a, b) => Math.Abs(a - b)).Max().Should().BeLessThan(1e-3f);
    }

    [Fact]
    public void Dual_solver_warm_start_reaches_the_same_solution_and_the_epoch_cap_is_reported()
    {
        (FeatureMatrix x, int[] y) = FeatureFixtures.Blobs(classes: 3, perClass: 50, dims: 5, separation: 1.5, seed: 7);
        var small = new LinearSvm(new LinearClassifierOptions { C = 0.1, DualTolerance = 1e-8, MaxIterations = 100_000 });
        small.Fit(x, y, 3);
        var cold = new LinearSvm(new LinearClassifierOptions { C = 1, DualTolerance = 1e-8, MaxIterations = 100_000 });
        var warm = new LinearSvm(new LinearClassifierOptions { C = 1, DualTolerance = 1e-8, MaxIterations = 100_000 });
        cold.Fit(x, y, 3);
        warm.Fit(x, y, 3, small);
        warm.Converged.Should().BeTrue();
        warm.FinalObjective.Should().BeApproximately(cold.FinalObjective, 1e-7 * cold.FinalObjective);

        var capped = new LinearSvm(new LinearClassifierOptions { C = 1, DualTolerance = 1e-12, MaxIterations = 2 });
        capped.Fit(x, y, 3);
        capped.Converged.Should().BeFalse();
        capped.Iterations.Should().Be(2);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Fitting_is_deterministic(string kind)
    {
        (FeatureMatrix x, int[] y) = FeatureFixtures.Blobs(classes: 4, perClass: 25, dims: 6, separation: 1, seed: 5);
        LinearClassifier first = Create(kind);
        LinearClassifier second = Create(kind);
        first.Fit(x, y, 4);
        second.Fit(x, y, 4);
        second.Weights.Should().Equal(first.Weights);
        second.Bias.Should().Equal(first.Bias);
        second.Iterations.Should().Be(first.Iterations);
    }

    [Fact]
    public void Bad_labels_are_rejected_with_clear_messages()
    {
        var x = new FeatureMatrix(new float[8], 4, 2);
        var svm = new LinearSvm();
        svm.Invoking(s => s.Fit(x, [0, 1, 0], 2)).Should().Throw<ArgumentException>().WithMessage("*3 labels*4 rows*");
        svm.Invoking(s => s.Fit(x, [0, 1, 0, 7], 2)).Should().Throw<ArgumentException>().WithMessage("*index 3 is 7*0..1*");
        svm.Invoking(s => s.Fit(x, [0, -1, 0, 1], 2)).Should().Throw<ArgumentException>().WithMessage("*index 1 is -1*");
        svm.Invoking(s => s.Fit(x, [0, 1, 0, 1], 3)).Should().Throw<ArgumentException>().WithMessage("Class 2 has no training examples*");
        svm.Invoking(s => s.Predict(x)).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => new LinearSvm(new LinearClassifierOptions { C = 0 })).Should().Throw<OptionsValidationException>().WithMessage("*C = 0*");
    }

    [Fact]
    public void Standardizer_centres_and_scales_with_the_fitted_statistics_and_keeps_constant_columns()
    {
        var fit = new FeatureMatrix([1, 5, 3, 5, 5, 5], 3, 2);
        FeatureStandardizer s = FeatureStandardizer.Fit(fit);
        s.Mean.Should().Equal(3, 5);
        s.Scale[0].Should().BeApproximately(Math.Sqrt(8.0 / 3), 1e-12);
        s.Scale[1].Should().Be(1);
        FeatureMatrix t = s.Transform(new FeatureMatrix([3, 6], 1, 2));
        t.Values[0].Should().Be(0);
        t.Values[1].Should().Be(1);
        s.Invoking(v => v.Transform(new FeatureMatrix(new float[3], 1, 3))).Should().Throw<ArgumentException>().WithMessage("*2 columns*3*");
    }
}
