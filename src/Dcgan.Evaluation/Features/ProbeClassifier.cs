// ProbeClassifier: which linear classifier the linear probe trains.

namespace Dcgan.Features;

/// <summary>Which linear classifier <see cref="LinearProbe"/> trains.</summary>
public enum ProbeClassifier
{
    /// <summary>One-vs-rest squared-hinge L2-SVM (<see cref="LinearSvm"/>), the paper's classifier.</summary>
    LinearSvm,

    /// <summary>Multinomial logistic regression (<see cref="LogisticRegressionClassifier"/>).</summary>
    LogisticRegression,
}
