// Tests of the exact and perceptual hashes on planted duplicates and on a set built to be distinct.
using Dcgan.Data;

namespace Dcgan.Data.Tests.Deduplication;

public class ExactAndPerceptualHashTests
{
    private static readonly PlantedSet Planted = PlantedDuplicates.Build(baseCount: 200, copiesPerKind: 5);

    [Fact]
    public void Exact_hash_groups_exact_copies_and_nothing_else()
    {
        int[][] groups = BinaryCodeGrouping.Group(ExactImageHash.ComputeAll(Planted.Source), ExactImageHash.Bits, 0);

        foreach ((int original, int copy, Plant kind) in Planted.Pairs)
        {
            int[]? group = PlantedDuplicates.GroupOf(groups, copy);
            if (kind == Plant.Exact)
            {
                group.Should().Equal([original, copy], "an exact copy has the same pixels");
            }
            else
            {
                group.Should().BeNull($"a {kind} copy does not have the same pixels");
            }
        }

        groups.Should().HaveCount(5, "only the five exact copies are exact duplicates");
    }

    [Fact]
    public void Exact_hash_treats_negative_zero_as_zero_and_sees_one_changed_value()
    {
        float[] image = [0f, 0.5f, -1f];
        ExactImageHash.Compute([-0f, 0.5f, -1f]).Should().Be(ExactImageHash.Compute(image));
        ExactImageHash.Compute([0f, 0.5f, BitConverter.UInt32BitsToSingle(BitConverter.SingleToUInt32Bits(-1f) - 1)])
            .Should().NotBe(ExactImageHash.Compute(image), "the last value differs by one unit in the last place");
    }

    [Fact]
    public void Perceptual_hash_groups_noisy_and_brightened_copies_and_most_shifted_copies_with_their_originals()
    {
        UInt128[] codes = PerceptualImageHash.ComputeAll(Planted.Source);
        int[][] groups = BinaryCodeGrouping.Group(codes, PerceptualImageHash.Bits, PlantedDuplicates.PerceptualTolerance);

        // Measured: the one-pixel shift of image 12 lands 6 bits from its original (beyond the default 4); the others
        // are at most 4 bits away. The test pins that: every other planted copy is found, shifts 4 of 5.
        var missed = Planted.Pairs.Where(p => PlantedDuplicates.GroupOf(groups, p.Copy)?.Contains(p.Original) != true).ToList();
        missed.Select(p => (p.Original, p.Kind)).Should().Equal([(12, Plant.Shift)]);
        foreach ((int original, int copy, Plant kind) in Planted.Pairs.Except(missed))
        {
            PlantedDuplicates.GroupOf(groups, copy).Should().Contain(original,
                $"image {copy} is a {kind} copy of image {original}, {UInt128.PopCount(codes[copy] ^ codes[original])} bits away; groups {string.Join(" ", groups.Select(g => "[" + string.Join(",", g) + "]"))}");
        }
    }

    [Fact]
    public void Perceptual_hash_is_unchanged_by_a_brightness_offset_that_does_not_clip()
    {
        var shape = new ImageShape(1, 28, 28);
        float[] image = PlantedDuplicates.FashionTestImages(1).Pixels.Select(v => v * 0.5f).ToArray();   // values in [-0.5, 0.5]
        var hasher = new PerceptualImageHash(shape);

        hasher.Compute(image.Select(v => v + 0.3f).ToArray()).Should().Be(hasher.Compute(image));
    }

    [Fact]
    public void Perceptual_hash_never_groups_a_set_built_to_be_distinct()
    {
        MemoryImageSource distinct = PlantedDuplicates.Distinct(300);

        BinaryCodeGrouping.Group(PerceptualImageHash.ComputeAll(distinct), PerceptualImageHash.Bits, PlantedDuplicates.PerceptualTolerance)
            .Should().BeEmpty();
    }

    [Fact]
    public void Hashes_refuse_an_empty_source_and_a_wrong_image_length()
    {
        var empty = new MemoryImageSource(new ImageShape(1, 28, 28), []);

        FluentActions.Invoking(() => ExactImageHash.ComputeAll(empty)).Should().Throw<ArgumentException>().WithMessage("*has no images*");
        FluentActions.Invoking(() => PerceptualImageHash.ComputeAll(empty)).Should().Throw<ArgumentException>().WithMessage("*has no images*");
        FluentActions.Invoking(() => new PerceptualImageHash(new ImageShape(1, 28, 28)).Compute(new float[27 * 28]))
            .Should().Throw<ArgumentException>().WithMessage("Expected one 1x28x28 image (784 values); got 756 values.*");
    }
}
