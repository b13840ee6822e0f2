// ProbeCandidate: validation accuracy of one candidate C (fits along the C path are warm-started from the next
// smaller C).

namespace Dcgan.Features;

/// <summary>Validation accuracy of one candidate C (fits along the C path are warm-started from the next smaller C).</summary>
/// <remarks>Managed values only. Not a record: it has no value equality (two instances with the same values are different objects), so compare properties; new members may be added in later versions.</remarks>
public sealed class ProbeCandidate
{
    /// <summary>The candidate.</summary>
    public required double C { get; init; }

    /// <summary>Accuracy on the validation rows of a fit on the training rows.</summary>
    public required double ValidationAccuracy { get; init; }

    /// <summary>Iterations of that fit (L-BFGS iterations, or the dual SVM solver's largest epoch count).</summary>
    public required int Iterations { get; init; }

    /// <summary>Whether that fit reached the tolerance.</summary>
    public required bool Converged { get; init; }
}
