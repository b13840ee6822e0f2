// DuplicateGroupSheet: a PNG that shows duplicate groups side by side so that a person can judge them.
using Dcgan.Data;
using Dcgan.Evaluation;
using Dcgan.Imaging;

namespace Dcgan.Deduplication;

/// <summary>
/// Lays out duplicate groups as a contact sheet: each group is a block of its first members (representative first),
/// blocks are placed side by side, <c>groupsPerRow</c> to a row, separated by a mid-grey tile; unused slots of a
/// small group are mid-grey too.
/// </summary>
public static class DuplicateGroupSheet
{
    /// <summary>The <paramref name="count"/> largest groups (ties: lower representative first).</summary>
    /// <param name="groups">The groups.</param>
    /// <param name="count">How many, at most.</param>
    /// <returns>The groups, largest first.</returns>
    public static IReadOnlyList<DuplicateGroup> Largest(IReadOnlyList<DuplicateGroup> groups, int count) =>
        groups.OrderByDescending(g => g.Size).ThenBy(g => g.Representative).Take(count).ToList();

    /// <summary><paramref name="count"/> groups drawn without replacement with a seeded shuffle (all of them when there are fewer).</summary>
    /// <param name="groups">The groups.</param>
    /// <param name="count">How many, at most.</param>
    /// <param name="seed">The seed (see <see cref="ImageSets.RandomSubset(int, int, long)"/>).</param>
    /// <returns>The drawn groups, in drawn order.</returns>
    public static IReadOnlyList<DuplicateGroup> Sample(IReadOnlyList<DuplicateGroup> groups, int count, long seed) =>
        ImageSets.RandomSubset(groups.Count, Math.Min(count, groups.Count), seed).Select(i => groups[i]).ToList();

    /// <summary>The sheet as tiles: an <see cref="ImageBatch"/> and the number of tile columns to lay it out with.</summary>
    /// <param name="source">The images the groups index.</param>
    /// <param name="groups">The groups to show, at least one.</param>
    /// <param name="membersShown">Members shown per group, at least 2. The default value is 4.</param>
    /// <param name="groupsPerRow">Groups per row, at least 1. The default value is 5.</param>
    /// <returns>The tiles and the column count.</returns>
    public static (ImageBatch Tiles, int Columns) Layout(IImageDataSource source, IReadOnlyList<DuplicateGroup> groups, int membersShown = 4, int groupsPerRow = 5)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.Count == 0)
        {
            throw new ArgumentException("There are no duplicate groups to show.", nameof(groups));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(membersShown, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(groupsPerRow, 1);
        int perRow = Math.Min(groupsPerRow, groups.Count);
        int columns = perRow * membersShown + perRow - 1;               // a spacer tile between blocks
        int rows = (groups.Count + perRow - 1) / perRow;
        int length = source.Shape.ElementCount;
        var pixels = new float[(long)rows * columns * length];          // 0 = mid-grey spacer / empty slot
        for (int g = 0; g < groups.Count; g++)
        {
            int row = g / perRow;
            int firstColumn = (g % perRow) * (membersShown + 1);
            int[] members = groups[g].Members;
            for (int m = 0; m < Math.Min(membersShown, members.Length); m++)
            {
                int tile = row * columns + firstColumn + m;
                source.CopyImage(members[m], pixels.AsSpan(tile * length, length));
            }
        }

        return (new ImageBatch(rows * columns, source.Shape, pixels), columns);
    }

    /// <summary>Writes the sheet of <see cref="Layout"/> as a PNG (the folder is created; an existing file is replaced).</summary>
    /// <param name="source">The images the groups index.</param>
    /// <param name="groups">The groups to show, at least one.</param>
    /// <param name="path">The PNG file.</param>
    /// <param name="membersShown">Members shown per group. The default value is 4.</param>
    /// <param name="groupsPerRow">Groups per row. The default value is 5.</param>
    public static void SavePng(IImageDataSource source, IReadOnlyList<DuplicateGroup> groups, string path, int membersShown = 4, int groupsPerRow = 5)
    {
        (ImageBatch tiles, int columns) = Layout(source, groups, membersShown, groupsPerRow);
        ImageGrid.SavePng(tiles, path, columns, padding: 1);
    }
}
