using Dcgan.Data;
using Dcgan.Generation;
using Dcgan.Models;
using Microsoft.Extensions.Options;
using TorchSharp;

namespace Dcgan.Evaluation.Tests;

/// <summary>
/// Arithmetic stability in a 1-d world with known answers: image = z (uniform in [-1, 1)), the classifier says class 0
/// for z &lt; 0 and class 1 otherwise, with a confidence that grows with |z|. A and B are exemplars of class a, C of
/// class c, and the result A - B + C lands in c exactly when the within-class difference A - B does not cross the
/// class boundary.
/// </summary>
public class ArithmeticStabilityTests
{
    private static readonly ImageShape Pixel = new(1, 1, 1);

    /// <summary>Confidence 0.95 for |z| >= 0.5, else 0.6: only samples far from the class boundary are exemplars at 0.9.</summary>
    private static readonly Func<float, float> ConfidentBeyondHalf = z => z >= 0.5f ? 0.95f : 0.6f;

    [Fact]
    public void Results_always_land_in_the_intended_class_when_exemplars_are_far_from_the_boundary()
    {
        // Confident (0.95) only for |z| >= 0.5: A, B in [0.5, 1) on one side, so |A - B| < 0.5 <= |C| and the result
        // keeps C's sign: every result is class c. C alone and its +-0.25 neighbours keep |z| >= 0.25: also class c.
        // Classes 2 and 3 never win, so they are skipped and reported.
        using var generator = new IdentityGenerator(1, LatentDistribution.Uniform);
        FunctionClassifier classifier = FunctionClassifier.Sign(Pixel, 4, ConfidentBeyondHalf);
        var options = new ArithmeticStabilityOptions { PoolSize = 400, Trials = 40, Neighbours = 4, BatchSize = 37 };

        ArithmeticStabilityResult r = ArithmeticStability.Compute(generator, classifier, options);

        r.EligibleClasses.Should().Equal(0, 1);
        r.ConfidentCounts[0].Should().BeInRange(70, 130);                // about a quarter of 400
        r.SkippedClasses.Should().BeEquivalentTo([new SkippedClass { Class = 2, ConfidentCount = 0, Needed = 6 }, new SkippedClass
        {
            Class = 3,
            ConfidentCount = 0,
            Needed = 6,
        }]);
        r.SkipReport.Should().Contain("Skipped classes 2 (0), 3 (0)").And.Contain("fewer than 6").And.Contain(">= 0.9");
        r.ByExemplarCount.Select(e => e.ExemplarCount).Should().Equal(1, 3);
        foreach (ExemplarCountResult e in r.ByExemplarCount)
        {
            e.Trials.Should().Be(40);
            e.ResultShare.Should().Be(1);
            e.BaselineShare.Should().Be(1);
            e.BaselineAndNeighbourShare.Should().Be(1);
            e.ResultAndNeighbourShare.Should().BeInRange(0.5, 1);
            e.Outcomes.Should().AllSatisfy(o =>
            {
                o.ClassA.Should().NotBe(o.ClassC);
                o.ExemplarsA.Should().HaveCount(e.ExemplarCount).And.NotIntersectWith(o.ExemplarsB);
                o.ExemplarsB.Should().HaveCount(e.ExemplarCount).And.OnlyHaveUniqueItems();
                o.ExemplarsC.Should().HaveCount(e.ExemplarCount);
                o.ResultLabel.Should().Be(o.ClassC);
            });
        }

        r.ByExemplarCount[0].Outcomes.Select(o => (o.ClassA, o.ClassC)).Should().Equal(r.ByExemplarCount[1].Outcomes.Select(o => (o.ClassA, o.ClassC)),
            "every exemplar count uses the same trials' class choices");
        r.ByExemplarCount[0].Outcomes.Select(o => o.ClassA).Distinct().Should().HaveCount(2);
    }

    [Fact]
    public void Three_exemplars_are_more_stable_than_one_when_single_exemplars_are_noisy()
    {
        // Confidence 0.5 + |z| / 2 >= 0.55 admits every |z| >= 0.1, so single-exemplar differences A - B (triangular on
        // (-0.9, 0.9)) often outweigh C: P(miss) = E_C[(0.9 - C)^2 / 1.62] = 0.117 for k = 1; averaging 3 exemplars
        // shrinks A - B by sqrt(3) and the miss rate to about 2%. Rendering C alone never misses.
        using var generator = new IdentityGenerator(1, LatentDistribution.Uniform);
        FunctionClassifier classifier = FunctionClassifier.Sign(Pixel, 2, z => 0.5f + z / 2);
        var options = new ArithmeticStabilityOptions { PoolSize = 2000, ConfidenceThreshold = 0.55, Trials = 200, Neighbours = 0, Seed = 4 };

        ArithmeticStabilityResult r = ArithmeticStability.Compute(generator, classifier, options);

        r.SkippedClasses.Should().BeEmpty();
        r.SkipReport.Should().StartWith("No class skipped");
        ExemplarCountResult one = r.ByExemplarCount[0], three = r.ByExemplarCount[1];
        one.ResultShare.Should().BeInRange(0.8, 0.95);
        three.ResultShare.Should().BeGreaterThan(0.95).And.BeGreaterThan(one.ResultShare);
        one.ResultAndNeighbourShare.Should().Be(one.ResultShare, "with no neighbours the two shares agree");
        one.BaselineShare.Should().Be(1);
        three.BaselineShare.Should().Be(1);
    }

    [Fact]
    public void Too_few_confident_classes_is_an_error_that_lists_every_class()
    {
        using var generator = new IdentityGenerator(1, LatentDistribution.Uniform);
        FunctionClassifier classifier = FunctionClassifier.Sign(Pixel, 3, ConfidentBeyondHalf);
        var options = new ArithmeticStabilityOptions { PoolSize = 200, ConfidenceThreshold = 0.99, Trials = 5 };

        FluentActions.Invoking(() => ArithmeticStability.Compute(generator, classifier, options))
            .Should().Throw<InsufficientExemplarsException>()
            .WithMessage("*at least 2 classes with 6 confident samples*0 qualify*Skipped classes 0 (0), 1 (0), 2 (0)*confidence >= 0.99*")
            .Which.ConfidentCounts.Should().Equal(0, 0, 0);
    }

    [Fact]
    public void A_class_short_of_exemplars_for_the_largest_count_is_skipped_for_every_count()
    {
        // Class 1 is confident only for z >= 0.97 (about 1.5% of a 200 pool, so ~3 samples): enough for k = 1 (2) but
        // not k = 3 (6). Class 0 is confident everywhere below 0, class 2 for 0 <= z < 0.97 via a third rule.
        using var generator = new IdentityGenerator(1, LatentDistribution.Uniform);
        var classifier = new FunctionClassifier(Pixel, 3, x => x[0] < 0 ? [0.95f, 0.025f, 0.025f] : x[0] >= 0.97f ? [0.025f, 0.95f, 0.025f] : [0.025f, 0.025f, 0.95f]);
        var options = new ArithmeticStabilityOptions { PoolSize = 200, Trials = 10, Neighbours = 1 };

        ArithmeticStabilityResult r = ArithmeticStability.Compute(generator, classifier, options);

        r.ConfidentCounts[1].Should().BeLessThan(6);
        r.SkippedClasses.Should().ContainSingle().Which.Class.Should().Be(1);
        r.SkipReport.Should().Contain($"Skipped classes 1 ({r.ConfidentCounts[1]})");
        r.ByExemplarCount.SelectMany(e => e.Outcomes).Should().AllSatisfy(o => new[] { o.ClassA, o.ClassC }.Should().NotContain(1));
    }

    [Fact]
    public void Bad_options_are_refused_naming_the_value()
    {
        using var generator = new IdentityGenerator(1, LatentDistribution.Uniform);
        FunctionClassifier classifier = FunctionClassifier.Sign(Pixel, 2, _ => 1f);
        void Refused(ArithmeticStabilityOptions options, string message) =>
            FluentActions.Invoking(() => ArithmeticStability.Compute(generator, classifier, options))
                .Should().Throw<OptionsValidationException>().WithMessage(message);

        Refused(new ArithmeticStabilityOptions { ExemplarCounts = [1, 0] }, "*ExemplarCounts = [1, 0]*0 is below 1*");
        Refused(new ArithmeticStabilityOptions { ExemplarCounts = [] }, "*ExemplarCounts = []*minimum length of '1'*");
        Refused(new ArithmeticStabilityOptions { ExemplarCounts = [3, 3] }, "*ExemplarCounts = [3, 3]*repeats*");
        Refused(new ArithmeticStabilityOptions { ConfidenceThreshold = 0 }, "*ConfidenceThreshold = 0*between 0 exclusive and 1*");
        Refused(new ArithmeticStabilityOptions { ConfidenceThreshold = 1.5 }, "*ConfidenceThreshold = 1.5*between 0 exclusive and 1*");
        Refused(new ArithmeticStabilityOptions { ConfidenceThreshold = double.NaN }, "*ConfidenceThreshold = NaN*");
        Refused(new ArithmeticStabilityOptions { Trials = 0 }, "*Trials = 0*");
        Refused(new ArithmeticStabilityOptions { Neighbours = -1 }, "*Neighbours = -1*");
        Refused(new ArithmeticStabilityOptions { NeighbourRadius = -0.5f }, "*NeighbourRadius = -0.5*");
        new ArithmeticStabilityOptionsValidator().Failures(new ArithmeticStabilityOptions { ConfidenceThreshold = 1 }).Should().BeEmpty("1 is allowed: (0, 1]");
    }

    [Fact]
    public void Repeated_runs_leave_the_live_tensor_count_flat_and_agree()
    {
        using var generator = new IdentityGenerator(1, LatentDistribution.Uniform);
        FunctionClassifier classifier = FunctionClassifier.Sign(Pixel, 2, ConfidentBeyondHalf);
        var options = new ArithmeticStabilityOptions { PoolSize = 100, Trials = 6, Neighbours = 2, BatchSize = 10 };

        ArithmeticStabilityResult first = ArithmeticStability.Compute(generator, classifier, options);
        long live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        ArithmeticStabilityResult second = ArithmeticStability.Compute(generator, classifier, options);

        DisposeScopeManager.Statistics.ThreadTotalLiveCount.Should().Be(live);
        second.ByExemplarCount.Select(e => e.ResultAndNeighbourShare).Should().Equal(first.ByExemplarCount.Select(e => e.ResultAndNeighbourShare));
        second.ByExemplarCount[1].Outcomes[0].ExemplarsA.Should().Equal(first.ByExemplarCount[1].Outcomes[0].ExemplarsA);
    }
}
