using Dcgan.Data;
using Dcgan.Models;
using Dcgan.Persistence;
using Dcgan.Training;
using TorchSharp;

namespace Dcgan.Core.Tests.Training;

/// <summary>
/// The generator's weight average (EMA): the recurrence against a managed re-computation from the weights after
/// every step, checkpoints (exact resume, loading the average), sample grids, and native memory.
/// </summary>
public sealed class GeneratorEmaTests : IDisposable
{
    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_average_follows_the_recurrence_for_parameters_and_copies_the_buffers()
    {
        const double Decay = 0.75;
        const long Start = 3;
        var afterStep = new List<Dictionary<string, float[]>>();
        Dictionary<string, float[]>? initial = null;
        Dictionary<string, float[]> average;
        HashSet<string> parameters;
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models(seed: 4);
        using (g)
        using (d)
        {
            parameters = g.named_parameters().Select(p => p.name).ToHashSet();
            initial = Weights(g);
            var probe = new LambdaCallback(onBatchEnd: _ => afterStep.Add(Weights(g)));
            using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(96), TrainingFixtures.Setup(Options(Decay, Start, epochs: 1), probe));
            trainer.Fit();
            using (trainer.UseGeneratorAverage())
            {
                average = Weights(g);
            }

            Dictionary<string, float[]> back = Weights(g);
            Dictionary<string, float[]> last = afterStep[afterStep.Count - 1];
            back.Keys.Should().OnlyContain(k => back[k].SequenceEqual(last[k]), "the trained weights come back when the scope ends");
        }

        afterStep.Should().HaveCount(6);
        foreach ((string name, float[] actual) in average)
        {
            if (!parameters.Contains(name))
            {
                TrainingFixtures.Bits(actual).Should().Equal(TrainingFixtures.Bits(afterStep[^1][name]), $"buffer {name} is copied, not averaged");
                continue;
            }

            double[] expected = initial[name].Select(v => (double)v).ToArray();
            for (int step = 1; step <= afterStep.Count; step++)
            {
                float[] w = afterStep[step - 1][name];
                for (int i = 0; i < expected.Length; i++)
                {
                    expected[i] = step <= Start ? w[i] : (Decay * expected[i]) + ((1 - Decay) * w[i]);
                }
            }

            actual.Select((a, i) => Math.Abs(a - expected[i])).Max().Should().BeLessThan(1e-6, name);
            actual.Should().NotEqual(afterStep[^1][name], $"{name} lags the trained weights");
        }
    }

    [Fact]
    public void An_averaged_run_resumes_bit_for_bit_weights_and_average_alike()
    {
        (float[] Weights, float[] Average) Run(long? stopAfter, string? resumeFrom, string? saveTo)
        {
            (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models(seed: resumeFrom is null ? 4 : 999);
            using (g)
            using (d)
            {
                var stop = new LambdaCallback(onBatchEnd: a => { if (a.Position.GlobalStep == stopAfter) a.Trainer.RequestStop(); });
                using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(96), TrainingFixtures.Setup(Options(0.9, 2, epochs: 2), stop));
                if (resumeFrom is not null)
                {
                    trainer.LoadCheckpoint(resumeFrom);
                }

                trainer.Fit();
                if (saveTo is not null)
                {
                    trainer.SaveCheckpoint(saveTo);
                }

                float[] weights = TrainingFixtures.Flatten(g);
                using (trainer.UseGeneratorAverage())
                {
                    return (weights, TrainingFixtures.Flatten(g));
                }
            }
        }

        (float[] weights, float[] average) = Run(null, null, null);
        string file = _temp.File("mid.dcgan");
        Run(7, null, file);
        (float[] resumedWeights, float[] resumedAverage) = Run(null, file, null);
        TrainingFixtures.Bits(resumedWeights).Should().Equal(TrainingFixtures.Bits(weights));
        TrainingFixtures.Bits(resumedAverage).Should().Equal(TrainingFixtures.Bits(average), "the average is saved in the checkpoint");
        TrainingFixtures.Bits(average).Should().NotEqual(TrainingFixtures.Bits(weights));
    }

    [Fact]
    public void Checkpoints_load_the_average_by_default_and_grids_are_drawn_with_it()
    {
        string file = _temp.File("run.dcgan");
        float[] trained, average;
        ImageBatch grid, averageGrid;
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models(seed: 4);
        using (g)
        using (d)
        using (var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(96), TrainingFixtures.Setup(Options(0.9, 0, epochs: 1))))
        {
            trainer.Fit();
            trainer.SaveCheckpoint(file);
            trained = TrainingFixtures.Flatten(g);
            grid = trainer.GenerateFixedSamples();
            using (trainer.UseGeneratorAverage())
            using (torch.NewDisposeScope())
            {
                average = TrainingFixtures.Flatten(g);
                averageGrid = ImageTensors.FromTensor(g.GenerateImages(torch.tensor(trainer.FixedLatents.SelectMany(r => r).ToArray(), [trainer.FixedLatents.Length, 8]), BatchNormMode.RunningStatistics));
            }
        }

        TrainingFixtures.Bits(grid.Pixels.ToArray()).Should().Equal(TrainingFixtures.Bits(averageGrid.Pixels.ToArray()), "sample grids use the average");
        (DcganGenerator loaded, _) = CheckpointModels.LoadGenerator<Dcgan.Models.DcganGenerator>(file);
        using (loaded)
        {
            TrainingFixtures.Bits(TrainingFixtures.Flatten(loaded)).Should().Equal(TrainingFixtures.Bits(average));
        }

        (DcganGenerator raw, _) = CheckpointModels.LoadGenerator<Dcgan.Models.DcganGenerator>(file, preferAverage: false);
        using (raw)
        {
            TrainingFixtures.Bits(TrainingFixtures.Flatten(raw)).Should().Equal(TrainingFixtures.Bits(trained));
        }
    }

    [Fact]
    public void Resuming_with_an_average_from_a_checkpoint_without_one_starts_it_at_the_loaded_weights()
    {
        string file = _temp.File("plain.dcgan");
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models(seed: 4);
        using (g)
        using (d)
        {
            using (var plain = new GanTrainer(g, d, TrainingFixtures.FashionSubset(96), TrainingFixtures.Setup(Options(0, 0, epochs: 1))))
            {
                plain.Fit();
                plain.SaveCheckpoint(file);
                plain.HasGeneratorAverage.Should().BeFalse();
                FluentActions.Invoking(plain.UseGeneratorAverage).Should().Throw<InvalidOperationException>().WithMessage("*GeneratorEmaDecay*");
            }

            float[] saved = TrainingFixtures.Flatten(g);
            using var averaged = new GanTrainer(g, d, TrainingFixtures.FashionSubset(96), TrainingFixtures.Setup(Options(0.9, 0, epochs: 1)));
            averaged.LoadCheckpoint(file);
            using (averaged.UseGeneratorAverage())
            {
                TrainingFixtures.Bits(TrainingFixtures.Flatten(g)).Should().Equal(TrainingFixtures.Bits(saved));
            }
        }
    }

    [Fact]
    public void Averaged_steps_leave_no_tensors_behind_and_a_decay_of_one_is_refused()
    {
        var live = new List<long>();
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models(seed: 4);
        using (g)
        using (d)
        {
            var probe = new LambdaCallback(onBatchEnd: _ => live.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount));
            using var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(96), TrainingFixtures.Setup(Options(0.9, 1, epochs: 2), probe));
            trainer.Fit();
            trainer.GenerateFixedSamples();
        }

        live.Skip(2).Should().OnlyContain(c => c == live[2], "after the optimizers' lazily created state, no step may leave tensors behind");
        GanTrainerOptions options = Options(1.0, 0, epochs: 1);
        new GanTrainerOptionsValidator().Validate(null, options).Failed.Should().BeTrue();
    }

    private static GanTrainerOptions Options(double decay, long start, int epochs)
    {
        GanTrainerOptions options = TrainingFixtures.FastOptions(epochs: epochs, seed: 4);
        options.GeneratorEmaDecay = decay;
        options.GeneratorEmaStart = start;
        return options;
    }

    private static Dictionary<string, float[]> Weights(DcganGenerator g) =>
        g.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.to_type(torch.ScalarType.Float32).data<float>().ToArray());
}
