using Dcgan.Data;
using Dcgan.Evaluation;
using Dcgan.Models;

namespace Dcgan.Evaluation.Tests;

public class ImagePerturbationsTests
{
    private static readonly ImageShape Shape = new(1, 28, 28);

    [Fact]
    public void Blur_keeps_a_constant_image_constant_and_spreads_a_point()
    {
        var constant = new ImageBatch(1, Shape, Enumerable.Repeat(-0.5f, 784).ToArray());
        ImagePerturbations.GaussianBlur(constant, 1.0).Pixels.Should().AllSatisfy(p => p.Should().BeApproximately(-0.5f, 1e-6f));

        float[] point = new float[784];
        point[14 * 28 + 14] = 1f;
        float[] blurred = ImagePerturbations.GaussianBlur(new ImageBatch(1, Shape, point), 1.0).Pixels;
        blurred.Sum().Should().BeApproximately(1f, 1e-5f);
        blurred[14 * 28 + 14].Should().BeApproximately((float)(1 / (2 * Math.PI)), 0.01f); // peak of a unit 2-D Gaussian
        blurred[14 * 28 + 15].Should().Be(blurred[15 * 28 + 14]);
    }

    [Fact]
    public void Noise_has_the_requested_spread_on_the_unit_scale_and_is_seeded()
    {
        var gray = new ImageBatch(10, Shape, new float[7840]);
        float[] a = ImagePerturbations.AddGaussianNoise(gray, 0.1, seed: 3).Pixels;
        double std = Math.Sqrt(a.Average(v => (double)v * v));
        std.Should().BeApproximately(0.2, 0.01); // 0.1 of the [0, 1] range is 0.2 on [-1, 1]
        ImagePerturbations.AddGaussianNoise(gray, 0.1, seed: 3).Pixels.Should().Equal(a);
        ImagePerturbations.AddGaussianNoise(new ImageBatch(1, Shape, Enumerable.Repeat(1f, 784).ToArray()), 0.5, seed: 1)
            .Pixels.Should().AllSatisfy(v => v.Should().BeInRange(-1f, 1f));
    }

    [Fact]
    public void Random_subset_is_seeded_and_distinct()
    {
        int[] a = ImageSets.RandomSubset(100, 30, seed: 2);
        a.Should().OnlyHaveUniqueItems().And.HaveCount(30).And.AllSatisfy(i => i.Should().BeInRange(0, 99));
        ImageSets.RandomSubset(100, 30, seed: 2).Should().Equal(a);
    }
}
