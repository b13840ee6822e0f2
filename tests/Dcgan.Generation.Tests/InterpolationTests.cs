using Dcgan.Latent;

namespace Dcgan.Generation.Tests;

public class LatentInterpolationTests
{
    private static float[] Gaussian(Random random, int n) =>
        Enumerable.Range(0, n).Select(_ => (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))).ToArray();

    [Theory]
    [InlineData(LatentInterpolationMode.Linear)]
    [InlineData(LatentInterpolationMode.Spherical)]
    public void Endpoints_are_exact(LatentInterpolationMode mode)
    {
        var random = new Random(1);
        float[] a = Gaussian(random, 100), b = Gaussian(random, 100);
        LatentInterpolation.Interpolate(a, b, 0, mode).Should().Equal(a);
        LatentInterpolation.Interpolate(a, b, 1, mode).Should().Equal(b);
        float[][] path = LatentInterpolation.Path(a, b, 7, mode);
        path.Should().HaveCount(8);
        path[0].Should().Equal(a);
        path[^1].Should().Equal(b);
    }

    [Fact]
    public void Slerp_keeps_the_norm_of_equal_norm_endpoints()
    {
        var random = new Random(2);
        float[] a = Gaussian(random, 100), b = Gaussian(random, 100);
        double scale = LatentVectors.Norm(a) / LatentVectors.Norm(b);
        b = b.Select(v => (float)(v * scale)).ToArray();
        foreach (double t in new[] { 0.1, 0.25, 0.5, 0.77, 0.9 })
        {
            LatentVectors.Norm(LatentInterpolation.Slerp(a, b, t)).Should().BeApproximately(LatentVectors.Norm(a), 1e-3);
        }
    }

    [Fact]
    public void Lerp_midpoint_of_gaussian_pairs_is_shorter_than_slerp_midpoint()
    {
        var random = new Random(3);
        double lerp = 0, slerp = 0;
        const int pairs = 200;
        for (int i = 0; i < pairs; i++)
        {
            float[] a = Gaussian(random, 100), b = Gaussian(random, 100);
            lerp += LatentVectors.Norm(LatentInterpolation.Lerp(a, b, 0.5));
            slerp += LatentVectors.Norm(LatentInterpolation.Slerp(a, b, 0.5));
        }

        (lerp / pairs).Should().BeApproximately(Math.Sqrt(50), 0.3);   // about 7.07
        (slerp / pairs).Should().BeApproximately(10, 0.3);             // about 10
    }

    [Fact]
    public void Nearly_parallel_endpoints_fall_back_to_lerp()
    {
        float[] a = [1f, 2f, 3f];
        float[] b = [1f, 2f, 3.00001f];
        LatentInterpolation.Slerp(a, b, 0.3).Should().Equal(LatentInterpolation.Lerp(a, b, 0.3));
        float[] c = [2f, 4f, 6f]; // parallel, different norm
        LatentInterpolation.Slerp(a, c, 0.5).Should().Equal(LatentInterpolation.Lerp(a, c, 0.5));
    }

    [Fact]
    public void Zero_vectors_and_antipodal_points_are_refused_by_slerp()
    {
        float[] a = [1f, -2f, 0.5f];
        float[] zero = [0f, 0f, 0f];
        float[] opposite = a.Select(v => -v).ToArray();
        FluentActions.Invoking(() => LatentInterpolation.Slerp(zero, a, 0.5)).Should().Throw<ArgumentException>().WithMessage("*'from' has norm 0*");
        FluentActions.Invoking(() => LatentInterpolation.Slerp(a, zero, 0.5)).Should().Throw<ArgumentException>().WithMessage("*'to' has norm 0*");
        FluentActions.Invoking(() => LatentInterpolation.Slerp(a, opposite, 0.5)).Should().Throw<ArgumentException>().WithMessage("*antipodal*great circle*undefined*");
        FluentActions.Invoking(() => LatentInterpolation.Walk([a, a.Select(v => v * 2).ToArray(), opposite], 4, LatentInterpolationMode.Spherical))
            .Should().Throw<ArgumentException>().WithMessage("Segment 1*antipodal*");
        LatentInterpolation.Lerp(a, opposite, 0.5).Should().Equal(0f, 0f, 0f);
    }

    [Fact]
    public void Mismatched_lengths_are_named()
    {
        FluentActions.Invoking(() => LatentInterpolation.Lerp(new float[3], new float[4], 0.5))
            .Should().Throw<ArgumentException>().WithMessage("*length 3*length 4*");
    }

    [Theory]
    [InlineData(2, 1, 2)]
    [InlineData(2, 8, 9)]
    [InlineData(9, 8, 65)]
    [InlineData(3, 5, 11)]
    public void A_walk_through_N_points_has_N_minus_1_times_steps_plus_1_frames_with_waypoints_at_multiples_of_steps(int n, int steps, int frames)
    {
        var random = new Random(n * 10 + steps);
        float[][] points = Enumerable.Range(0, n).Select(_ => Gaussian(random, 16)).ToArray();
        foreach (LatentInterpolationMode mode in Enum.GetValues<LatentInterpolationMode>())
        {
            float[][] walk = LatentInterpolation.Walk(points, steps, mode);
            walk.Should().HaveCount(frames);
            for (int s = 0; s < n; s++)
            {
                walk[s * steps].Should().Equal(points[s]);
            }
        }
    }

    [Fact]
    public void A_walk_needs_two_points()
    {
        FluentActions.Invoking(() => LatentInterpolation.Walk([new float[2]], 3, LatentInterpolationMode.Linear))
            .Should().Throw<ArgumentException>().WithMessage("*at least 2 points; got 1*");
    }
}
