// LatentExpression: "smiling woman - neutral woman + neutral man" over averaged concepts, built in code (no
// strings to parse). Immutable: Add/Subtract return a new expression.

namespace Dcgan.Latent;

/// <summary>
/// A signed sum of concept vectors, e.g. <c>LatentExpression.Of(smilingWoman).Subtract(neutralWoman).Add(neutralMan)</c>.
/// Evaluation accumulates in double, so <c>A - A + B</c> gives B's mean exactly.
/// </summary>
public sealed class LatentExpression
{
    private readonly LatentTerm[] _terms;

    private LatentExpression(LatentTerm[] terms) => _terms = terms;

    /// <summary>The expression with no terms; add some before evaluating.</summary>
    public static LatentExpression Empty { get; } = new([]);

    /// <summary>The terms, in order.</summary>
    public IReadOnlyList<LatentTerm> Terms => _terms;

    /// <summary>Length of the vectors; 0 for <see cref="Empty"/>.</summary>
    public int Dimension => _terms.Length == 0 ? 0 : _terms[0].Concept.Dimension;

    /// <summary>An expression with the single term <c>+ concept</c>.</summary>
    /// <param name="concept">The first concept.</param>
    public static LatentExpression Of(LatentConcept concept) => Empty.Add(concept);

    /// <summary>This expression followed by <c>+ concept</c>.</summary>
    /// <param name="concept">A concept of the same dimension as the terms so far.</param>
    /// <exception cref="ArgumentException">The concept's dimension differs from the expression's.</exception>
    public LatentExpression Add(LatentConcept concept) => With(+1, concept);

    /// <summary>This expression followed by <c>- concept</c>.</summary>
    /// <param name="concept">A concept of the same dimension as the terms so far.</param>
    /// <exception cref="ArgumentException">The concept's dimension differs from the expression's.</exception>
    public LatentExpression Subtract(LatentConcept concept) => With(-1, concept);

    /// <summary>The vector: the signed sum of the terms' means.</summary>
    /// <exception cref="InvalidOperationException">The expression has no terms.</exception>
    public float[] Evaluate()
    {
        if (_terms.Length == 0)
        {
            throw new InvalidOperationException("The latent expression has no terms; Add a concept first.");
        }

        var sum = new double[Dimension];
        foreach (LatentTerm term in _terms)
        {
            ReadOnlySpan<float> mean = term.Concept.MeanSpan;
            for (int j = 0; j < sum.Length; j++)
            {
                sum[j] += term.Sign * (double)mean[j];
            }
        }

        return sum.Select(v => (float)v).ToArray();
    }

    /// <summary>The expression as text, e.g. <c>smiling woman - neutral woman + neutral man</c>.</summary>
    public override string ToString()
    {
        if (_terms.Length == 0)
        {
            return "(empty)";
        }

        var text = new System.Text.StringBuilder(_terms[0].Sign < 0 ? "-" : "");
        text.Append(_terms[0].Concept.Name);
        foreach (LatentTerm term in _terms.Skip(1))
        {
            text.Append(term.Sign < 0 ? " - " : " + ").Append(term.Concept.Name);
        }

        return text.ToString();
    }

    private LatentExpression With(int sign, LatentConcept concept)
    {
        ArgumentNullException.ThrowIfNull(concept);
        if (_terms.Length > 0 && concept.Dimension != Dimension)
        {
            throw new ArgumentException(
                $"Concept '{concept.Name}' has dimension {concept.Dimension} but the expression's terms have dimension {Dimension}.", nameof(concept));
        }

        return new LatentExpression([.. _terms, new LatentTerm(sign, concept)]);
    }
}
