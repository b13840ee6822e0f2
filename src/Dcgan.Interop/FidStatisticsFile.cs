// FidStatisticsFile: FID reference statistics in pytorch-fid's .npz format (keys mu [D] and sigma [D, D], float64, as
// pytorch-fid's save_fid_stats and clean-fid's make_custom_stats write them with np.savez_compressed), plus an optional
// feats [N, D] float32 array (clean-fid's key for saved features) that KID and precision/recall need.

namespace Dcgan.Interop;

/// <summary>
/// The mean and covariance of a reference set's features (and optionally the features themselves) in the .npz layout
/// of pytorch-fid: <c>np.load(path)['mu']</c> is float64 [D], <c>['sigma']</c> float64 [D, D]. pytorch-fid's
/// <c>--save-stats</c> output and clean-fid's custom statistics read here; files written here read in both (they
/// ignore the extra <c>feats</c> key).
/// </summary>
public sealed class FidStatisticsFile
{
    /// <summary>The key of the mean vector.</summary>
    public const string MeanKey = "mu";

    /// <summary>The key of the covariance matrix.</summary>
    public const string CovarianceKey = "sigma";

    /// <summary>The key of the optional feature rows (clean-fid's name for saved features).</summary>
    public const string FeaturesKey = "feats";

    /// <summary>Wraps statistics (the arrays are not copied).</summary>
    /// <param name="mean">The mean, length D (at least 1).</param>
    /// <param name="covariance">The covariance, D x D row-major.</param>
    /// <param name="features">Feature rows, row-major [<paramref name="featureCount"/>, D], or <see langword="null"/>.</param>
    /// <param name="featureCount">Number of feature rows; 0 when <paramref name="features"/> is <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The lengths do not agree; the message gives them.</exception>
    public FidStatisticsFile(double[] mean, double[] covariance, float[]? features = null, int featureCount = 0)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(covariance);
        ArgumentOutOfRangeException.ThrowIfLessThan(mean.Length, 1, nameof(mean));
        ArgumentOutOfRangeException.ThrowIfNegative(featureCount);
        if (covariance.LongLength != (long)mean.Length * mean.Length)
        {
            throw new ArgumentException($"The covariance has {covariance.LongLength} values; a {mean.Length}-dimensional mean needs {(long)mean.Length * mean.Length}.", nameof(covariance));
        }

        if ((features?.LongLength ?? 0) != (long)featureCount * mean.Length)
        {
            throw new ArgumentException($"{featureCount} feature rows of {mean.Length} values need {(long)featureCount * mean.Length} values, got {features?.LongLength ?? 0}.", nameof(features));
        }

        Mean = mean;
        Covariance = covariance;
        Features = features;
        FeatureCount = featureCount;
    }

    /// <summary>The feature dimension D.</summary>
    public int Dimension => Mean.Length;

    /// <summary>The mean (<c>mu</c>), length <see cref="Dimension"/>.</summary>
    public double[] Mean { get; }

    /// <summary>The covariance (<c>sigma</c>), row-major <see cref="Dimension"/> x <see cref="Dimension"/>.</summary>
    public double[] Covariance { get; }

    /// <summary>The feature rows (<c>feats</c>), row-major [<see cref="FeatureCount"/>, <see cref="Dimension"/>], or <see langword="null"/>.</summary>
    public float[]? Features { get; }

    /// <summary>Number of rows in <see cref="Features"/> (0 without features).</summary>
    public int FeatureCount { get; }

    /// <summary>
    /// Reads a pytorch-fid statistics file. <c>mu</c> and <c>sigma</c> may be float64 or float32 (clean-fid saves a float32
    /// mean); <c>feats</c>, when present, must be float32 [N, D]. Other keys are ignored.
    /// </summary>
    /// <param name="path">The .npz file.</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="NpyFormatException">
    /// The file is missing or not a .npz archive, a key is missing, or an array has the wrong dtype or shape; the message
    /// names the file, the key and the shape found.
    /// </exception>
    public static FidStatisticsFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        NpyArray<double> mean = NpyFile.ReadFloatingFromNpz(full, MeanKey);
        if (mean.Shape.Count != 1 || mean.Shape[0] < 1)
        {
            throw new NpyFormatException($"'{full}': '{MeanKey}' has shape {mean.ShapeText}; pytorch-fid statistics need a vector (D,), e.g. (2048,).");
        }

        int dimension = checked((int)mean.Shape[0]);
        NpyArray<double> covariance = NpyFile.ReadFloatingFromNpz(full, CovarianceKey);
        if (covariance.Shape.Count != 2 || covariance.Shape[0] != dimension || covariance.Shape[1] != dimension)
        {
            throw new NpyFormatException($"'{full}': '{CovarianceKey}' has shape {covariance.ShapeText}; with '{MeanKey}' of shape {mean.ShapeText} it must be ({dimension}, {dimension}).");
        }

        if (!HasArray(full, FeaturesKey))
        {
            return new FidStatisticsFile(mean.Data, covariance.Data);
        }

        NpyArray<float> features = NpyFile.ReadFloat32FromNpz(full, FeaturesKey);
        if (features.Shape.Count != 2 || features.Shape[1] != dimension)
        {
            throw new NpyFormatException($"'{full}': '{FeaturesKey}' has shape {features.ShapeText}; with '{MeanKey}' of shape {mean.ShapeText} it must be (N, {dimension}).");
        }

        return new FidStatisticsFile(mean.Data, covariance.Data, features.Data, checked((int)features.Shape[0]));
    }

    /// <summary>
    /// Writes <c>mu</c> and <c>sigma</c> as float64 (and <c>feats</c> as float32 when present) in an uncompressed .npz
    /// archive, as <c>np.savez</c> does; pytorch-fid's and clean-fid's <c>np.load</c> read it.
    /// </summary>
    /// <param name="path">The .npz file; replaced if it exists. Its folder must exist.</param>
    public void Write(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var npz = new NpzWriter(path);
        NpyWriter mean = npz.AddArray(MeanKey, NpyDataType.Float64, [Dimension]);
        mean.Append(Mean);
        mean.Complete();
        NpyWriter covariance = npz.AddArray(CovarianceKey, NpyDataType.Float64, [Dimension, Dimension]);
        covariance.Append(Covariance);
        covariance.Complete();
        if (Features is not null)
        {
            NpyWriter features = npz.AddArray(FeaturesKey, NpyDataType.Float32, [FeatureCount, Dimension]);
            features.Append(Features);
            features.Complete();
        }
    }

    private static bool HasArray(string path, string name)
    {
        using System.IO.Compression.ZipArchive zip = System.IO.Compression.ZipFile.OpenRead(path);
        return zip.GetEntry(name + ".npy") is not null;
    }
}
