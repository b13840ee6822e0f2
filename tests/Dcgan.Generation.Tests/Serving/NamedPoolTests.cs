// Named generator pools, like ML.NET's PredictionEnginePool named models: services.AddGeneratorPool(name, ...) with the
// TorchSharp-free registration and a fake backend. Each name is a keyed service with its own options section
// (Dcgan:Generators:<name>), model and worker, next to the default pool (Dcgan:Generator); all start and stop with the host.
using Dcgan.Data;
using Dcgan.Serving;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dcgan.Generation.Tests.Serving;

public sealed class NamedPoolTests
{
    private static IHost BuildHost(Dictionary<string, string?> settings, FakeModelLoader loader, Action<IServiceCollection, IConfiguration> add)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        add(builder.Services, builder.Configuration.GetSection("Dcgan"));
        builder.Services.AddSingleton(loader);
        builder.Services.AddTransient<FacesClient>();
        return builder.Build();
    }

    private static void AddThree(IServiceCollection services, IConfiguration dcgan, FakeModelLoader loader) => services
        .AddGeneratorPool(dcgan, loader)
        .AddGeneratorPool("faces", dcgan, loader)
        .AddGeneratorPool("digits", dcgan, loader, o => o.MaxImagesPerRequest = 5);

    [Fact]
    public async Task Named_pools_resolve_as_keyed_services_each_serving_its_own_model_with_its_own_options()
    {
        string folder = TempFolders.New("named");
        var loader = new FakeModelLoader();
        using IHost host = BuildHost(new()
        {
            ["Dcgan:Generator:ModelPath"] = FakeModelLoader.Write(folder, "default.fake", size: 2),
            ["Dcgan:Generators:faces:ModelPath"] = FakeModelLoader.Write(folder, "faces.fake", channels: 3, size: 4),
            ["Dcgan:Generators:faces:MaxBatchSize"] = "4",
            ["Dcgan:Generators:digits:ModelPath"] = FakeModelLoader.Write(folder, "digits.fake", latent: 3, size: 3),
        }, loader, (services, dcgan) => AddThree(services, dcgan, loader));

        await host.StartAsync();
        IGeneratorPool unnamed = host.Services.GetRequiredService<IGeneratorPool>();
        IGeneratorPool faces = host.Services.GetRequiredKeyedService<IGeneratorPool>("faces");
        IGeneratorPool digits = host.Services.GetRequiredKeyedService<IGeneratorPool>("digits");

        unnamed.Should().BeSameAs(host.Services.GetRequiredService<GeneratorPool>());
        faces.Should().BeSameAs(host.Services.GetRequiredKeyedService<GeneratorPool>("faces"));
        new[] { unnamed, faces, digits }.Should().OnlyHaveUniqueItems();
        unnamed.Model!.Checkpoint.Should().EndWith("default.fake");
        faces.Model!.Checkpoint.Should().EndWith("faces.fake");
        digits.Model!.LatentDimension.Should().Be(3);
        (await faces.GenerateAsync(1, 6)).Shape.Should().Be(new ImageShape(3, 4, 4));
        (await unnamed.GenerateAsync(1, 6)).Shape.Should().Be(new ImageShape(1, 2, 2));
        faces.Statistics.ForwardPasses.Should().Be(2, "faces passes 4 rows at a time (its own MaxBatchSize)");
        unnamed.Statistics.ForwardPasses.Should().Be(1, "the default pool keeps MaxBatchSize 32");
        digits.Options.MaxImagesPerRequest.Should().Be(5, "code configuration applies to its own pool only");
        faces.Options.MaxImagesPerRequest.Should().Be(256);
        host.Services.GetRequiredService<FacesClient>().Pool.Should().BeSameAs(faces, "[FromKeyedServices(\"faces\")] injects the named pool");
        await host.StopAsync();
    }

    [Fact]
    public async Task A_bad_value_in_a_named_section_fails_the_start_naming_its_full_key()
    {
        var loader = new FakeModelLoader();
        using IHost host = BuildHost(new()
        {
            ["Dcgan:Generators:faces:MaxBatchSize"] = "0",
            ["Dcgan:Generators:digits:MaxBatchSize"] = "4",
        }, loader, (services, dcgan) => AddThree(services, dcgan, loader));

        OptionsValidationException error = (await FluentActions.Awaiting(() => host.StartAsync()).Should().ThrowAsync<OptionsValidationException>()).Which;

        error.Failures.Should().ContainSingle().Which.Should().StartWith("Dcgan:Generators:faces:MaxBatchSize = 0");
    }

    [Fact]
    public async Task A_missing_model_of_a_named_pool_fails_the_start_naming_the_file()
    {
        string missing = Path.Combine(TempFolders.New("named-missing"), "gone.fake");
        var loader = new FakeModelLoader();
        using IHost host = BuildHost(new() { ["Dcgan:Generators:faces:ModelPath"] = missing }, loader, (services, dcgan) => AddThree(services, dcgan, loader));

        await FluentActions.Awaiting(() => host.StartAsync()).Should().ThrowAsync<FileNotFoundException>().WithMessage($"*{missing}*");
    }

    [Fact]
    public async Task Registering_a_name_twice_adds_one_pool_and_disposing_the_host_disposes_every_pools_model()
    {
        string folder = TempFolders.New("named-dispose");
        var loader = new FakeModelLoader();
        IHost host = BuildHost(new()
        {
            ["Dcgan:Generator:ModelPath"] = FakeModelLoader.Write(folder, "default.fake"),
            ["Dcgan:Generators:faces:ModelPath"] = FakeModelLoader.Write(folder, "faces.fake"),
        }, loader, (services, dcgan) => services
            .AddGeneratorPool(dcgan, loader)
            .AddGeneratorPool("faces", dcgan, loader)
            .AddGeneratorPool("faces", dcgan, loader, o => o.MaxImagesPerRequest = 9));

        host.Services.GetKeyedServices<IGeneratorPool>("faces").Should().ContainSingle();
        host.Services.GetServices<IHostedService>().Should().ContainSingle(s => s.GetType().Name == "GeneratorPoolStarter");
        await host.StartAsync();
        host.Services.GetRequiredKeyedService<IGeneratorPool>("faces").Options.MaxImagesPerRequest.Should().Be(9, "a second registration adds its configure");
        loader.Loaded.Should().HaveCount(2, "each pool loaded its model once");

        await host.StopAsync();
        host.Dispose();

        loader.Loaded.Should().OnlyContain(g => g.Disposed);
    }

    [Fact]
    public async Task The_loader_is_chosen_per_pool_from_its_final_options()
    {
        string folder = TempFolders.New("named-choose");
        var fakes = new FakeModelLoader();
        var others = new FakeModelLoader();
        var seen = new List<string?>();
        IGeneratorModelLoader Choose(GeneratorPoolOptions options)
        {
            seen.Add(options.ModelPath);
            return options.ModelPath!.EndsWith(".other", StringComparison.Ordinal) ? others : fakes;
        }

        FakeModelLoader.Write(folder, "b.other");
        using IHost host = BuildHost(new()
        {
            ["Dcgan:Generator:ModelPath"] = FakeModelLoader.Write(folder, "a.fake"),
        }, fakes, (services, dcgan) => services
            .AddGeneratorPool(dcgan, Choose, configure: null)
            .AddGeneratorPool("other", dcgan, Choose, o => o.ModelPath = Path.Combine(folder, "b.other")));

        await host.StartAsync();

        seen.Should().BeEquivalentTo([Path.Combine(folder, "a.fake"), Path.Combine(folder, "b.other")], "the chooser sees each pool's options after code configuration");
        fakes.Loaded.Should().ContainSingle();
        others.Loaded.Should().ContainSingle();
        host.Services.GetRequiredKeyedService<IGeneratorPool>("other").Model!.Checkpoint.Should().EndWith("b.other");
        await host.StopAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("a:b")]
    public void A_name_that_cannot_be_a_configuration_section_is_refused(string name)
    {
        var services = new ServiceCollection();

        Action add = () => services.AddGeneratorPool(name, new ConfigurationBuilder().Build(), new FakeModelLoader());

        add.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("name");
    }

    /// <summary>A service that asks for the "faces" pool the way an endpoint or controller would.</summary>
    private sealed class FacesClient([FromKeyedServices("faces")] IGeneratorPool pool)
    {
        public IGeneratorPool Pool => pool;
    }
}
