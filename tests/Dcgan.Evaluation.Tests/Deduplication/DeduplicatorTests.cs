// Tests of Deduplicator and its reports, the distance comparison and the group sheet.
using Dcgan.Data;
using Dcgan.Data.Tests.Deduplication;
using Dcgan.Deduplication;

namespace Dcgan.Evaluation.Tests.Deduplication;

public class DeduplicatorTests
{
    private static readonly PlantedSet Planted = PlantedDuplicates.Build(baseCount: 200, copiesPerKind: 5);

    [Fact]
    public void Exact_method_reports_the_planted_exact_copies_with_zero_distance()
    {
        DeduplicationReport report = Deduplicator.Find(Planted.Source, new DeduplicationOptions { Method = DeduplicationMethod.Exact });

        report.Groups.Select(g => g.Members).Should().BeEquivalentTo(
            Planted.Pairs.Where(p => p.Kind == Plant.Exact).Select(p => new[] { p.Original, p.Copy }));
        report.Groups.Should().OnlyContain(g => g.MaxDistance == 0);
        (report.CodeBits, report.MaxDistance, report.RemovedCount, report.KeptCount).Should().Be((128, 0, 5, 215));
        report.TrainingLosses.Should().BeEmpty();
    }

    [Fact]
    public void Semantic_method_trains_encodes_and_groups_through_one_call()
    {
        DeduplicationReport report = Deduplicator.Find(Planted.Source, new DeduplicationOptions
        {
            Method = DeduplicationMethod.Semantic,
            Semantic = SemanticHashModelTests.Tiny(),
        });

        report.TrainingLosses.Should().HaveCount(4);
        report.CodeBits.Should().Be(64);
        // The small model is coarse (it also lets a few distinct test images collide), so only ask that the exact copy is in its original's group.
        report.Groups.Should().Contain(g => g.Members.Contains(0) && g.Members.Contains(200));
    }

    [Fact]
    public void Within_group_distances_of_planted_noisy_and_brightened_copies_are_below_the_closest_random_pairs()
    {
        DeduplicationReport report = Deduplicator.Find(Planted.Source, new DeduplicationOptions
        {
            Method = DeduplicationMethod.Perceptual,
            PerceptualMaxDistance = PlantedDuplicates.PerceptualTolerance,
        });
        // One-pixel shifts are left out: a shifted edge moves many pixels, so their pixel distance (up to 13) is not small.
        var plantedGroups = report.Groups.Where(g => Planted.Pairs.Any(p => p.Kind != Plant.Shift && g.Members.SequenceEqual(new[] { p.Original, p.Copy }))).ToList();

        DuplicateDistanceComparison comparison = DuplicateDistanceComparison.Measure(Planted.Source, plantedGroups, pairCount: 2000, seed: 1);

        plantedGroups.Should().HaveCount(15);
        comparison.RandomPairs.Count.Should().Be(2000);
        comparison.WithinGroups.Max.Should().BeLessThan(comparison.RandomPairs.P01);
        comparison.FractionBelowRandomP01.Should().Be(1.0);
    }

    [Fact]
    public void The_group_sheet_places_each_group_in_its_own_block_with_grey_spacers()
    {
        var source = new MemoryImageSource(new ImageShape(1, 1, 1), [-1f, -0.5f, 0.5f, 1f, 0.25f]);
        var groups = new[] { new DuplicateGroup([0, 1, 3], "a", [0, 0, 0]), new DuplicateGroup([2, 4], "b", [0, 0]) };

        (ImageBatch tiles, int columns) = DuplicateGroupSheet.Layout(source, groups, membersShown: 3, groupsPerRow: 2);

        columns.Should().Be(7);
        tiles.Pixels.Should().Equal(-1f, -0.5f, 1f, 0f, 0.5f, 0.25f, 0f);
        DuplicateGroupSheet.Largest(groups, 1).Single().Code.Should().Be("a");
        DuplicateGroupSheet.Sample(groups, 5, seed: 1).Should().HaveCount(2);
        FluentActions.Invoking(() => DuplicateGroupSheet.Layout(source, [])).Should().Throw<ArgumentException>().WithMessage("There are no duplicate groups to show.*");
    }
}
