// LatentTerm: one signed concept of a LatentExpression (+A or -B).
namespace Dcgan.Latent;

/// <summary>One signed term of a <see cref="LatentExpression"/>.</summary>
/// <param name="Sign">+1 or -1.</param>
/// <param name="Concept">The concept whose mean is added or subtracted.</param>
public readonly record struct LatentTerm(int Sign, LatentConcept Concept);
