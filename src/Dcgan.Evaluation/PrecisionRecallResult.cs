// PrecisionRecallResult: improved precision and recall of a generated set against a real set.

namespace Dcgan.Evaluation;

/// <summary>Improved precision and recall of a generated set against a real set.</summary>
/// <remarks>Managed values only. Not a record: it has no value equality (two instances with the same values are different objects), so compare properties; new members may be added in later versions.</remarks>
public sealed class PrecisionRecallResult
{
    /// <summary>Fraction of generated samples inside the real manifold (quality).</summary>
    public required double Precision { get; init; }

    /// <summary>Fraction of real samples inside the generated manifold (coverage).</summary>
    public required double Recall { get; init; }

    /// <summary>The neighbour count that sets the ball radii.</summary>
    public required int K { get; init; }
}
