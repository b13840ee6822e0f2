// BinaryLogisticFit: a binary logistic regression fitted by LogisticRegressionClassifier.FitBinary (the two-class
// multinomial model read as one weight vector).

namespace Dcgan.Features;

/// <summary>A fitted binary logistic regression: <c>P(y = 1 | x) = sigmoid(Weights . x + Bias)</c>.</summary>
/// <param name="Weights">One weight per feature: the class-1 column minus the class-0 column of the two-class model.</param>
/// <param name="Bias">The intercept difference b_1 - b_0.</param>
/// <param name="Iterations">L-BFGS iterations of the fit.</param>
/// <param name="Converged">Whether the fit reached its gradient tolerance.</param>
/// <param name="TrainingAccuracy">Accuracy on the rows it was fitted on (a decision value of exactly 0 counts as class 0).</param>
internal sealed record BinaryLogisticFit(double[] Weights, double Bias, int Iterations, bool Converged, double TrainingAccuracy);
