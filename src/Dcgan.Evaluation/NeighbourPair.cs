// NeighbourPair: a generated sample and its nearest training sample (memorization check).

namespace Dcgan.Evaluation;

/// <summary>A generated sample and its nearest training sample.</summary>
/// <param name="GeneratedIndex">Row of the generated set.</param>
/// <param name="TrainIndex">Row of the training set.</param>
/// <param name="Distance">Euclidean distance between them.</param>
public sealed record NeighbourPair(int GeneratedIndex, int TrainIndex, double Distance);
