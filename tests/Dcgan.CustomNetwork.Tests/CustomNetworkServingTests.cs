// A non-DCGAN pair served: the generator pool loads its checkpoint through CheckpointGeneratorLoader and a registry
// holding its kind (and refuses it, by kind, without), and in a host the kind registered with AddNetworkBuilder is
// trained by hosted training, resumed on the next start, and served by the pool.
using Dcgan.Data;
using Dcgan.Generation;
using Dcgan.Hosting;
using Dcgan.Hosting.Tests;
using Dcgan.Models;
using Dcgan.Persistence;
using Dcgan.Serving;
using Dcgan.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dcgan.CustomNetwork.Tests;

public class CustomNetworkServingTests
{
    [Fact]
    public async Task The_generator_pool_serves_the_checkpoint_through_the_registry()
    {
        NetworkBuilderRegistry registry = CustomRuns.Registry();
        string checkpoint = Path.Combine(CustomRuns.NewFolder("pool"), "trained.dcgan");
        using (GanNetworks networks = registry.Build(CustomRuns.Described, seed: 5))
        using (var trainer = new GanTrainer(networks, CustomRuns.Data(), CustomRuns.Setup(epochs: 1)))
        {
            trainer.Fit();
            trainer.SaveCheckpoint(checkpoint);
        }

        using var pool = new GeneratorPool(new GeneratorPoolOptions { ModelPath = checkpoint, MaxBatchSize = 8 }, new CheckpointGeneratorLoader(registry));
        pool.Start();
        ImageBatch served = await pool.GenerateAsync(seed: 7, count: 4);

        pool.Model!.LatentDimension.Should().Be(8);
        pool.Model.GlobalStep.Should().Be(4);
        served.Shape.Should().Be(new ImageShape(1, 28, 28));
        SameBits(served, Direct(checkpoint, registry, seed: 7, count: 4));
    }

    [Fact]
    public void A_pool_whose_loader_lacks_the_kind_fails_its_start_naming_the_kind()
    {
        string checkpoint = Path.Combine(CustomRuns.NewFolder("pool-unknown"), "model.dcgan");
        using (GanNetworks networks = CustomRuns.Registry().Build(CustomRuns.Described, seed: 5))
        {
            CheckpointModels.Save(checkpoint, networks.Generator, networks.Discriminator, networks.Description, "untrained");
        }

        using var pool = new GeneratorPool(new GeneratorPoolOptions { ModelPath = checkpoint }, new CheckpointGeneratorLoader());

        Action start = pool.Start;

        start.Should().Throw<CheckpointException>().WithMessage("*kind 'test-mlp'*no builder is registered*");
    }

    [Fact]
    public async Task A_host_trains_the_registered_kind_resumes_it_and_serves_it_from_the_pool()
    {
        string output = CustomRuns.NewFolder("hosted");
        var logs = new ListLogger();
        using (IHost training = Build(Settings(output), logs, pool: false))
        {
            await training.StartAsync();
            await WaitUntil(() => logs.Messages.Any(m => m.StartsWith("Step 3 ", StringComparison.Ordinal)), "step 3");
            await training.StopAsync(); // stops after the current step and writes a checkpoint
        }

        string first = CheckpointLocator.Resolve(output);
        CheckpointInfo info = Checkpoints.Read(first);
        info.Network!.Kind.Should().Be(MlpGanBuilder.KindName);
        new MlpGanBuilder().Read(info.Network).Should().BeEquivalentTo(CustomRuns.Description);
        info.GlobalStep.Should().BeGreaterThanOrEqualTo(3);

        Dictionary<string, string?> settings = Settings(output);
        settings["Dcgan:Generator:ModelPath"] = first;
        using (IHost both = Build(settings, logs, pool: true))
        {
            await both.StartAsync();
            ImageBatch served = await both.Services.GetRequiredService<IGeneratorPool>().GenerateAsync(seed: 7, count: 4);
            SameBits(served, Direct(first, CustomRuns.Registry(), seed: 7, count: 4));
            await WaitUntil(() => logs.Messages.Any(m => m.StartsWith($"Step {info.GlobalStep + 2} ", StringComparison.Ordinal)), "two steps after the resume");
            await both.StopAsync();
        }

        logs.Messages.Should().Contain(m => m.StartsWith("Resuming from", StringComparison.Ordinal) && m.Contains($"step {info.GlobalStep}", StringComparison.Ordinal));
        Checkpoints.Read(output).GlobalStep.Should().BeGreaterThan(info.GlobalStep);
    }

    [Fact]
    public async Task A_host_refuses_at_start_a_kind_that_is_not_registered()
    {
        string output = CustomRuns.NewFolder("hosted-unregistered");
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(Settings(output));
        builder.Services.AddDcgan(builder.Configuration.GetSection("Dcgan")).AddHostedTraining(); // no AddNetworkBuilder
        using IHost host = builder.Build();

        Func<Task> start = () => host.StartAsync();

        await start.Should().ThrowAsync<InvalidOperationException>().WithMessage("*Dcgan:Training:NetworkKind = \"test-mlp\"*no network builder of that kind is registered*");
    }

    private static Dictionary<string, string?> Settings(string output) => new()
    {
        ["Dcgan:Training:Data"] = CustomRuns.DataFile,
        ["Dcgan:Training:Output"] = output,
        ["Dcgan:Training:NetworkKind"] = MlpGanBuilder.KindName,
        ["Dcgan:Training:NetworkDescription"] = CustomRuns.Described.Json,
        ["Dcgan:Training:LogEverySteps"] = "1",
        ["Dcgan:Training:SampleGrids"] = "false",
        ["Dcgan:Training:Trainer:Epochs"] = "1000",
        ["Dcgan:Training:Trainer:BatchSize"] = "16",
        ["Dcgan:Training:Trainer:Seed"] = "3",
        ["Dcgan:Training:Trainer:Device"] = "cpu",
        ["Dcgan:Training:Trainer:FixedSampleCount"] = "4",
    };

    private static IHost Build(Dictionary<string, string?> settings, ListLogger logs, bool pool)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders().AddProvider(logs);
        DcganBuilder dcgan = builder.Services.AddDcgan(builder.Configuration.GetSection("Dcgan"))
            .AddNetworkBuilder<MlpGanBuilder>()
            .AddHostedTraining();
        if (pool)
        {
            dcgan.AddGeneratorPool();
        }

        return builder.Build();
    }

    // The checkpoint's generator rendering the seed's rows directly (no pool).
    private static ImageBatch Direct(string checkpoint, NetworkBuilderRegistry registry, long seed, int count)
    {
        (IGenerator generator, _) = CheckpointModels.LoadGenerator(checkpoint, registry);
        using (generator)
        {
            return generator.RenderBatch(LatentSeeds.ForSeed(generator, seed, count));
        }
    }

    private static void SameBits(ImageBatch actual, ImageBatch expected)
    {
        actual.Shape.Should().Be(expected.Shape);
        actual.Pixels.Select(BitConverter.SingleToUInt32Bits).Should().Equal(expected.Pixels.Select(BitConverter.SingleToUInt32Bits));
    }

    private static async Task WaitUntil(Func<bool> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, $"waiting for {what}");
            await Task.Delay(20);
        }
    }
}
