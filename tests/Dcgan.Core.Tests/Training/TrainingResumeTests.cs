// The one meaning of "resume this run folder" (TrainingResume): the checkpoint's settings that decide the numbers are
// kept, the caller's epochs/device/divergence settings are used, and every configured value it ignores is listed.
using Dcgan.Models;
using Dcgan.Persistence;
using Dcgan.Training;

namespace Dcgan.Core.Tests.Training;

public sealed class TrainingResumeTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_folder_without_checkpoints_is_a_new_run()
    {
        TrainingResume.FindInRunFolder(_temp.File("missing")).Should().BeNull();
        Directory.CreateDirectory(_temp.File("empty"));
        TrainingResume.FindInRunFolder(_temp.File("empty")).Should().BeNull();
    }

    [Fact]
    public void The_checkpoints_settings_are_kept_and_the_callers_epochs_device_and_divergence_settings_used()
    {
        string folder = SaveRun(TrainingFixtures.FastOptions(epochs: 1, batchSize: 16, seed: 7));
        var configured = TrainingFixtures.FastOptions(epochs: 5, batchSize: 8, seed: 9);
        configured.GeneratorLearningRate = 1e-3;
        configured.Device = "cpu";
        configured.OnDivergence = DivergencePolicy.RollBack;

        TrainingResume resume = TrainingResume.FindInRunFolder(folder)!;
        GanTrainerOptions options = resume.TrainerOptions(configured);

        resume.Checkpoint.Should().EndWith(CheckpointLocator.FileName(0, 0));
        (options.BatchSize, options.Seed, options.GeneratorLearningRate).Should().Be((16, 7L, 2e-4), "the checkpoint's");
        (options.Epochs, options.Device, options.OnDivergence).Should().Be((5, "cpu", DivergencePolicy.RollBack), "the caller's");
        resume.IgnoredSettings(configured).Should().Equal(
            "BatchSize = 8 (the checkpoint's 16 is kept)",
            "Seed = 9 (the checkpoint's 7 is kept)",
            "GeneratorLearningRate = 0.001 (the checkpoint's 0.0002 is kept)");
        resume.IgnoredSettings(options).Should().BeEmpty();
        resume.Architecture!.GeneratorWidth.Should().Be(TrainingFixtures.TinyArchitecture().GeneratorWidth);
        (resume.DataCount, resume.ImageShape.Height).Should().Be((32, 28));
    }

    [Fact]
    public void The_augmentation_and_the_weight_average_are_kept_like_every_setting_that_decides_the_numbers()
    {
        GanTrainerOptions trained = TrainingFixtures.FastOptions(epochs: 1, batchSize: 16, seed: 7);
        trained.Augmentation = DiffAugmentPolicy.Translation;
        trained.GeneratorEmaDecay = 0.9;
        trained.GeneratorEmaStart = 3;
        TrainingResume resume = TrainingResume.Open(SaveRun(trained));
        GanTrainerOptions configured = TrainingFixtures.FastOptions(epochs: 2, batchSize: 16, seed: 7); // no augmentation, no average

        GanTrainerOptions options = resume.TrainerOptions(configured);

        (options.Augmentation, options.GeneratorEmaDecay, options.GeneratorEmaStart).Should().Be((DiffAugmentPolicy.Translation, 0.9, 3L));
        resume.IgnoredSettings(configured).Should().Equal(
            "Augmentation = None (the checkpoint's Translation is kept)",
            "GeneratorEmaDecay = 0 (the checkpoint's 0.9 is kept)",
            "GeneratorEmaStart = 0 (the checkpoint's 3 is kept)");
    }

    [Fact]
    public void The_resumed_options_load_into_a_trainer_where_the_configured_ones_would_not()
    {
        string folder = SaveRun(TrainingFixtures.FastOptions(epochs: 1, batchSize: 16, seed: 7));
        var configured = TrainingFixtures.FastOptions(epochs: 2, batchSize: 8, seed: 7);
        TrainingResume resume = TrainingResume.Open(folder);

        Load(resume.Checkpoint, resume.TrainerOptions(configured)).Should().Be(0);
        Action asConfigured = () => Load(resume.Checkpoint, configured);
        asConfigured.Should().Throw<CheckpointException>().WithMessage("*BatchSize*");
    }

    [Fact]
    public void Other_data_is_refused_naming_both_data_sets()
    {
        TrainingResume resume = TrainingResume.Open(SaveRun(TrainingFixtures.FastOptions(epochs: 1)));

        Action check = () => resume.ThrowIfOtherData(TrainingFixtures.FashionSubset(48));

        check.Should().Throw<ArgumentException>().WithMessage("*(32 images of 1x28x28), but this run would read*(48 images of 1x28x28)*");
    }

    private string SaveRun(GanTrainerOptions options)
    {
        string folder = _temp.File("run");
        Directory.CreateDirectory(folder);
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using var _g = g;
        using var _d = d;
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(32), TrainingFixtures.Setup(options));
        trainer.SaveCheckpoint(Path.Combine(folder, CheckpointLocator.FileName(0, 0)));
        return folder;
    }

    private static int Load(string file, GanTrainerOptions options)
    {
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using var _g = g;
        using var _d = d;
        using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(32), TrainingFixtures.Setup(options));
        trainer.LoadCheckpoint(file);
        return trainer.Position.Epoch;
    }
}
