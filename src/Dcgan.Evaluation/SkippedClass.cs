// SkippedClass: a class left out of the trials because too few pool samples were confidently assigned to it.

namespace Dcgan.Evaluation;

/// <summary>A class left out of the trials because too few pool samples were confidently assigned to it.</summary>
/// <param name="Class">The class.</param>
/// <param name="ConfidentCount">Pool samples the classifier assigned to it with at least the confidence threshold.</param>
/// <param name="Needed">Samples a class needs: 2 x the largest exemplar count (A and B are disjoint sets of one class).</param>
public sealed record SkippedClass(int Class, int ConfidentCount, int Needed);
