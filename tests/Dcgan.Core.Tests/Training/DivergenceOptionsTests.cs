// The divergence options: documented defaults, DataAnnotations ranges, and the one cross-field rule (roll-backs must
// not lower a learning rate below its own minimum).
using Dcgan.Training;
using Microsoft.Extensions.Options;

namespace Dcgan.Core.Tests.Training;

public class DivergenceOptionsTests
{
    [Fact]
    public void The_defaults_stop_check_weights_at_epoch_ends_and_allow_three_halving_roll_backs()
    {
        var options = new GanTrainerOptions();

        options.OnDivergence.Should().Be(DivergencePolicy.Stop);
        options.WeightCheckInterval.Should().Be(0);
        options.MaxConsecutiveSkippedBatches.Should().Be(10);
        options.MaxRollBacks.Should().Be(3);
        options.RollBackLearningRateFactor.Should().Be(0.5);
        new GanTrainerOptionsValidator().Validate(null, new GanTrainerOptions { OnDivergence = DivergencePolicy.RollBack }).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Out_of_range_values_are_named_with_their_values()
    {
        var options = new GanTrainerOptions
        {
            OnDivergence = (DivergencePolicy)7,
            WeightCheckInterval = -1,
            MaxConsecutiveSkippedBatches = 0,
            MaxRollBacks = 0,
            RollBackLearningRateFactor = 1.5,
            GeneratorLearningRate = 1e13,
        };

        ValidateOptionsResult result = new GanTrainerOptionsValidator().Validate(null, options);

        result.Failures!.Select(f => f.Split(':')[0]).Should().BeEquivalentTo(
            "OnDivergence = 7", "WeightCheckInterval = -1", "MaxConsecutiveSkippedBatches = 0", "MaxRollBacks = 0",
            "RollBackLearningRateFactor = 1.5", "GeneratorLearningRate = 10000000000000");
    }

    [Fact]
    public void Roll_backs_that_would_lower_a_learning_rate_below_its_minimum_are_refused_with_the_numbers()
    {
        var options = new GanTrainerOptions { OnDivergence = DivergencePolicy.RollBack, RollBackLearningRateFactor = 1e-6, MaxRollBacks = 2, DiscriminatorLearningRate = 1e-3 };

        ValidateOptionsResult result = new GanTrainerOptionsValidator().Validate(null, options);

        result.Failures.Should().ContainSingle().Which.Should().Be(
            "RollBackLearningRateFactor = 1E-06 and MaxRollBacks = 2 would lower the learning rate to 2E-16, below its minimum 1E-12: use a larger factor or fewer roll-backs.");
        options.OnDivergence = DivergencePolicy.Stop;
        new GanTrainerOptionsValidator().Validate(null, options).Succeeded.Should().BeTrue("the rule is about roll-backs only");
    }
}
