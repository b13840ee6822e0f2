// ProbeCandidate: validation accuracy of one candidate C (fits along the C path are warm-started from the next
// smaller C).

namespace Dcgan.Features;

/// <summary>Validation accuracy of one candidate C (fits along the C path are warm-started from the next smaller C).</summary>
/// <param name="C">The candidate.</param>
/// <param name="ValidationAccuracy">Accuracy on the validation rows of a fit on the training rows.</param>
/// <param name="Iterations">Iterations of that fit (L-BFGS iterations, or the dual SVM solver's largest epoch count).</param>
/// <param name="Converged">Whether that fit reached the tolerance.</param>
public sealed record ProbeCandidate(double C, double ValidationAccuracy, int Iterations, bool Converged);
