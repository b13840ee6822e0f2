using Dcgan.Core.Tests.Models;
using Dcgan.Data;
using Dcgan.Features;
using Dcgan.Models;
using TorchSharp;
using static TorchSharp.torch;
using Microsoft.Extensions.Options;

namespace Dcgan.Evaluation.Tests.Features;

/// <summary>The supervised CNN baseline: it learns, it is reproducible, it keeps the best epoch, it does not leak.</summary>
public class SupervisedCnnTests
{
    private const int Size = 16;
    private const int Classes = 4;

    private static DcganModelOptions Architecture() => new()
    {
        ImageSize = Size,
        Channels = 1,
        DiscriminatorWidth = 4,
        GeneratorWidth = 4,
        LatentDimension = 8,
    };

    private static SupervisedCnnOptions Fast(int epochs = 12, long seed = 3) => new()
    {
        Epochs = epochs,
        BatchSize = 32,
        EvaluationInterval = 3,
        EvaluationBatchSize = 50,
        Seed = seed,
    };

    /// <summary>
    /// Class k is a bright 8x8 quadrant k (top-left, top-right, bottom-left, bottom-right) on a dark background,
    /// plus N(0, 0.3^2) pixel noise; clipped to [-1, 1]. Labels cycle 0, 1, 2, 3, ...
    /// </summary>
    private static (ImageBatch Images, int[] Labels) Quadrants(int count, int seed)
    {
        var rng = new Random(seed);
        var pixels = new float[count * Size * Size];
        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            int k = i % Classes;
            labels[i] = k;
            for (int y = 0; y < Size; y++)
            {
                for (int x = 0; x < Size; x++)
                {
                    bool on = (y < Size / 2) == (k < 2) && (x < Size / 2) == (k % 2 == 0);
                    double v = (on ? 0.8 : -0.8) + 0.3 * FeatureFixtures.Gaussian(rng);
                    pixels[(i * Size * Size) + (y * Size) + x] = (float)Math.Clamp(v, -1, 1);
                }
            }
        }

        return (new ImageBatch(count, new ImageShape(1, Size, Size), pixels), labels);
    }

    private static readonly (ImageBatch Images, int[] Labels) TrainSet = Quadrants(128, seed: 1);
    private static readonly (ImageBatch Images, int[] Labels) ValidationSet = Quadrants(64, seed: 2);
    private static readonly (ImageBatch Images, int[] Labels) TestSet = Quadrants(100, seed: 3);

    private static SupervisedCnnResult RunQuadrants(SupervisedCnnOptions options, IProgress<SupervisedCnnEpoch>? progress = null) =>
        SupervisedCnn.Run(Architecture(), Classes, TrainSet.Images, TrainSet.Labels, ValidationSet.Images, ValidationSet.Labels,
            TestSet.Images, TestSet.Labels, options, progress);

    [Fact]
    public void Learns_a_separable_image_task()
    {
        SupervisedCnnResult result = RunQuadrants(Fast());

        result.TestAccuracy.Should().BeGreaterThanOrEqualTo(0.95);
        result.Training.BestValidationAccuracy.Should().BeGreaterThanOrEqualTo(0.95);
        result.Training.History.Should().HaveCount(12);
        result.Training.History.Where(e => e.ValidationAccuracy is not null).Select(e => e.Epoch).Should().Equal(3, 6, 9, 12);
        result.Training.History[^1].MeanLoss.Should().BeLessThan(result.Training.History[0].MeanLoss);
        (result.TrainCount, result.ValidationCount, result.TestCount).Should().Be((128, 64, 100));
        result.ParameterCount.Should().Be((4 * 1 * 25) + (8 * 4 * 25) + (2 * 8) + (Classes * 4 * 4 * 8));
    }

    [Fact]
    public void The_same_seed_gives_the_same_weights_and_numbers_and_another_seed_does_not()
    {
        (DiscriminatorClassifier a, SupervisedCnnTraining ta) = Train(Fast(epochs: 4, seed: 7), ValidationSet.Labels);
        (DiscriminatorClassifier b, SupervisedCnnTraining tb) = Train(Fast(epochs: 4, seed: 7), ValidationSet.Labels);
        (DiscriminatorClassifier c, SupervisedCnnTraining tc) = Train(Fast(epochs: 4, seed: 8), ValidationSet.Labels);
        using (a)
        using (b)
        using (c)
        {
            tb.History.Select(e => (e.MeanLoss, e.TrainAccuracy, e.ValidationAccuracy))
                .Should().Equal(ta.History.Select(e => (e.MeanLoss, e.TrainAccuracy, e.ValidationAccuracy)));
            StateEqual(a, b).Should().BeTrue();
            StateEqual(a, c).Should().BeFalse();
        }
    }

    [Fact]
    public void The_returned_weights_are_exactly_those_of_the_best_validation_epoch()
    {
        // Validation "labels" are the predictions of the network after epoch 4 (slow learning rate, so it still
        // changes from epoch to epoch): validation accuracy is exactly 1 at epoch 4 and lower at the last epoch.
        SupervisedCnnOptions options = Fast(epochs: 4);
        options.LearningRate = 1e-4;
        options.EvaluationInterval = 4;
        (DiscriminatorClassifier atEpoch4, _) = Train(options, ValidationSet.Labels);
        using (atEpoch4)
        {
            int[] agreeWithEpoch4 = Predict(atEpoch4, ValidationSet.Images);
            options.Epochs = 10;
            options.EvaluationInterval = 1;
            (DiscriminatorClassifier full, SupervisedCnnTraining training) = Train(options, agreeWithEpoch4);
            using (full)
            {
                training.BestEpoch.Should().Be(4);
                training.BestValidationAccuracy.Should().Be(1.0);
                training.History[^1].ValidationAccuracy.Should().BeLessThan(1.0, "the network kept changing after epoch 4");
                SupervisedCnn.Accuracy(full, ValidationSet.Images, agreeWithEpoch4).Should().Be(1.0);
                StateEqual(full, atEpoch4).Should().BeTrue("the weights and BN statistics of epoch 4 are put back");
            }
        }
    }

    [Fact]
    public void Training_leaves_the_live_tensor_count_flat()
    {
        var counts = new List<long>();
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        RunQuadrants(Fast(epochs: 6), new Synchronous(_ => counts.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount)));

        counts.Should().HaveCount(6).And.OnlyContain(c => c == counts[0], "epochs and evaluations allocate nothing that outlives them");
        DisposeScopeManager.Statistics.ThreadTotalLiveCount.Should().Be(before);
    }

    [Fact]
    public void Bad_inputs_are_rejected_with_the_value_and_the_expectation()
    {
        int[] outOfRange = [.. TrainSet.Labels];
        outOfRange[5] = 4;
        ImageBatch rgb = new(2, new ImageShape(3, Size, Size), new float[2 * 3 * Size * Size]);
        ImageBatch larger = new(2, new ImageShape(1, 32, 32), new float[2 * 32 * 32]);
        ImageBatch torn = new(3, new ImageShape(1, Size, Size), new float[2 * Size * Size]);

        Action Train(ImageBatch images, int[] labels, int classCount = Classes, SupervisedCnnOptions? options = null) => () =>
            SupervisedCnn.Train(Architecture(), classCount, images, labels, ValidationSet.Images, ValidationSet.Labels, options ?? Fast());

        Train(TrainSet.Images, outOfRange).Should().Throw<ArgumentException>().WithMessage("*train label at index 5 is 4*0..3*");
        Train(TrainSet.Images, [-1, .. TrainSet.Labels[1..]]).Should().Throw<ArgumentException>().WithMessage("*index 0 is -1*");
        Train(TrainSet.Images, TrainSet.Labels[..100]).Should().Throw<ArgumentException>().WithMessage("*128 images but 100 labels*");
        Train(rgb, [0, 1]).Should().Throw<ArgumentException>().WithMessage("*3x16x16*takes 1x16x16*");
        Train(larger, [0, 1]).Should().Throw<ArgumentException>().WithMessage("*1x32x32*ImageSize 16*takes 1x16x16*");
        Train(torn, [0, 1, 2]).Should().Throw<ArgumentException>().WithMessage("*3 images of 1x16x16 but 512 pixel values*3 * 256 = 768*");
        Train(TrainSet.Images, TrainSet.Labels, classCount: 1).Should().Throw<ArgumentException>().WithMessage("*classCount is 1*");
        Train(TrainSet.Images, TrainSet.Labels, options: new SupervisedCnnOptions { Epochs = 0 })
            .Should().Throw<OptionsValidationException>().WithMessage("*Epochs = 0*");
        FluentActions.Invoking(() => SupervisedCnn.Run(Architecture(), Classes, TrainSet.Images, TrainSet.Labels,
                ValidationSet.Images, ValidationSet.Labels, TestSet.Images, TestSet.Labels[..99]))
            .Should().Throw<ArgumentException>().WithMessage("*test set has 100 images but 99 labels*");
    }

    private static (DiscriminatorClassifier, SupervisedCnnTraining) Train(SupervisedCnnOptions options, int[] validationLabels) =>
        SupervisedCnn.Train(Architecture(), Classes, TrainSet.Images, TrainSet.Labels, ValidationSet.Images, validationLabels, options);

    private static int[] Predict(DiscriminatorClassifier network, ImageBatch images)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        network.eval();
        Tensor x = torch.tensor(images.Pixels, [images.Count, 1, Size, Size]);   // [N, 1, 16, 16]
        return network.call(x).argmax(1).to(int32).data<int>().ToArray();         // [N, K] -> [N]
    }

    private static bool StateEqual(nn.Module a, nn.Module b)
    {
        Dictionary<string, Tensor> sb = b.state_dict();
        return a.state_dict().All(kv => TinyModels.BitEqual(kv.Value, sb[kv.Key]));
    }

    /// <summary>An IProgress that reports on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class Synchronous(Action<SupervisedCnnEpoch> report) : IProgress<SupervisedCnnEpoch>
    {
        public void Report(SupervisedCnnEpoch value) => report(value);
    }
}
