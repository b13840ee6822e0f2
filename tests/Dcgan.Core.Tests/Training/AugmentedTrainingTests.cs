using Dcgan.Models;
using Dcgan.Persistence;
using Dcgan.Training;
using TorchSharp;

namespace Dcgan.Core.Tests.Training;

/// <summary>Training with DiffAugment: repeatable, resumable bit for bit, recorded in checkpoints, leak-free.</summary>
public sealed class AugmentedTrainingTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void An_augmented_run_resumes_bit_for_bit_and_differs_from_an_unaugmented_one()
    {
        float[] uninterrupted = Train(DiffAugmentPolicy.All, stopAfter: null, resumeFrom: null);
        float[] plain = Train(DiffAugmentPolicy.None, stopAfter: null, resumeFrom: null);
        TrainingFixtures.Bits(plain).Should().NotEqual(TrainingFixtures.Bits(uninterrupted), "the augmentation must reach the discriminator");

        string file = _temp.File("mid.dcgan");
        Train(DiffAugmentPolicy.All, stopAfter: 5, resumeFrom: null, checkpoint: file);
        float[] resumed = Train(DiffAugmentPolicy.All, stopAfter: null, resumeFrom: file);
        TrainingFixtures.Bits(resumed).Should().Equal(TrainingFixtures.Bits(uninterrupted), "each step's augmentation is derived from the seed and the step number");
    }

    [Fact]
    public void The_checkpoint_records_the_policy_and_gives_it_back_as_an_option()
    {
        string file = _temp.File("run.dcgan");
        Train(DiffAugmentPolicy.Translation | DiffAugmentPolicy.Cutout, stopAfter: 2, resumeFrom: null, checkpoint: file);
        Checkpoints.Read(file).ToTrainerOptions().Augmentation.Should().Be(DiffAugmentPolicy.Translation | DiffAugmentPolicy.Cutout);
    }

    [Fact]
    public void Augmented_steps_leave_no_tensors_behind()
    {
        var live = new List<long>();
        var probe = new LambdaCallback(onBatchEnd: _ => live.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount));
        Train(DiffAugmentPolicy.All, stopAfter: null, resumeFrom: null, callbacks: probe);
        live.Should().HaveCountGreaterThan(4);
        live.Skip(2).Should().OnlyContain(c => c == live[2], "after the optimizers' lazily created state, no step may leave tensors behind");
    }

    [Fact]
    public void An_undefined_policy_fails_validation_by_name()
    {
        GanTrainerOptions options = TrainingFixtures.FastOptions();
        options.Augmentation = (DiffAugmentPolicy)16;
        new GanTrainerOptionsValidator().Validate(null, options).Failures.Should().ContainMatch("Augmentation = 16 *");
    }

    // 2 epochs of 6 batches on 96 images; optionally stopped after a step and checkpointed, or resumed from a file.
    private static float[] Train(DiffAugmentPolicy policy, long? stopAfter, string? resumeFrom, string? checkpoint = null, GanCallback? callbacks = null)
    {
        GanTrainerOptions options = TrainingFixtures.FastOptions(epochs: 2, seed: 11);
        options.Augmentation = policy;
        var extra = new List<GanCallback>();
        if (stopAfter is long step)
        {
            extra.Add(new LambdaCallback(onBatchEnd: a => { if (a.Position.GlobalStep == step) a.Trainer.RequestStop(); }));
        }

        if (callbacks is not null)
        {
            extra.Add(callbacks);
        }

        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models(seed: resumeFrom is null ? 11 : 999);
        using (g)
        using (d)
        using (var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(96), TrainingFixtures.Setup(options, [.. extra])))
        {
            if (resumeFrom is not null)
            {
                trainer.LoadCheckpoint(resumeFrom);
            }

            trainer.Fit();
            if (checkpoint is not null)
            {
                trainer.SaveCheckpoint(checkpoint);
            }

            return TrainingFixtures.Flatten(g).Concat(TrainingFixtures.Flatten(d)).ToArray();
        }
    }
}
