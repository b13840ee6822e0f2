// pytorch-fid's statistics files (.npz with mu float64 [D] and sigma float64 [D, D]): one written by numpy's
// np.savez_compressed reads with the library's own mean and covariance; files written here read back bit for bit;
// malformed files are refused with the key and the shape named.
using Dcgan.Features;
using Dcgan.Interop;

namespace Dcgan.Evaluation.Tests.Fid;

public sealed class FidStatisticsFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dcgan-fid-stats-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_file_written_by_numpy_like_pytorch_fid_holds_the_mean_and_covariance_of_the_features()
    {
        GaussianStatistics ours = GaussianStatistics.FromFeatures(FidFixtures.RealFeatures());

        FidStatisticsFile file = FidStatisticsFile.Read(FidFixtures.ReferenceStats);

        file.Dimension.Should().Be(64);
        file.Features.Should().BeNull();
        file.FeatureCount.Should().Be(0);
        file.Mean.Zip(ours.Mean, (a, b) => Math.Abs(a - b)).Max().Should().BeLessThan(1e-12);
        file.Covariance.Zip(ours.Covariance, (a, b) => Math.Abs(a - b)).Max().Should().BeLessThan(1e-12, "np.cov divides by N - 1 as GaussianStatistics does");
    }

    [Fact]
    public void Statistics_with_features_round_trip_bit_for_bit()
    {
        FeatureMatrix features = FidFixtures.GeneratedFeatures();
        GaussianStatistics statistics = GaussianStatistics.FromFeatures(features);
        string path = Path.Combine(_folder, "stats.npz");

        new FidStatisticsFile(statistics.Mean, statistics.Covariance, features.Values, features.Rows).Write(path);
        FidStatisticsFile read = FidStatisticsFile.Read(path);

        read.Mean.Should().Equal(statistics.Mean);
        read.Covariance.Should().Equal(statistics.Covariance);
        read.Features.Should().Equal(features.Values);
        read.FeatureCount.Should().Be(128);
    }

    [Fact]
    public void A_float32_mean_as_clean_fid_saves_it_is_read_exactly()
    {
        string path = Write("clean.npz", ("mu", [3], new[] { 0.1f, 0.2f, 0.3f }), ("sigma", [3, 3], new double[9]));

        FidStatisticsFile.Read(path).Mean.Should().Equal(0.1f, 0.2f, 0.3f);
    }

    [Fact]
    public void A_missing_sigma_is_named()
    {
        string path = Write("no-sigma.npz", ("mu", [3], new double[3]));

        Action read = () => FidStatisticsFile.Read(path);

        read.Should().Throw<NpyFormatException>().WithMessage($"*'{path}' has no array 'sigma'; it has: mu*");
    }

    [Fact]
    public void A_sigma_of_the_wrong_shape_is_named_with_both_shapes()
    {
        string path = Write("bad-sigma.npz", ("mu", [3], new double[3]), ("sigma", [3, 2], new double[6]));

        Action read = () => FidStatisticsFile.Read(path);

        read.Should().Throw<NpyFormatException>().WithMessage("*'sigma' has shape (3, 2)*'mu' of shape (3,)*must be (3, 3)*");
    }

    [Fact]
    public void A_mean_that_is_not_a_vector_is_named()
    {
        string path = Write("matrix-mu.npz", ("mu", [2, 3], new double[6]), ("sigma", [3, 3], new double[9]));

        Action read = () => FidStatisticsFile.Read(path);

        read.Should().Throw<NpyFormatException>().WithMessage("*'mu' has shape (2, 3)*vector (D,)*");
    }

    [Fact]
    public void Features_of_another_dimension_are_named()
    {
        string path = Write("bad-feats.npz", ("mu", [3], new double[3]), ("sigma", [3, 3], new double[9]), ("feats", [2, 4], new float[8]));

        Action read = () => FidStatisticsFile.Read(path);

        read.Should().Throw<NpyFormatException>().WithMessage("*'feats' has shape (2, 4)*must be (N, 3)*");
    }

    [Fact]
    public void A_file_that_is_not_an_npz_archive_is_refused()
    {
        string path = Path.Combine(_folder, "text.npz");
        File.WriteAllText(path, "mu sigma");

        Action read = () => FidStatisticsFile.Read(path);

        read.Should().Throw<NpyFormatException>().WithMessage($"*'{path}' is not a .npz (zip) archive*");
    }

    private string Write(string name, params (string Key, long[] Shape, Array Values)[] arrays)
    {
        string path = Path.Combine(_folder, name);
        using var npz = new NpzWriter(path);
        foreach ((string key, long[] shape, Array values) in arrays)
        {
            NpyWriter writer = npz.AddArray(key, values is float[] ? NpyDataType.Float32 : NpyDataType.Float64, shape);
            if (values is float[] floats)
            {
                writer.Append(floats);
            }
            else
            {
                writer.Append((double[])values);
            }

            writer.Complete();
        }

        return path;
    }
}
