// PrecisionRecallResult: improved precision and recall of a generated set against a real set.

namespace Dcgan.Evaluation;

/// <summary>Improved precision and recall of a generated set against a real set.</summary>
/// <param name="Precision">Fraction of generated samples inside the real manifold (quality).</param>
/// <param name="Recall">Fraction of real samples inside the generated manifold (coverage).</param>
/// <param name="K">The neighbour count that sets the ball radii.</param>
public sealed record PrecisionRecallResult(double Precision, double Recall, int K);
