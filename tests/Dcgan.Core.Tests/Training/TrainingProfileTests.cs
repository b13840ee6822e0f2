// The named profiles, defined once: quick-start must stay exactly the CLI's historical defaults (the README picture is
// byte-compared with the default `dcgan train` run), and paper must mean the paper's widths, batch and rate.
using Dcgan.Models;
using Dcgan.Training;

namespace Dcgan.Core.Tests.Training;

public class TrainingProfileTests
{
    [Fact]
    public void Quick_start_is_exactly_the_default_run_of_dcgan_train()
    {
        TrainingProfile q = TrainingProfile.QuickStart;
        (q.Name, q.Width, q.BatchSize, q.LearningRate, q.ImageBudget).Should().Be(("quick-start", 32, 64, 5e-4, 120_000));
        q.Epochs(10_000).Should().Be(12, "the shipped 10k split");
        q.Epochs(60_000).Should().Be(2);
        q.Epochs(7).Should().Be(17_143);

        GanTrainerOptions options = q.TrainerOptions(10_000);
        (options.BatchSize, options.GeneratorLearningRate, options.DiscriminatorLearningRate, options.Epochs).Should().Be((64, 5e-4, 5e-4, 12));
        DcganModelOptions architecture = q.Architecture(DcganModelOptions.Paper(28, 1));
        (architecture.GeneratorWidth, architecture.DiscriminatorWidth, architecture.KernelSize).Should().Be((32, 32, 5));
    }

    [Fact]
    public void Paper_has_the_papers_widths_batch_and_rate()
    {
        TrainingProfile p = TrainingProfile.Paper;
        DcganModelOptions architecture = p.Architecture(DcganModelOptions.Paper(64, 3));
        (architecture.GeneratorWidth, architecture.DiscriminatorWidth).Should().Be((128, 128), "Figure 1");
        p.Architecture(DcganModelOptions.PyTorchExample(64, 3)).GeneratorWidth.Should().Be(64, "a preset's own widths are kept");
        GanTrainerOptions options = p.TrainerOptions(60_000);
        (options.BatchSize, options.GeneratorLearningRate, options.Epochs).Should().Be((128, 2e-4, 1));
        var defaults = new GanTrainerOptions();
        (options.Beta1, options.Seed, options.Device).Should().Be((defaults.Beta1, defaults.Seed, defaults.Device));
    }

    [Fact]
    public void Names_parse_in_any_case_and_an_unknown_one_is_refused_with_the_names()
    {
        TrainingProfile.Parse(" Paper ").Should().BeSameAs(TrainingProfile.Paper);
        TrainingProfile.Parse("QUICK-START").Should().BeSameAs(TrainingProfile.QuickStart);
        Action parse = () => TrainingProfile.Parse("fast");
        parse.Should().Throw<ArgumentException>().WithMessage("Unknown training profile 'fast': expected quick-start or paper.*");
    }
}
