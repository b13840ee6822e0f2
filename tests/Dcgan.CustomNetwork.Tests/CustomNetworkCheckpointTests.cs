// A non-DCGAN pair through the library: trained a few steps, checkpointed with its kind and description, resumed bit
// for bit, and rebuilt from the checkpoint through a NetworkBuilderRegistry (and refused, by kind, without one).
using Dcgan.Data;
using Dcgan.Generation;
using Dcgan.Interop;
using Dcgan.Models;
using Dcgan.Persistence;
using Dcgan.Training;

namespace Dcgan.CustomNetwork.Tests;

public class CustomNetworkCheckpointTests
{
    [Fact]
    public void A_run_checkpointed_and_resumed_equals_an_uninterrupted_run_bit_for_bit()
    {
        NetworkBuilderRegistry registry = CustomRuns.Registry();
        IImageDataSource data = CustomRuns.Data();
        uint[] expectedG, expectedD;
        using (GanNetworks uninterrupted = registry.Build(CustomRuns.Described, seed: 5))
        using (var trainer = new GanTrainer(uninterrupted, data, CustomRuns.Setup(epochs: 2)))
        {
            trainer.Fit().StepsTrained.Should().Be(8, "2 epochs of 64 images in batches of 16");
            (expectedG, expectedD) = (CustomRuns.Bits(uninterrupted.Generator.Network), CustomRuns.Bits(uninterrupted.Discriminator.Network));
        }

        string checkpoint = Path.Combine(CustomRuns.NewFolder("resume"), "stopped.dcgan");
        using (GanNetworks first = registry.Build(CustomRuns.Described, seed: 5))
        using (var trainer = new GanTrainer(first, data, CustomRuns.Setup(epochs: 2, new StopAfter(3))))
        {
            trainer.Fit().StepsTrained.Should().Be(3);
            trainer.SaveCheckpoint(checkpoint);
        }

        CheckpointInfo info = Checkpoints.Read(checkpoint);
        info.Network.Should().Be(CustomRuns.Described, "the trainer records the pair's kind and description");
        info.DcganOptions.Should().BeNull();
        (info.GlobalStep, info.LatentDimension, info.ImageShape, info.HasTrainingState).Should().Be((3L, 8, new ImageShape(1, 28, 28), true));

        // Rebuilt from the checkpoint's own description with another seed: every weight must come from the file.
        using (GanNetworks resumed = registry.Build(info.Network!, seed: 99))
        using (var trainer = new GanTrainer(resumed, data, CustomRuns.Setup(epochs: 2)))
        {
            trainer.LoadCheckpoint(checkpoint);
            trainer.Fit().StepsTrained.Should().Be(5);
            CustomRuns.Bits(resumed.Generator.Network).Should().Equal(expectedG);
            CustomRuns.Bits(resumed.Discriminator.Network).Should().Equal(expectedD);
        }
    }

    [Fact]
    public void The_checkpoint_rebuilds_both_networks_through_the_registry_with_the_trained_weights()
    {
        NetworkBuilderRegistry registry = CustomRuns.Registry();
        string checkpoint = Path.Combine(CustomRuns.NewFolder("reload"), "trained.dcgan");
        uint[] trainedG, trainedD;
        using (GanNetworks networks = registry.Build(CustomRuns.Described, seed: 5))
        using (var trainer = new GanTrainer(networks, CustomRuns.Data(), CustomRuns.Setup(epochs: 1)))
        {
            trainer.Fit();
            trainer.SaveCheckpoint(checkpoint);
            (trainedG, trainedD) = (CustomRuns.Bits(networks.Generator.Network), CustomRuns.Bits(networks.Discriminator.Network));
        }

        (MlpGenerator generator, CheckpointInfo info) = CheckpointModels.LoadGenerator<MlpGenerator>(checkpoint, registry);
        using (generator)
        {
            info.GlobalStep.Should().Be(4);
            CustomRuns.Bits(generator).Should().Equal(trainedG);
            generator.training.Should().BeFalse("a loaded generator is in eval mode");
            ((IImageGenerator)generator).RenderBatch([new float[8]]).Shape.Should().Be(new ImageShape(1, 28, 28));
        }

        (IDiscriminator discriminator, _) = CheckpointModels.LoadDiscriminator(checkpoint, registry);
        using (discriminator)
        {
            discriminator.Should().BeOfType<ConvDiscriminator>();
            CustomRuns.Bits(discriminator.Network).Should().Equal(trainedD);
        }
    }

    [Fact]
    public void Without_its_builder_the_checkpoint_is_refused_naming_its_kind()
    {
        string checkpoint = Path.Combine(CustomRuns.NewFolder("unknown-kind"), "model.dcgan");
        using (GanNetworks networks = CustomRuns.Registry().Build(CustomRuns.Described, seed: 5))
        {
            CheckpointModels.Save(checkpoint, networks.Generator, networks.Discriminator, networks.Description, "untrained");
        }

        Action load = () => CheckpointModels.LoadGenerator(checkpoint).Generator.Dispose();
        Action asDcgan = () => CheckpointModels.LoadGenerator<DcganGenerator>(checkpoint, CustomRuns.Registry()).Generator.Dispose();
        Action export = () => PyTorchCheckpoints.Export(checkpoint, CustomRuns.NewFolder("export"));

        load.Should().Throw<CheckpointException>().WithMessage("*model.dcgan*kind 'test-mlp'*no builder is registered*registered: dcgan*");
        asDcgan.Should().Throw<CheckpointException>().WithMessage("*kind 'test-mlp'*generator is a MlpGenerator, not a DcganGenerator*");
        export.Should().Throw<CheckpointException>().WithMessage("*kind 'test-mlp'*");
    }

    [Fact]
    public void Resuming_into_networks_of_another_description_is_refused_naming_the_difference()
    {
        NetworkBuilderRegistry registry = CustomRuns.Registry();
        string checkpoint = Path.Combine(CustomRuns.NewFolder("other-description"), "stopped.dcgan");
        using (GanNetworks networks = registry.Build(CustomRuns.Described, seed: 5))
        using (var trainer = new GanTrainer(networks, CustomRuns.Data(), CustomRuns.Setup(epochs: 1, new StopAfter(1))))
        {
            trainer.Fit();
            trainer.SaveCheckpoint(checkpoint);
        }

        MlpGanDescription wider = CustomRuns.Description;
        wider.HiddenWidth = 48;
        using GanNetworks other = registry.Build(new MlpGanBuilder().Describe(wider), seed: 5);
        using var resumed = new GanTrainer(other, CustomRuns.Data(), CustomRuns.Setup(epochs: 1));

        Action load = () => resumed.LoadCheckpoint(checkpoint);

        load.Should().Throw<CheckpointException>().WithMessage("*its network description is*\"HiddenWidth\":32*this trainer's is*\"HiddenWidth\":48*");
    }
}
