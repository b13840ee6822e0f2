using Dcgan.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Core.Tests.Training;

/// <summary>
/// DiffAugment's operations against managed re-computations: the random parameters are re-drawn from a generator with
/// the same seed (in the documented order), and the expected images are computed pixel by pixel in C#.
/// </summary>
public sealed class DiffAugmentTests
{
    private const ulong Seed = 42;

    [Fact]
    public void None_returns_the_batch_itself()
    {
        using var scope = NewDisposeScope();
        Tensor x = rand(2, 1, 8, 8);
        using var random = new torch.Generator(Seed);
        DiffAugment.Apply(x, DiffAugmentPolicy.None, random).Should().BeSameAs(x);
    }

    [Fact]
    public void Translation_shifts_each_image_by_whole_pixels_and_fills_with_zeros()
    {
        using var scope = NewDisposeScope();
        const int B = 3, C = 2, H = 16, W = 12; // not square: the height and width shifts have their own ranges
        float[] pixels = Enumerable.Range(0, B * C * H * W).Select(i => (i % 97) + 1f).ToArray(); // no zeros
        Tensor x = tensor(pixels, [B, C, H, W]);
        using var random = new torch.Generator(Seed);
        float[] actual = DiffAugment.Apply(x, DiffAugmentPolicy.Translation, random).data<float>().ToArray();

        using var replay = new torch.Generator(Seed);
        long[] tx = randint(-2, 3, [B], dtype: ScalarType.Int64, generator: replay).data<long>().ToArray(); // round(16 / 8) = 2
        long[] ty = randint(-2, 3, [B], dtype: ScalarType.Int64, generator: replay).data<long>().ToArray(); // round(12 / 8) = 2 (1.5 rounds up)
        tx.Concat(ty).Should().Contain(v => v != 0, "the draw for this seed moves at least one image");
        var expected = new float[pixels.Length];
        for (int b = 0; b < B; b++)
        for (int c = 0; c < C; c++)
        for (int i = 0; i < H; i++)
        for (int j = 0; j < W; j++)
        {
            long si = i + tx[b], sj = j + ty[b];
            bool inside = si >= 0 && si < H && sj >= 0 && sj < W;
            expected[(((b * C) + c) * H + i) * W + j] = inside ? pixels[(((b * C) + c) * H + si) * W + sj] : 0f;
        }

        TrainingFixtures.Bits(actual).Should().Equal(TrainingFixtures.Bits(expected));
    }

    [Fact]
    public void Cutout_zeroes_one_window_of_half_the_height_and_width_per_image()
    {
        using var scope = NewDisposeScope();
        const int B = 4, C = 3, H = 10, W = 14;
        Tensor x = ones(B, C, H, W);
        using var random = new torch.Generator(Seed);
        float[] actual = DiffAugment.Apply(x, DiffAugmentPolicy.Cutout, random).data<float>().ToArray();

        using var replay = new torch.Generator(Seed);
        const int cutH = 5, cutW = 7; // round(10 / 2), round(14 / 2)
        long[] ox = randint(0, H + 1 - (cutH % 2), [B], dtype: ScalarType.Int64, generator: replay).data<long>().ToArray();
        long[] oy = randint(0, W + 1 - (cutW % 2), [B], dtype: ScalarType.Int64, generator: replay).data<long>().ToArray();
        var expected = new float[B * C * H * W];
        for (int b = 0; b < B; b++)
        for (int c = 0; c < C; c++)
        for (int i = 0; i < H; i++)
        for (int j = 0; j < W; j++)
        {
            bool cut = i >= ox[b] - (cutH / 2) && i < ox[b] - (cutH / 2) + cutH && j >= oy[b] - (cutW / 2) && j < oy[b] - (cutW / 2) + cutW;
            expected[(((b * C) + c) * H + i) * W + j] = cut ? 0f : 1f;
        }

        TrainingFixtures.Bits(actual).Should().Equal(TrainingFixtures.Bits(expected));
        actual.Count(v => v == 0f).Should().BeGreaterThan(0).And.BeLessThanOrEqualTo(B * C * cutH * cutW);
    }

    [Fact]
    public void Colour_applies_brightness_saturation_and_contrast_per_image_in_that_order()
    {
        using var scope = NewDisposeScope();
        const int B = 3, C = 3, H = 4, W = 5;
        float[] pixels = Enumerable.Range(0, B * C * H * W).Select(i => MathF.Sin(i * 0.37f)).ToArray(); // in [-1, 1]
        Tensor x = tensor(pixels, [B, C, H, W]);
        using var random = new torch.Generator(Seed);
        float[] actual = DiffAugment.Apply(x, DiffAugmentPolicy.Color, random).data<float>().ToArray();

        using var replay = new torch.Generator(Seed);
        float[] brightness = rand([B, 1, 1, 1], generator: replay).data<float>().ToArray();
        float[] saturation = rand([B, 1, 1, 1], generator: replay).data<float>().ToArray();
        float[] contrast = rand([B, 1, 1, 1], generator: replay).data<float>().ToArray();
        int plane = H * W, image = C * plane;
        var expected = new double[pixels.Length];
        for (int b = 0; b < B; b++)
        {
            double[] v = pixels.Skip(b * image).Take(image).Select(p => p + (brightness[b] - 0.5)).ToArray();
            for (int k = 0; k < plane; k++)
            {
                double mean = Enumerable.Range(0, C).Average(c => v[(c * plane) + k]);
                for (int c = 0; c < C; c++)
                {
                    v[(c * plane) + k] = ((v[(c * plane) + k] - mean) * saturation[b] * 2) + mean;
                }
            }

            double imageMean = v.Average();
            for (int k = 0; k < image; k++)
            {
                expected[(b * image) + k] = ((v[k] - imageMean) * (contrast[b] + 0.5)) + imageMean;
            }
        }

        actual.Select((a, i) => Math.Abs(a - expected[i])).Max().Should().BeLessThan(1e-5, "float32 against a double re-computation");
        brightness.Concat(saturation).Concat(contrast).Distinct().Should().HaveCount(3 * B, "every image draws its own three factors");
    }

    [Fact]
    public void Gradients_flow_to_the_images_and_are_zero_exactly_where_cutout_removed_pixels()
    {
        using var scope = NewDisposeScope();
        Tensor x = rand(2, 1, 8, 8).requires_grad_(true);
        using var random = new torch.Generator(Seed);
        Tensor y = DiffAugment.Apply(x, DiffAugmentPolicy.Cutout, random);
        y.sum().backward();
        float[] gradient = x.grad!.data<float>().ToArray();
        float[] kept = y.detach().ne(zeros_like(y)).to_type(ScalarType.Float32).data<float>().ToArray();
        gradient.Should().Equal(kept, "d(sum)/dx is 1 where the pixel is kept and 0 where it was cut out");

        Tensor z = rand(2, 3, 8, 8).requires_grad_(true);
        using var again = new torch.Generator(Seed);
        DiffAugment.Apply(z, DiffAugmentPolicy.All, again).square().sum().backward();
        float[] all = z.grad!.data<float>().ToArray();
        all.Should().OnlyContain(g => float.IsFinite(g));
        all.Should().Contain(g => g != 0f);
    }

    [Fact]
    public void The_same_seed_gives_the_same_batch_and_another_seed_another()
    {
        using var scope = NewDisposeScope();
        Tensor x = rand(4, 3, 12, 12);
        float[] Run(ulong seed)
        {
            using var random = new torch.Generator(seed);
            return DiffAugment.Apply(x, DiffAugmentPolicy.All, random).data<float>().ToArray();
        }

        TrainingFixtures.Bits(Run(1)).Should().Equal(TrainingFixtures.Bits(Run(1)));
        TrainingFixtures.Bits(Run(2)).Should().NotEqual(TrainingFixtures.Bits(Run(1)));
    }

    [Fact]
    public void Bad_input_is_refused_with_what_was_wrong()
    {
        using var scope = NewDisposeScope();
        using var random = new torch.Generator(Seed);
        FluentActions.Invoking(() => DiffAugment.Apply(rand(3, 8, 8), DiffAugmentPolicy.All, random))
            .Should().Throw<ArgumentException>().WithMessage("*[B, C, H, W]*[3, 8, 8]*");
        FluentActions.Invoking(() => DiffAugment.Apply(rand(1, 1, 8, 8), (DiffAugmentPolicy)8, random))
            .Should().Throw<ArgumentException>().WithMessage("*policy 8*");
    }
}
