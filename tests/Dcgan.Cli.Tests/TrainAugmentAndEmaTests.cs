// `dcgan train --augment` and `--ema`: DiffAugment and the generator's weight average from the command line, validated
// in the user's words, recorded in the run's checkpoints, kept (not changed) when the run is resumed; `sample` then
// draws from the average.
using System.CommandLine;
using Dcgan.CommandLine;
using Dcgan.Persistence;
using Dcgan.Training;

namespace Dcgan.Cli.Tests;

[Collection(TinyRunCollection.Name)]
public sealed class TrainAugmentAndEmaTests(TinyRun run)
{
    private string TinyData => Path.Combine(run.Folder, "tiny-images-idx3-ubyte");

    [Theory]
    [InlineData("rotation", "--augment 'rotation' is not an augmentation; expected color, translation, cutout, all or none (comma-separated).")]
    [InlineData("color,flip", "--augment 'flip' is not an augmentation; expected color, translation, cutout, all or none (comma-separated).")]
    public void Unknown_augmentations_are_refused_by_name(string value, string message)
    {
        Train("--augment", value).Errors.Select(e => e.Message).Should().ContainSingle().Which.Should().Be(message);
    }

    [Theory]
    [InlineData("all", DiffAugmentPolicy.All)]
    [InlineData("color,translation,cutout", DiffAugmentPolicy.All)]
    [InlineData("Translation, Cutout", DiffAugmentPolicy.Translation | DiffAugmentPolicy.Cutout)]
    [InlineData("none", DiffAugmentPolicy.None)]
    public void Lists_of_augmentations_parse(string value, DiffAugmentPolicy expected)
    {
        ParseResult parse = Train("--augment", value);
        parse.Errors.Should().BeEmpty();
        parse.GetValue(TrainTuningOptions.Augment).Should().Be(expected);
    }

    [Fact]
    public void An_augmented_run_records_its_policy_and_a_resume_keeps_it()
    {
        string output = Path.Combine(run.NewFolder(), "augmented");
        (int exit, string errors) = ToolRunner.Dcgan("train", "--data", TinyData, "--epochs", "1", "--batch-size", "32",
            "--generator-width", "8", "--discriminator-width", "8", "--augment", "translation,cutout", "--output", output);
        exit.Should().Be(0, errors);
        Checkpoints.Read(CheckpointLocator.Resolve(output)).ToTrainerOptions().Augmentation
            .Should().Be(DiffAugmentPolicy.Translation | DiffAugmentPolicy.Cutout);

        (exit, errors) = ToolRunner.Dcgan("train", "--data", TinyData, "--batch-size", "32", "--resume", output,
            "--output", run.NewFolder(), "--augment", "all");
        exit.Should().Be(CommandLineTool.UserErrorExitCode);
        errors.Should().Be("error: --augment sets up a new run; a resumed run keeps its checkpoint's augmentation (translation,cutout). Start a new run in another --output." + Environment.NewLine);
    }

    [Theory]
    [InlineData(new[] { "--ema", "1" }, "--ema 1 is out of range: expected a number from 0 to 0.999999.")]
    [InlineData(new[] { "--ema", "-0.5" }, "--ema -0.5 is out of range: expected a number from 0 to 0.999999.")]
    public void Bad_ema_decays_are_refused_in_the_users_words(string[] args, string message)
    {
        Train(args).Errors.Select(e => e.Message).Should().ContainSingle().Which.Should().Be(message);
    }

    [Fact]
    public void An_ema_run_records_its_decay_and_its_checkpoint_loads_the_average()
    {
        string output = Path.Combine(run.NewFolder(), "ema");
        (int exit, string errors) = ToolRunner.Dcgan("train", "--data", TinyData, "--epochs", "1", "--batch-size", "32",
            "--generator-width", "8", "--discriminator-width", "8", "--ema", "0.9", "--ema-start", "1", "--output", output);
        exit.Should().Be(0, errors);
        string checkpoint = CheckpointLocator.Resolve(output);
        GanTrainerOptions saved = Checkpoints.Read(checkpoint).ToTrainerOptions();
        (saved.GeneratorEmaDecay, saved.GeneratorEmaStart).Should().Be((0.9, 1L));
        (Dcgan.Models.DcganGenerator average, _) = CheckpointModels.LoadGenerator<Dcgan.Models.DcganGenerator>(checkpoint);
        (Dcgan.Models.DcganGenerator trained, _) = CheckpointModels.LoadGenerator<Dcgan.Models.DcganGenerator>(checkpoint, preferAverage: false);
        using (average)
        using (trained)
        {
            float[] a = average.parameters().SelectMany(p => p.data<float>().ToArray()).ToArray();
            float[] t = trained.parameters().SelectMany(p => p.data<float>().ToArray()).ToArray();
            a.Should().NotEqual(t, "the checkpoint holds the average next to the trained weights");
        }

        (exit, errors) = ToolRunner.Dcgan("train", "--data", TinyData, "--batch-size", "32", "--resume", output,
            "--output", run.NewFolder(), "--ema", "0.5");
        exit.Should().Be(CommandLineTool.UserErrorExitCode);
        errors.Should().Be("error: --ema and --ema-start set up a new run; a resumed run keeps its checkpoint's (decay 0.9, start 1). Start a new run in another --output." + Environment.NewLine);
    }

    private static ParseResult Train(params string[] args) => DcganCommands.Create().Parse(["train", .. args]);
}
