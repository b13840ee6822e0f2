using Dcgan.Evaluation;

namespace Dcgan.Evaluation.Tests;

public class ClassCoverageTests
{
    [Fact]
    public void Uniform_histogram_has_zero_kl_and_covers_every_class()
    {
        int[] labels = Enumerable.Range(0, 1000).Select(i => i % 10).ToArray();
        ClassCoverageResult result = ClassCoverage.FromPredictions(labels, 10);
        result.KlToUniform.Should().BeApproximately(0.0, 1e-12);
        result.CoveredClasses.Should().Be(10);
        result.Counts.Should().AllBeEquivalentTo(100);
    }

    [Fact]
    public void One_class_histogram_has_kl_ln10()
    {
        ClassCoverageResult result = ClassCoverage.FromPredictions(Enumerable.Repeat(3, 50).ToArray(), 10);
        result.KlToUniform.Should().BeApproximately(Math.Log(10), 1e-12);
        result.CoveredClasses.Should().Be(1);
    }

    [Fact]
    public void Classes_below_one_percent_are_not_covered()
    {
        int[] counts = [495, 495, 9, 1, 0, 0, 0, 0, 0, 0];
        ClassCoverage.FromCounts(counts).CoveredClasses.Should().Be(2);
    }

    [Fact]
    public void Labels_outside_the_classes_are_rejected() =>
        FluentActions.Invoking(() => ClassCoverage.FromPredictions([0, 10], 10)).Should().Throw<ArgumentException>().WithMessage("*10*");
}
