// InsufficientExemplarsException: arithmetic stability cannot run because fewer than two classes have enough
// confident samples (for example an immature generator whose samples all look like one class).

namespace Dcgan.Evaluation;

/// <summary>
/// Thrown by <see cref="ArithmeticStability.Compute"/> when fewer than two classes have enough confident pool samples to
/// draw disjoint exemplar sets. An <see cref="ArgumentException"/> (the options cannot work for this generator), with the
/// per-class counts so a caller can report them.
/// </summary>
public sealed class InsufficientExemplarsException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The explanation, naming every skipped class and its count.</param>
    /// <param name="confidentCounts">Per class, the confident pool samples.</param>
    /// <param name="skippedClasses">The classes with too few.</param>
    public InsufficientExemplarsException(string message, int[] confidentCounts, IReadOnlyList<SkippedClass> skippedClasses)
        : base(message)
    {
        ConfidentCounts = confidentCounts;
        SkippedClasses = skippedClasses;
    }

    /// <summary>Per class, the pool samples assigned to it with at least the confidence threshold.</summary>
    public int[] ConfidentCounts { get; }

    /// <summary>The classes that had too few confident samples.</summary>
    public IReadOnlyList<SkippedClass> SkippedClasses { get; }
}
