// services.AddDcgan(configuration).AddGeneratorPool(): options bound from configuration and validated at start, the
// pool resolved and started by the host, and disposed by it.
using Dcgan.Data;
using Dcgan.Models;
using Dcgan.Persistence;
using Dcgan.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dcgan.Hosting.Tests;

public class RegistrationTests
{
    internal static IHost BuildHost(Dictionary<string, string?> settings, Action<DcganBuilder>? add = null)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        DcganBuilder dcgan = builder.Services.AddDcgan(builder.Configuration.GetSection("Dcgan"));
        (add ?? (d => d.AddGeneratorPool())).Invoke(dcgan);
        return builder.Build();
    }

    [Fact]
    public async Task Options_are_bound_from_configuration_and_the_started_host_serves_the_checkpoint()
    {
        using IHost host = BuildHost(new()
        {
            ["Dcgan:Generator:ModelPath"] = TestCheckpoints.A,
            ["Dcgan:Generator:MaxBatchSize"] = "4",
            ["Dcgan:Generator:Coalesce"] = "false",
            ["Dcgan:Generator:MaxImagesPerRequest"] = "10",
        });

        GeneratorPoolOptions options = host.Services.GetRequiredService<IOptions<GeneratorPoolOptions>>().Value;
        options.MaxBatchSize.Should().Be(4);
        options.Coalesce.Should().BeFalse();
        options.MaxImagesPerRequest.Should().Be(10);
        options.PadPartialBatches.Should().BeTrue("unset keys keep their defaults");

        var pool = host.Services.GetRequiredService<GeneratorPool>();
        pool.Model.Should().BeNull("the pool loads when the host starts, not when it is resolved");
        await host.StartAsync();
        pool.Model!.Checkpoint.Should().Be(TestCheckpoints.A);
        pool.Options.MaxBatchSize.Should().Be(4);
        (await pool.GenerateAsync(1, 10)).Count.Should().Be(10);
        pool.Statistics.ForwardPasses.Should().Be(3, "10 images in passes of at most 4");
        await host.StopAsync();
    }

    [Fact]
    public async Task Invalid_values_fail_the_start_listing_every_failure_by_configuration_key()
    {
        using IHost host = BuildHost(new()
        {
            ["Dcgan:Generator:MaxBatchSize"] = "0",
            ["Dcgan:Generator:MaxQueuedRequests"] = "-3",
            ["Dcgan:Generator:Device"] = "gpu",
            ["Dcgan:Generator:WatchForChanges"] = "true",
        });

        Func<Task> start = () => host.StartAsync();

        OptionsValidationException error = (await start.Should().ThrowAsync<OptionsValidationException>()).Which;
        error.Failures.Should().HaveCount(4);
        error.Message.Should().Contain("Dcgan:Generator:MaxBatchSize = 0")
            .And.Contain("Dcgan:Generator:MaxQueuedRequests = -3")
            .And.Contain("Dcgan:Generator:Device = \"gpu\"")
            .And.Contain("Dcgan:Generator:WatchForChanges = true");
    }

    [Fact]
    public async Task A_misspelt_key_fails_the_start_naming_it()
    {
        using IHost host = BuildHost(new() { ["Dcgan:Generator:MaxBatchSzie"] = "8" });

        Func<Task> start = () => host.StartAsync();

        await start.Should().ThrowAsync<InvalidOperationException>().WithMessage("*MaxBatchSzie*");
    }

    [Fact]
    public async Task The_pre_1_0_Checkpoint_key_fails_the_start_naming_it_and_ModelPath_serves_the_model()
    {
        using IHost old = BuildHost(new() { ["Dcgan:Generator:Checkpoint"] = TestCheckpoints.A });
        await FluentActions.Awaiting(() => old.StartAsync()).Should().ThrowAsync<InvalidOperationException>().WithMessage("*Checkpoint*");

        using IHost host = BuildHost(new() { ["Dcgan:Generator:ModelPath"] = TestCheckpoints.A });
        await host.StartAsync();
        host.Services.GetRequiredService<IGeneratorPool>().Model!.Checkpoint.Should().Be(TestCheckpoints.A);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_fails_the_start_naming_the_key()
    {
        using IHost host = BuildHost(new() { ["Dcgan:Generator:MaxBatchSize"] = "many" });

        Func<Task> start = () => host.StartAsync();

        await start.Should().ThrowAsync<InvalidOperationException>().WithMessage("*Dcgan:Generator:MaxBatchSize*");
    }

    [Fact]
    public async Task A_missing_checkpoint_fails_the_start_not_the_first_request()
    {
        string missing = Path.Combine(TestCheckpoints.NewFolder("host-missing"), "gone.dcgan");
        using IHost host = BuildHost(new() { ["Dcgan:Generator:ModelPath"] = missing });

        Func<Task> start = () => host.StartAsync();

        await start.Should().ThrowAsync<CheckpointException>().WithMessage($"*{missing}*");
    }

    [Fact]
    public void Code_configuration_applies_after_binding()
    {
        using IHost host = BuildHost(new() { ["Dcgan:Generator:MaxBatchSize"] = "4" }, d => d.AddGeneratorPool(o => o.MaxImagesPerRequest = 7));

        GeneratorPoolOptions options = host.Services.GetRequiredService<IOptions<GeneratorPoolOptions>>().Value;

        options.MaxBatchSize.Should().Be(4);
        options.MaxImagesPerRequest.Should().Be(7);
    }

    [Fact]
    public void The_trainer_factory_uses_the_paper_parts_unless_the_app_registers_its_own()
    {
        using IHost defaults = BuildHost(new(), _ => { });
        HostApplicationBuilder custom = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        custom.Services.AddTransient<IOptimizerFactory, RmsPropOptimizerFactory>();
        custom.Services.AddDcgan(custom.Configuration.GetSection("Dcgan"));
        using IHost withRmsProp = custom.Build();
        IImageDataSource data = IdxImageDataSource.Open(Path.Combine(AppContext.BaseDirectory, "data", "fashion-mnist", "t10k-images-idx3-ubyte.gz"));
        var options = new GanTrainerOptions { BatchSize = 16, Device = "cpu", FixedSampleCount = 2 };

        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(TestCheckpoints.TinyArchitecture(8), seed: 1);
        using (g)
        using (d)
        using (GanTrainer paper = defaults.Services.GetRequiredService<GanTrainerFactory>().Create(g, d, data, options))
        using (GanTrainer rms = withRmsProp.Services.GetRequiredService<GanTrainerFactory>().Create(g, d, data, options))
        {
            paper.OptimizerFactory.Should().BeOfType<AdamOptimizerFactory>();
            paper.Step.Should().BeOfType<DiscriminatorThenGeneratorStep>();
            paper.Loss.Should().BeOfType<NonSaturatingGanLoss>();
            rms.OptimizerFactory.Should().BeOfType<RmsPropOptimizerFactory>();
        }
    }

    [Fact]
    public async Task A_named_pool_serves_its_own_checkpoint_next_to_the_default_one()
    {
        using IHost host = BuildHost(new()
        {
            ["Dcgan:Generator:ModelPath"] = TestCheckpoints.A,
            ["Dcgan:Generators:other:ModelPath"] = TestCheckpoints.B,
            ["Dcgan:Generators:other:MaxBatchSize"] = "8",
        }, d => d.AddGeneratorPool(o => o.MaxBatchSize = 8).AddGeneratorPool("other"));
        await host.StartAsync();
        IGeneratorPool a = host.Services.GetRequiredService<IGeneratorPool>();
        IGeneratorPool b = host.Services.GetRequiredKeyedService<IGeneratorPool>("other");

        ImageBatch fromA = await a.GenerateAsync(seed: 3, count: 2);
        ImageBatch fromB = await b.GenerateAsync(seed: 3, count: 2);

        b.Model!.Checkpoint.Should().Be(TestCheckpoints.B);
        using GeneratorPool alone = GeneratorPoolTests.Started(TestCheckpoints.B);
        Pixels.BitEqual(fromB, await alone.GenerateAsync(seed: 3, count: 2)).Should().BeTrue("the named pool serves checkpoint B");
        Pixels.BitEqual(fromA, fromB).Should().BeFalse();
        await host.StopAsync();
    }

    [Fact]
    public void Adding_the_pool_twice_registers_one_pool_and_one_starter()
    {
        using IHost host = BuildHost(new(), d => d.AddGeneratorPool().AddGeneratorPool());

        host.Services.GetServices<GeneratorPool>().Should().ContainSingle();
        host.Services.GetServices<IHostedService>().Count(s => s.GetType().Name == "GeneratorPoolStarter").Should().Be(1);
    }

    [Fact]
    public async Task Disposing_the_host_finishes_queued_requests_then_disposes_the_pool()
    {
        IHost host = BuildHost(new() { ["Dcgan:Generator:ModelPath"] = TestCheckpoints.A, ["Dcgan:Generator:Coalesce"] = "false" });
        await host.StartAsync();
        var pool = host.Services.GetRequiredService<GeneratorPool>();
        Task<Data.ImageBatch>[] queued = Enumerable.Range(0, 10).Select(i => pool.GenerateAsync(i, 8)).ToArray();

        await host.StopAsync();
        host.Dispose();

        (await Task.WhenAll(queued)).Should().OnlyContain(b => b.Count == 8);
        pool.Model.Should().BeNull("the container disposed the pool and its model");
        await FluentActions.Awaiting(() => pool.GenerateAsync(1, 1)).Should().ThrowAsync<ObjectDisposedException>();
    }
}
