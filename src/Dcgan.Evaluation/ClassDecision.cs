// ClassDecision: a classifier's decision on one image.

namespace Dcgan.Evaluation;

/// <summary>A classifier's decision on one image.</summary>
/// <param name="Label">The most probable class (the lowest index on ties).</param>
/// <param name="Confidence">Its probability: the maximum softmax value.</param>
public readonly record struct ClassDecision(int Label, float Confidence);
