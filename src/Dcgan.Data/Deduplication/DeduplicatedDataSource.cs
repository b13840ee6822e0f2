// DeduplicatedDataSource: an IImageDataSource that shows one image (the lowest index) of each duplicate group.
using System.Globalization;

namespace Dcgan.Data;

/// <summary>
/// A view of a data source without its duplicates: of each group only the lowest index is kept, every image in no
/// group is kept, and the kept images keep their original order. The index map is fixed at construction, so the
/// view is an ordinary, deterministic <see cref="IImageDataSource"/>: a trainer's (seed, epoch) shuffle visits it in
/// the same order on every run and on resume.
/// </summary>
public sealed class DeduplicatedDataSource : IImageDataSource
{
    private readonly int[] _kept;

    /// <summary>Hides all but the lowest index of each group in <paramref name="groups"/>.</summary>
    /// <param name="source">The full data source; it must not change while the view is used.</param>
    /// <param name="groups">Groups of indices of <paramref name="source"/> (for example <see cref="DuplicateGroup.Members"/>); each index may appear in one group only.</param>
    /// <exception cref="ArgumentException">The source is empty, a group is empty, an index is out of range or in two groups.</exception>
    public DeduplicatedDataSource(IImageDataSource source, IEnumerable<IReadOnlyList<int>> groups)
    {
        ImageCodes.RequireImages(source);
        ArgumentNullException.ThrowIfNull(groups);
        Source = source;
        var owner = new int[source.Count];                   // 0: in no group; g + 1: in group g
        bool[] hidden = new bool[source.Count];
        int g = 0;
        foreach (IReadOnlyList<int> group in groups)
        {
            g++;
            if (group is null || group.Count == 0)
            {
                throw new ArgumentException($"Duplicate group {g} is empty; every group needs at least one image.", nameof(groups));
            }

            int lowest = int.MaxValue;
            foreach (int index in group)
            {
                if ((uint)index >= (uint)source.Count)
                {
                    throw new ArgumentException(
                        $"Duplicate group {g} names image {index}, outside '{source.Description}' (0 to {source.Count - 1}).", nameof(groups));
                }

                if (owner[index] != 0 && owner[index] != g)
                {
                    throw new ArgumentException($"Image {index} is in duplicate groups {owner[index]} and {g}; an image may be in one group only.", nameof(groups));
                }

                owner[index] = g;
                hidden[index] = true;
                lowest = Math.Min(lowest, index);
            }

            hidden[lowest] = false;
        }

        _kept = Enumerable.Range(0, source.Count).Where(i => !hidden[i]).ToArray();
    }

    /// <summary>Hides all but the representative of each group.</summary>
    /// <param name="source">The full data source.</param>
    /// <param name="groups">The groups found for <paramref name="source"/>.</param>
    /// <exception cref="ArgumentException">See the other constructor.</exception>
    public DeduplicatedDataSource(IImageDataSource source, IEnumerable<DuplicateGroup> groups)
        : this(source, (groups ?? throw new ArgumentNullException(nameof(groups))).Select(d => (IReadOnlyList<int>)d.Members))
    {
    }

    /// <summary>The full data source; not owned: disposing this view does not dispose it (its opener does).</summary>
    public IImageDataSource Source { get; }

    /// <summary>Number of images hidden as duplicates.</summary>
    public int RemovedCount => Source.Count - _kept.Length;

    /// <inheritdoc />
    public int Count => _kept.Length;

    /// <inheritdoc />
    public ImageShape Shape => Source.Shape;

    /// <inheritdoc />
    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"{Source.Description}, de-duplicated ({_kept.Length} of {Source.Count} kept)");

    /// <summary>The index in <see cref="Source"/> of image <paramref name="index"/> of this view.</summary>
    /// <param name="index">0 to <see cref="Count"/> - 1.</param>
    /// <returns>The original index.</returns>
    public int SourceIndex(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return _kept[index];
    }

    /// <inheritdoc />
    public void CopyImage(int index, Span<float> destination) => Source.CopyImage(SourceIndex(index), destination);
}
