// How a GanTrainer uses its composed parts: checks the setup, reads the architecture from the networks, builds
// the optimizers through the factory, and runs one step (one dispose scope) through the IAdversarialStep.
using System.Diagnostics;
using Dcgan.Data;
using Dcgan.Models;
using Dcgan.Native;
using Dcgan.Persistence;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Training;

public sealed partial class GanTrainer
{
    // One step. A diverged step (see GanTrainer.Divergence.cs) returns its divergence without advancing Position or
    // raising OnGeneratorStepEnd; Fit applies the policy after this scope has ended.
    private (StepLosses Losses, Divergence? Divergence) TrainBatch(HostBatch batch, Stopwatch clock, long imagesBefore, CancellationToken token)
    {
        using var scope = NewDisposeScope(); // one scope per step: every tensor of the step dies here
        Notify(c => c.OnBatchStart(new GanCallbackArguments(this, Position)));
        CapturePreStepState();
        ImageShape shape = _data.Shape;
        Tensor real = tensor(batch.Pixels, [batch.Count, shape.Channels, shape.Height, shape.Width]); // [B, C, H, W] on CPU
        if (Device.type != DeviceType.CPU)
        {
            real = real.to(Device);
        }

        TrainingPosition current = Position;
        var context = new AdversarialStepContext(real, Generator, Discriminator, Loss, _generatorOptimizer, _discriminatorOptimizer, _noise, Device, current,
            discriminatorSide =>
            {
                double rate = (imagesBefore + batch.Count) / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
                Notify(c => c.OnDiscriminatorStepEnd(new GanStepArguments(this, current, discriminatorSide, rate)));
            },
            _options.Augmentation, SeedSequence.Derive(_augmentationSeed, current.GlobalStep));
        StepLosses losses;
        try
        {
            losses = Step.Run(context);
        }
        finally
        {
            context.ReleaseStepResources();
        }

        if (!context.DiscriminatorStepReported)
        {
            throw new InvalidOperationException(
                $"{Step.GetType().Name}.Run returned without calling AdversarialStepContext.ReportDiscriminatorStep: an IAdversarialStep reports its discriminator side exactly once per step.");
        }

        Divergence? divergence = CheckLosses(losses) ?? (WeightCheckDue(current, token) ? CheckWeights() : null);
        if (divergence is not null)
        {
            return (losses, divergence);
        }

        RecordFiniteStep(losses, current);
        _average?.Update(Generator.Network, current.GlobalStep + 1);
        Position = Position with { BatchInEpoch = Position.BatchInEpoch + 1, GlobalStep = Position.GlobalStep + 1 };
        double rateAfter = (imagesBefore + batch.Count) / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
        Notify(c => c.OnGeneratorStepEnd(new GanStepArguments(this, current, losses, rateAfter)));
        return (losses, null);
    }

    // Both optimizers from the factory, for the networks' current parameters (G first, as always).
    private (optim.Optimizer Generator, optim.Optimizer Discriminator) CreateOptimizers()
    {
        optim.Optimizer generator = CreateOptimizer(GanNetworkRole.Generator, Generator.Network);
        try
        {
            return (generator, CreateOptimizer(GanNetworkRole.Discriminator, Discriminator.Network));
        }
        catch
        {
            generator.Dispose();
            throw;
        }
    }

    private optim.Optimizer CreateOptimizer(GanNetworkRole role, nn.Module network)
    {
        string factory = OptimizerFactory.GetType().Name;
        optim.Optimizer optimizer = OptimizerFactory.Create(role, network.parameters(), _options.Clone())
            ?? throw new InvalidOperationException($"{factory}.Create returned null for the {role}.");
        if (optimizer is not TorchSharp.Modules.OptimizerHelper)
        {
            optimizer.Dispose();
            throw new InvalidOperationException(
                $"{factory}.Create returned a {optimizer.GetType().Name} for the {role}, whose state cannot be saved in a checkpoint: return one derived from TorchSharp's OptimizerHelper (Dcgan.Training.Adam, Dcgan.Training.RMSProp, optim.SGD, ...).");
        }

        return optimizer;
    }

    private static void ThrowIfPartMissing(GanTrainerSetup setup)
    {
        (string Name, object? Value)[] parts =
        [
            (nameof(setup.Options), setup.Options), (nameof(setup.Loss), setup.Loss), (nameof(setup.Step), setup.Step),
            (nameof(setup.OptimizerFactory), setup.OptimizerFactory), (nameof(setup.Callbacks), setup.Callbacks), (nameof(setup.Logger), setup.Logger),
        ];
        string? missing = parts.FirstOrDefault(p => p.Value is null).Name;
        if (missing is not null)
        {
            throw new ArgumentException($"GanTrainerSetup.{missing} is null: leave it unset for the default, or give one.", nameof(setup));
        }

        int nullCallback = setup.Callbacks.ToList().FindIndex(c => c is null);
        if (nullCallback >= 0)
        {
            throw new ArgumentException($"GanTrainerSetup.Callbacks[{nullCallback}] is null.", nameof(setup));
        }

        if (string.IsNullOrWhiteSpace(setup.OptimizerFactory.Kind))
        {
            throw new ArgumentException(
                $"GanTrainerSetup.OptimizerFactory ({setup.OptimizerFactory.GetType().Name}) has an empty Kind: checkpoints record it to refuse optimizer state of another kind.", nameof(setup));
        }
    }

    private static void ThrowIfShapesDisagree(IGenerator generator, IDiscriminator discriminator, IImageDataSource data)
    {
        if (generator.ImageShape != data.Shape || discriminator.ImageShape != data.Shape)
        {
            throw new ArgumentException(
                $"Image shapes disagree: the data {data.Description} has {data.Shape} images (channels x height x width), the generator makes {generator.ImageShape} and the discriminator expects {discriminator.ImageShape}. Build the networks for the data's size and channels, or resize the data.");
        }
    }

    // The description of a DCGAN pair built from one set of options; null for other networks (or two DCGAN networks
    // built from different options).
    private static NetworkDescription? DescriptionOf(IGenerator generator, IDiscriminator discriminator) =>
        generator is DcganGenerator g && discriminator is DcganDiscriminator d && !ModuleState.DescribeDifferences(g.Options, d.Options).Any()
            ? NetworkDescription.Create(DcganNetworkBuilder.KindName, g.Options)
            : null;

    // libtorch first (a missing native library is reported before any argument), then the argument.
    private static GanNetworks LoadedAndNotNull(GanNetworks networks)
    {
        TorchRuntime.EnsureLoaded();
        ArgumentNullException.ThrowIfNull(networks);
        return networks;
    }
}
