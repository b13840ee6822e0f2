// `dcgan-experiments`: each command's bad arguments give one line in flags and values and exit code 2, outputs are
// checked before anything is computed, and existing results are replaced only with --force.
using System.Text.Json;
using Dcgan.Experiments;

namespace Dcgan.Cli.Tests;

[Collection(TinyRunCollection.Name)]
public sealed class ExperimentErrorTests(TinyRun run)
{
    [Theory]
    [InlineData("probe", "--classifier svm", "--classifier: 'svm' is not one of LinearSvm, LogisticRegression.")]
    [InlineData("probe", "--grid 0", "--grid 0 is out of range: expected at least 1.")]
    [InlineData("probe", "--features Trained,Bogus", "--features: 'Bogus' is not one of Trained, Random, Pixels.")]
    [InlineData("latent-metrics", "--confidence 2", "--confidence 2 is out of range: expected more than 0 and at most 1.")]
    [InlineData("latent-metrics", "--exemplars 0", "--exemplars 0: 0 is below 1; a concept needs at least 1 exemplar.")]
    [InlineData("latent-metrics", "--exemplars 1,,3", "--exemplars '1,,3' has an empty entry")]
    [InlineData("latent-metrics", "--pool 1", "--pool 1 is out of range: expected at least 2.")]
    [InlineData("latent-metrics", "--pairs 0", "--pairs 0 is out of range: expected at least 2.")]
    [InlineData("evaluate", "--count 5", "--count 5 is out of range: expected 100 to 100000.")]
    [InlineData("ablate", "--steps 1", "--steps 1 / --samples 5000: expected at least 10 steps and 100 samples.")]
    [InlineData("ablate", "--seeds 1,1", "--seeds: expected one or more distinct integers, got '1,1'.")]
    public void Experiment_commands_refuse_in_flags_and_values(string command, string args, string message)
    {
        string output = Path.Combine(run.NewFolder(), "report");
        string[] checkpoint = command == "ablate" ? [] : ["--checkpoint", run.RunFolder];

        ToolRunner.Experiments([command, .. checkpoint, "--output", output, .. args.Split(' ')]).ShouldBeOneLineUserError(message);
        Path.Exists(output).Should().BeFalse("a refused start leaves nothing behind");
    }

    [Theory]
    [InlineData("evaluate")]
    [InlineData("latent-metrics")]
    public void A_classifier_option_naming_another_kind_of_file_says_so(string command)
    {
        string losses = Path.Combine(run.RunFolder, "losses.csv");
        string checkpoint = Dcgan.Persistence.CheckpointLocator.Resolve(run.RunFolder);

        Experiment(command, "--classifier", losses).ShouldBeOneLineUserError($"--classifier '{losses}' is not a Dcgan evaluation classifier file");
        Experiment(command, "--classifier", checkpoint).ShouldBeOneLineUserError($"--classifier '{checkpoint}' is a Dcgan checkpoint, not an evaluation classifier file");
    }

    [Theory]
    [InlineData("evaluate")]
    [InlineData("probe")]
    [InlineData("latent-metrics")]
    public void A_checkpoint_option_naming_another_kind_of_file_says_so(string command)
    {
        string losses = Path.Combine(run.RunFolder, "losses.csv");

        ToolRunner.Experiments(command, "--checkpoint", losses, "--output", run.NewFolder())
            .ShouldBeOneLineUserError($"--checkpoint '{losses}' is not a Dcgan checkpoint file");
    }

    [Theory]
    [InlineData("evaluate", "evaluate.md")]
    [InlineData("probe", "probe.json")]
    [InlineData("latent-metrics", "latent.json")]
    [InlineData("ablate", "ablate.md")]
    public void An_existing_report_is_replaced_only_with_force(string command, string file)
    {
        string output = run.NewFolder();
        File.WriteAllText(Path.Combine(output, file), "committed result");
        string[] checkpoint = command == "ablate" ? [] : ["--checkpoint", run.RunFolder];

        ToolRunner.Experiments([command, .. checkpoint, "--output", output])
            .ShouldBeOneLineUserError($"--output: '{Path.Combine(output, file)}' already exists; pass --force to replace it");
        File.ReadAllText(Path.Combine(output, file)).Should().Be("committed result");
    }

    [Fact]
    public void Insufficient_exemplars_are_explained_with_flags()
    {
        string output = run.NewFolder();

        ToolResult result = ToolRunner.Experiments("latent-metrics", "--checkpoint", run.RunFolder, "--data", FashionMnistFolder.Write(run.NewFolder(), 64, 32),
            "--pairs", "2", "--steps", "2", "--trials", "2", "--pool", "20", "--confidence", "1", "--output", output);

        result.ShouldBeOneLineUserError("arithmetic stability not run").Should().Contain("Raise --pool, lower --confidence");
        File.Exists(Path.Combine(output, "latent.json")).Should().BeTrue("the walk numbers are still written");
    }

    [Fact]
    public void Train_classifier_refuses_to_overwrite_the_frozen_classifier_without_force()
    {
        string frozen = Path.Combine(run.NewFolder(), "fashion-classifier.bin");
        File.Copy(EvaluationClassifierFile.ShippedPath, frozen);
        byte[] before = File.ReadAllBytes(frozen);

        ToolRunner.Experiments("train-classifier", "--output", frozen, "--epochs", "1")
            .ShouldBeOneLineUserError($"--output: '{frozen}' already exists; pass --force to replace it");
        File.ReadAllBytes(frozen).Should().Equal(before);
    }

    [Theory]
    [InlineData("classifier.txt", "has the extension .txt, but this command writes classifier weights: give a file ending in .bin.")]
    [InlineData("classifier", "has no extension, but this command writes classifier weights")]
    public void Train_classifier_checks_the_output_extension_first(string name, string message)
    {
        ToolRunner.Experiments("train-classifier", "--data", "/nonexistent", "--output", Path.Combine(run.NewFolder(), name)).ShouldBeOneLineUserError(message);
    }

    [Fact]
    public void Train_classifier_names_epochs_out_of_range_with_its_flag()
    {
        ToolRunner.Experiments("train-classifier", "--data", FashionMnistFolder.Write(run.NewFolder(), 64, 32), "--epochs", "0", "--output", Path.Combine(run.NewFolder(), "c.bin"))
            .ShouldBeOneLineUserError("--epochs 0 is out of range: expected 1 to 10000.");
    }

    [Fact]
    public void Train_classifier_below_the_gate_writes_its_files_says_why_and_exits_3()
    {
        string output = Path.Combine(run.NewFolder(), "c.bin");

        ToolResult result = ToolRunner.Experiments("train-classifier", "--data", FashionMnistFolder.Write(run.NewFolder(), 64, 32), "--epochs", "1", "--output", output);

        result.ExitCode.Should().Be(3, result.Errors);
        result.Errors.Trim().Should().StartWith("error: test accuracy ").And.Contain("is below 0.91, the accuracy the evaluation classifier must reach");
        File.Exists(output).Should().BeTrue();
        using JsonDocument record = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(output, ".json")));
        record.RootElement.GetProperty("testAccuracy").GetDouble().Should().BeLessThan(0.91);
    }

    [Theory]
    [InlineData("numbers.txt", "has the extension .txt, but this command writes JSON")]
    [InlineData("missing-folder-is-a-file/x.json", "is a file, not a folder")]
    public void Reference_stats_checks_its_output_before_computing(string name, string message)
    {
        string folder = run.NewFolder();
        File.WriteAllText(Path.Combine(folder, "missing-folder-is-a-file"), "");

        ToolRunner.Experiments("reference-stats", "--data", "/nonexistent", "--output", Path.Combine(folder, name)).ShouldBeOneLineUserError(message);
    }

    [Fact]
    public void Reference_stats_refuses_an_existing_output_without_force()
    {
        string output = Path.Combine(run.NewFolder(), "reference.json");
        File.WriteAllText(output, "{}");

        ToolRunner.Experiments("reference-stats", "--data", "/nonexistent", "--output", output).ShouldBeOneLineUserError("already exists; pass --force");
    }

    [Fact]
    public void Probe_refuses_a_train_split_too_small_for_probe_train_and_probe_val()
    {
        // evaluate and ablate take any train split (ExperimentSuccessTests runs them on 256 images); the probe needs 50,001.
        ToolRunner.Experiments("probe", "--checkpoint", run.RunFolder, "--data", FashionMnistFolder.Write(run.NewFolder(), 64, 32), "--output", run.NewFolder())
            .ShouldBeOneLineUserError("The probe needs the full 60k Fashion-MNIST train split;");
    }

    private ToolResult Experiment(string command, params string[] args) =>
        ToolRunner.Experiments([command, "--checkpoint", run.RunFolder, "--output", run.NewFolder(), .. args]);
}
