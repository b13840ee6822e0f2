// DuplicateGroup: one group of near-duplicate images with its evidence (shared code, pixel distances to the kept image).
namespace Dcgan.Data;

/// <summary>
/// Images judged to be (near) duplicates of each other, with the evidence: the representative's code and each
/// member's pixel-space distance to the representative.
/// </summary>
/// <param name="Members">Image indices in ascending order, at least two; the first is the representative that de-duplication keeps.</param>
/// <param name="Code">The representative's binary code as hexadecimal (low bits last), the key the members collided on or lie near.</param>
/// <param name="Distances">
/// Euclidean distance of each member's pixels ([C, H, W], values in [-1, 1]) to the representative's, in the order of
/// <paramref name="Members"/> (the first is 0). For 784 pixels, 1.0 is a root-mean-square difference of 0.036.
/// </param>
public sealed record DuplicateGroup(int[] Members, string Code, double[] Distances)
{
    /// <summary>The representative: the lowest index, the member that a de-duplicated source keeps.</summary>
    public int Representative => Members[0];

    /// <summary>Number of images in the group.</summary>
    public int Size => Members.Length;

    /// <summary>The largest pixel distance from a member to the representative.</summary>
    public double MaxDistance => Distances.Max();
}
