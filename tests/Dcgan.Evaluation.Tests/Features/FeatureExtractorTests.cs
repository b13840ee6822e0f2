using Dcgan.Data;
using Dcgan.Core.Tests.Models;
using Dcgan.Features;
using Dcgan.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dcgan.Evaluation.Tests.Features;

public class FeatureExtractorTests
{
    [Fact]
    public void Feature_dimension_is_16_times_the_sum_of_widths_for_a_4x4_grid()
    {
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(FeatureFixtures.TinyOptions(), seed: 1);
        using (g)
        using (d)
        {
            ArrayImageSource images = FeatureFixtures.RandomImages(6, d.ImageShape, seed: 2);
            var extractor = new DiscriminatorFeatureExtractor(d, images, new FeatureExtractionOptions { BatchSize = 4 });

            d.FeatureWidths.Should().Equal(4, 8);
            extractor.FeatureDimension.Should().Be(16 * (4 + 8));
            FeatureMatrix f = extractor.Extract(images);
            f.Rows.Should().Be(6);
            f.Columns.Should().Be(192);

            var lastOnly = new DiscriminatorFeatureExtractor(d, images, new FeatureExtractionOptions { Blocks = [1], PooledGridSize = 2 });
            lastOnly.FeatureDimension.Should().Be(4 * 8);
            lastOnly.Extract(images).Columns.Should().Be(32);
        }
    }

    [Fact]
    public void Features_of_an_image_do_not_depend_on_its_batch_mates()
    {
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(FeatureFixtures.TinyOptions(size: 32), seed: 3);
        using (g)
        using (d)
        {
            ArrayImageSource images = FeatureFixtures.RandomImages(10, d.ImageShape, seed: 4);
            var extractor = new DiscriminatorFeatureExtractor(d, images, new FeatureExtractionOptions { BatchSize = 4 });
            FeatureMatrix batched = extractor.Extract(images);
            FeatureMatrix alone = extractor.Extract(images, start: 5, count: 1);
            FeatureMatrix otherMates = extractor.Extract(FeatureFixtures.RandomImages(3, d.ImageShape, seed: 9).Pixels
                .Concat(images.Subset(5, 1).Pixels).ToArray() is var p ? new ArrayImageSource(p, d.ImageShape) : null!, 3, 1);

            for (int j = 0; j < extractor.FeatureDimension; j++)
            {
                alone.Values[j].Should().BeApproximately(batched.Row(5)[j], 1e-5f);
                otherMates.Values[j].Should().BeApproximately(batched.Row(5)[j], 1e-5f);
            }
        }
    }

    [Fact]
    public void Batch_norm_statistics_equal_the_true_mean_and_variance_of_each_bn_input()
    {
        // 32x32: three blocks, BN on blocks 1 and 2. Layers: conv0, lrelu, conv1, bn1, lrelu, conv2, bn2, lrelu, ...
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(FeatureFixtures.TinyOptions(size: 32), seed: 5);
        using (g)
        using (d)
        using (torch.NewDisposeScope())
        using (torch.no_grad())
        {
            ArrayImageSource images = FeatureFixtures.RandomImages(11, d.ImageShape, seed: 6);
            var extractor = new DiscriminatorFeatureExtractor(d, images, new FeatureExtractionOptions { BatchSize = 4 });
            extractor.BatchNormStatistics.Should().HaveCount(2);

            IReadOnlyList<nn.Module> layers = TinyModels.MainLayers(d);
            var conv0 = (nn.Module<Tensor, Tensor>)layers[0];
            var conv1 = (nn.Module<Tensor, Tensor>)layers[2];
            var bn1 = (BatchNorm)layers[3];
            var conv2 = (nn.Module<Tensor, Tensor>)layers[5];
            Tensor x = torch.tensor(images.Pixels, [11, 1, 32, 32]);
            Tensor in1 = conv1.call(nn.functional.leaky_relu(conv0.call(x), 0.2)).to(ScalarType.Float64);
            AssertStatistics(extractor.BatchNormStatistics[0], in1, 11 * 8 * 8);

            // bn1 with the population statistics just checked, written out by hand.
            BatchNormStatistics s1 = extractor.BatchNormStatistics[0];
            Tensor mean = torch.tensor(s1.Mean).view(1, -1, 1, 1);
            Tensor variance = torch.tensor(s1.Variance).view(1, -1, 1, 1);
            Tensor normalised = (in1 - mean) / (variance + bn1.eps).sqrt()
                * bn1.weight.detach().to(ScalarType.Float64).view(1, -1, 1, 1) + bn1.bias!.detach().to(ScalarType.Float64).view(1, -1, 1, 1);
            Tensor in2 = conv2.call(nn.functional.leaky_relu(normalised.to(ScalarType.Float32), 0.2)).to(ScalarType.Float64);
            AssertStatistics(extractor.BatchNormStatistics[1], in2, 11 * 4 * 4);
        }
    }

    private static void AssertStatistics(BatchNormStatistics actual, Tensor input, long count)
    {
        double[] mean = input.mean([0, 2, 3]).data<double>().ToArray();
        double[] variance = input.var([0L, 2L, 3L], unbiased: false).data<double>().ToArray();
        actual.ValueCount.Should().Be(count);
        actual.Mean.Should().HaveCount(mean.Length);
        for (int c = 0; c < mean.Length; c++)
        {
            actual.Mean[c].Should().BeApproximately(mean[c], 1e-5 * (1 + Math.Abs(mean[c])));
            actual.Variance[c].Should().BeApproximately(variance[c], 1e-5 * (1 + variance[c]));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_callers_model_is_left_exactly_as_it_was(bool training)
    {
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(FeatureFixtures.TinyOptions(size: 32), seed: 7);
        using (g)
        using (d)
        using (torch.NewDisposeScope())
        {
            d.train(training);
            var bn = (BatchNorm)TinyModels.MainLayers(d)[3];
            bn.momentum = 0.25;
            Dictionary<string, Tensor> before = d.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.clone());

            ArrayImageSource images = FeatureFixtures.RandomImages(5, d.ImageShape, seed: 8);
            var extractor = new DiscriminatorFeatureExtractor(d, images);
            extractor.Extract(images);

            d.training.Should().Be(training);
            d.modules().Should().OnlyContain(m => m.training == training);
            bn.momentum.Should().Be(0.25);
            Dictionary<string, Tensor> after = d.state_dict();
            after.Keys.Should().BeEquivalentTo(before.Keys);
            foreach (string key in before.Keys)
            {
                TinyModels.BitEqual(after[key], before[key]).Should().BeTrue(key);
            }
        }
    }

    [Fact]
    public void Images_of_another_shape_are_rejected_naming_both_shapes()
    {
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(FeatureFixtures.TinyOptions(), seed: 9);
        using (g)
        using (d)
        {
            ArrayImageSource wrong = FeatureFixtures.RandomImages(2, new ImageShape(3, 32, 32), seed: 1);
            Action build = () => _ = new DiscriminatorFeatureExtractor(d, wrong);
            build.Should().Throw<ArgumentException>().WithMessage("*3x32x32*1x28x28*");

            var extractor = new DiscriminatorFeatureExtractor(d, FeatureFixtures.RandomImages(2, d.ImageShape, seed: 1));
            Action extract = () => extractor.Extract(wrong);
            extract.Should().Throw<ArgumentException>().WithMessage("*3x32x32*1x28x28*");

            Action badBlocks = () => _ = new DiscriminatorFeatureExtractor(d, FeatureFixtures.RandomImages(2, d.ImageShape, 1),
                new FeatureExtractionOptions { Blocks = [2] });
            badBlocks.Should().Throw<ArgumentException>().WithMessage("*0..1*");
        }
    }
}
