// SkippedClass: a class left out of the trials because too few pool samples were confidently assigned to it.

namespace Dcgan.Evaluation;

/// <summary>A class left out of the trials because too few pool samples were confidently assigned to it.</summary>
/// <remarks>Managed values only. Not a record: it has no value equality (two instances with the same values are different objects), so compare properties; new members may be added in later versions.</remarks>
public sealed class SkippedClass
{
    /// <summary>The class.</summary>
    public required int Class { get; init; }

    /// <summary>Pool samples the classifier assigned to it with at least the confidence threshold.</summary>
    public required int ConfidentCount { get; init; }

    /// <summary>Samples a class needs: 2 x the largest exemplar count (A and B are disjoint sets of one class).</summary>
    public required int Needed { get; init; }
}
