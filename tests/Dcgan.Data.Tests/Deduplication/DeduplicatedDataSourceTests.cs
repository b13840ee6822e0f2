// Tests of DeduplicatedDataSource: the kept member, no two members of a group, a fixed epoch order, clear errors.
using Dcgan.Data;

namespace Dcgan.Data.Tests.Deduplication;

public class DeduplicatedDataSourceTests
{
    private static readonly MemoryImageSource Ten = Numbered(10);

    [Fact]
    public void Keeps_the_lowest_index_of_each_group_and_every_ungrouped_image_in_order()
    {
        var view = new DeduplicatedDataSource(Ten, new int[][] { [7, 2, 9], [4, 3] });

        Enumerable.Range(0, view.Count).Select(view.SourceIndex).Should().Equal(0, 1, 2, 3, 5, 6, 8);
        view.RemovedCount.Should().Be(3);
        view.Shape.Should().Be(Ten.Shape);
        view.Description.Should().Contain("de-duplicated (7 of 10 kept)");
        var image = new float[1];
        view.CopyImage(4, image);
        image[0].Should().Be(5f, "view image 4 is source image 5");
    }

    [Fact]
    public void Never_yields_two_members_of_a_group()
    {
        PlantedSet planted = PlantedDuplicates.Build(baseCount: 200, copiesPerKind: 5);
        IReadOnlyList<DuplicateGroup> groups = DuplicateGroups.FromCodes(
            planted.Source, PerceptualImageHash.ComputeAll(planted.Source), PerceptualImageHash.Bits, PlantedDuplicates.PerceptualTolerance);
        var view = new DeduplicatedDataSource(planted.Source, groups);

        var seen = Enumerable.Range(0, view.Count).Select(view.SourceIndex).ToHashSet();
        groups.Should().NotBeEmpty();
        foreach (DuplicateGroup group in groups)
        {
            group.Members.Where(seen.Contains).Should().Equal([group.Representative], "only the representative of a group is shown");
        }

        view.Count.Should().Be(planted.Source.Count - groups.Sum(g => g.Size - 1));
    }

    [Fact]
    public void The_epoch_order_is_a_function_of_seed_and_epoch_whatever_order_the_groups_come_in()
    {
        var first = new DeduplicatedDataSource(Ten, new int[][] { [7, 2, 9], [4, 3] });
        var second = new DeduplicatedDataSource(Ten, new int[][] { [3, 4], [9, 7, 2] });

        for (int epoch = 0; epoch < 3; epoch++)
        {
            // The trainer visits EpochOrder.Permutation(Count, seed, epoch): a resumed run recomputes it from (seed, epoch).
            int[] a = EpochOrder.Permutation(first.Count, 42, epoch).Select(first.SourceIndex).ToArray();
            int[] b = EpochOrder.Permutation(second.Count, 42, epoch).Select(second.SourceIndex).ToArray();
            b.Should().Equal(a);
            a.Should().BeEquivalentTo(new[] { 0, 1, 2, 3, 5, 6, 8 });
        }
    }

    [Fact]
    public void Bad_groups_and_empty_sources_are_refused_with_the_reason()
    {
        var empty = new MemoryImageSource(new ImageShape(1, 1, 1), []);

        FluentActions.Invoking(() => new DeduplicatedDataSource(empty, Array.Empty<int[]>()))
            .Should().Throw<ArgumentException>().WithMessage("*has no images*");
        FluentActions.Invoking(() => new DeduplicatedDataSource(Ten, new int[][] { [1, 10] }))
            .Should().Throw<ArgumentException>().WithMessage("Duplicate group 1 names image 10, outside 'memory (10 images 1x1x1)' (0 to 9).*");
        FluentActions.Invoking(() => new DeduplicatedDataSource(Ten, new int[][] { [1, 2], [3, 2] }))
            .Should().Throw<ArgumentException>().WithMessage("Image 2 is in duplicate groups 1 and 2*");
        FluentActions.Invoking(() => new DeduplicatedDataSource(Ten, new int[][] { [] }))
            .Should().Throw<ArgumentException>().WithMessage("Duplicate group 1 is empty*");
        FluentActions.Invoking(() => new DeduplicatedDataSource(Ten, new int[][] { [1, 2] }).SourceIndex(9))
            .Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Group_evidence_is_the_pixel_distance_to_the_representative_and_codes_must_match_the_images()
    {
        IReadOnlyList<DuplicateGroup> groups = DuplicateGroups.FromCodes(Ten, [1, 2, 1, 3, 3, 4, 5, 6, 1, 7], codeBits: 8, maxDistance: 0);

        groups.Should().HaveCount(2);
        groups[0].Members.Should().Equal(0, 2, 8);
        groups[0].Code.Should().Be("01");
        groups[0].Distances.Should().Equal(0.0, 2.0, 8.0);
        groups[1].Members.Should().Equal(3, 4);
        groups[1].MaxDistance.Should().Be(1.0);
        FluentActions.Invoking(() => DuplicateGroups.FromCodes(Ten, [1, 2], 8, 0))
            .Should().Throw<ArgumentException>().WithMessage("Expected one code per image of 'memory (10 images 1x1x1)' (10); got 2.*");
    }

    /// <summary>Images of one pixel whose value is their index.</summary>
    private static MemoryImageSource Numbered(int count) =>
        new(new ImageShape(1, 1, 1), Enumerable.Range(0, count).Select(i => (float)i).ToArray());
}
