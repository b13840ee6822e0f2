using Dcgan.Generation;
using Dcgan.Latent;
using Dcgan.Models;

namespace Dcgan.Core.Tests.Latent;

public class LatentArithmeticTests
{
    private static LatentConcept Concept(long seed, string name, int k = 3) =>
        LatentConcept.FromExemplars(LatentSeeds.ForSeed(seed, k, 8, LatentDistribution.Normal), name);

    [Fact]
    public void Average_of_identical_exemplars_is_the_exemplar()
    {
        float[] z = LatentSeeds.ForSeed(5, 1, 8, LatentDistribution.Normal)[0];
        LatentConcept.FromExemplars([z, z, z]).Mean.Should().Equal(z);
    }

    [Fact]
    public void Concept_mean_is_the_coordinatewise_average()
    {
        LatentConcept c = LatentConcept.FromExemplars([[0f, 3f], [3f, 6f], [6f, 0f]]);
        c.Mean.Should().Equal(3f, 3f);
        c.ExemplarCount.Should().Be(3);
    }

    [Fact]
    public void A_minus_A_plus_B_is_B()
    {
        LatentConcept a = Concept(1, "A"), b = Concept(2, "B");
        LatentExpression e = LatentExpression.Of(a).Subtract(a).Add(b);
        e.Evaluate().Should().Equal(b.Mean);
        e.ToString().Should().Be("A - A + B");
    }

    [Fact]
    public void Expression_is_the_signed_sum_of_concept_means()
    {
        LatentConcept a = Concept(1, "A"), b = Concept(2, "B"), c = Concept(3, "C");
        float[] result = LatentExpression.Of(a).Subtract(b).Add(c).Evaluate();
        for (int j = 0; j < 8; j++)
        {
            result[j].Should().BeApproximately(a.Mean[j] - b.Mean[j] + c.Mean[j], 1e-6f);
        }
    }

    [Fact]
    public void Empty_and_mismatched_exemplar_sets_name_the_lengths()
    {
        FluentActions.Invoking(() => LatentConcept.FromExemplars([])).Should().Throw<ArgumentException>().WithMessage("*at least one exemplar; got 0*");
        FluentActions.Invoking(() => LatentConcept.FromExemplars([new float[8], new float[8], new float[7]]))
            .Should().Throw<ArgumentException>().WithMessage("Exemplar 2 has length 7 but exemplar 0 has length 8*");
        FluentActions.Invoking(() => LatentExpression.Of(Concept(1, "A")).Add(LatentConcept.FromExemplars([new float[5]], "short")))
            .Should().Throw<ArgumentException>().WithMessage("*'short' has dimension 5*dimension 8*");
        FluentActions.Invoking(() => LatentExpression.Empty.Evaluate()).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Neighbours_stay_within_the_radius_and_repeat_per_seed()
    {
        float[] centre = LatentSeeds.ForSeed(9, 1, 100, LatentDistribution.Normal)[0];
        float[][] near = LatentNeighbours.Jitter(centre, 50, seed: 4);
        near.Should().HaveCount(50);
        double maxOffset = near.SelectMany(row => row.Select((v, j) => Math.Abs(v - centre[j]))).Max();
        maxOffset.Should().BeLessThanOrEqualTo(0.25 + 1e-6).And.BeGreaterThan(0.2); // bounded, and actually uses the range
        LatentNeighbours.Jitter(centre, 50, seed: 4).Should().BeEquivalentTo(near, o => o.WithStrictOrdering());
        LatentNeighbours.Jitter(centre, 50, seed: 5)[0].Should().NotEqual(near[0]);
        float[][] wide = LatentNeighbours.Jitter(centre, 10, seed: 4, radius: 1f);
        wide.SelectMany(row => row.Select((v, j) => Math.Abs(v - centre[j]))).Max().Should().BeLessThanOrEqualTo(1.000001f);
    }

    [Fact]
    public void Direction_is_the_difference_of_averaged_concepts_and_sweeps_through_the_origin()
    {
        LatentConcept left = LatentConcept.FromExemplars([[2f, 0f], [4f, 0f]], "left");
        LatentConcept right = LatentConcept.FromExemplars([[0f, 2f], [0f, 4f]], "right");
        var turn = LatentDirection.Between(left, right);
        turn.Vector.Should().Equal(3f, -3f);
        double[] scales = LatentDirection.LinearScales(5);
        scales.Should().Equal(-1, -0.5, 0, 0.5, 1);
        float[][] sweep = turn.Sweep([1f, 1f], scales);
        sweep[2].Should().Equal(1f, 1f);
        sweep[4].Should().Equal(4f, -2f);
        sweep[0].Should().Equal(-2f, 4f);
        FluentActions.Invoking(() => turn.Apply(new float[3], 1)).Should().Throw<ArgumentException>().WithMessage("*length 3*length 2*");
    }
}
