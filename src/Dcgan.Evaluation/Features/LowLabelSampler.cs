// LowLabelSampler: the paper's low-label protocol (e.g. SVHN with 1000 labels = 100 per class): draw k labelled
// examples per class, seeded, without replacement.

namespace Dcgan.Features;

/// <summary>Draws <c>k</c> examples per class from a labelled set, reproducibly from a seed.</summary>
public static class LowLabelSampler
{
    /// <summary>
    /// Indices of <paramref name="perClass"/> examples of every class 0..<paramref name="classCount"/> - 1,
    /// drawn without replacement (a partial Fisher-Yates shuffle of each class's indices with
    /// <see cref="Random"/>(<paramref name="seed"/>)). The same arguments always give the same indices.
    /// </summary>
    /// <param name="labels">The label of every example of the labelled set.</param>
    /// <param name="perClass">Examples to draw per class (at least 1).</param>
    /// <param name="classCount">Number of classes.</param>
    /// <param name="seed">Seed of the draw. Seeds in int range draw exactly as the int seeds of earlier versions; a seed outside it is folded to 32 bits (low half XOR high half).</param>
    /// <returns><c>perClass * classCount</c> indices into <paramref name="labels"/>, ascending.</returns>
    /// <exception cref="ArgumentException">
    /// A label is outside 0..classCount - 1 (the message names the index and value), or a class has fewer than
    /// <paramref name="perClass"/> examples (the message names the class and its count).
    /// </exception>
    public static int[] Sample(IReadOnlyList<int> labels, int perClass, int classCount, long seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(perClass, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        var byClass = new List<int>[classCount];
        for (int k = 0; k < classCount; k++)
        {
            byClass[k] = [];
        }

        for (int i = 0; i < labels.Count; i++)
        {
            int label = labels[i];
            if (label < 0 || label >= classCount)
            {
                throw new ArgumentException($"Label at index {i} is {label}; labels must be in 0..{classCount - 1}.", nameof(labels));
            }

            byClass[label].Add(i);
        }

        for (int k = 0; k < classCount; k++)
        {
            if (byClass[k].Count < perClass)
            {
                throw new ArgumentException(
                    $"Class {k} has {byClass[k].Count} examples; {perClass} per class were requested.", nameof(perClass));
            }
        }

        var rng = SeededRandom.Create(seed);
        var chosen = new List<int>(perClass * classCount);
        foreach (List<int> members in byClass)
        {
            for (int j = 0; j < perClass; j++)
            {
                int pick = rng.Next(j, members.Count);
                (members[j], members[pick]) = (members[pick], members[j]);
                chosen.Add(members[j]);
            }
        }

        chosen.Sort();
        return [.. chosen];
    }
}
