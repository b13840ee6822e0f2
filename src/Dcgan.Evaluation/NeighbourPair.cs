// NeighbourPair: a generated sample and its nearest training sample (memorization check).

namespace Dcgan.Evaluation;

/// <summary>A generated sample and its nearest training sample.</summary>
/// <remarks>Managed values only. Not a record: it has no value equality (two instances with the same values are different objects), so compare properties; new members may be added in later versions.</remarks>
public sealed class NeighbourPair
{
    /// <summary>Row of the generated set.</summary>
    public required int GeneratedIndex { get; init; }

    /// <summary>Row of the training set.</summary>
    public required int TrainIndex { get; init; }

    /// <summary>Euclidean distance between them.</summary>
    public required double Distance { get; init; }
}
