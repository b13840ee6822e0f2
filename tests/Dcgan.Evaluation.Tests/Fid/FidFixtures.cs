// FidFixtures: the arrays of Fixtures/fid (scripts/make-fid-fixtures.py), read once.
using Dcgan.Data;
using Dcgan.Features;
using Dcgan.Interop;

namespace Dcgan.Evaluation.Tests.Fid;

internal static class FidFixtures
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "fid");

    public static string Extractor => Path.Combine(Folder, "standin-extractor.pt");

    public static string ReferenceStats => Path.Combine(Folder, "reference-stats.npz");

    private static string Npz => Path.Combine(Folder, "fid-fixtures.npz");

    /// <summary>The real images as Dcgan.Data reads 8-bit files: each byte b as b / 127.5 - 1.</summary>
    public static ImageBatch RealImages()
    {
        NpyArray<byte> levels = RealLevels();
        float[] pixels = [.. levels.Data.Select(PixelScaling.ToSigned)];
        return new ImageBatch((int)levels.Shape[0], Shape(levels.Shape), pixels);
    }

    public static NpyArray<byte> RealLevels() => NpyFile.ReadUInt8FromNpz(Npz, "real_levels");

    public static ImageBatch GeneratedImages()
    {
        NpyArray<float> images = NpyFile.ReadFloat32FromNpz(Npz, "generated_images");
        return new ImageBatch((int)images.Shape[0], Shape(images.Shape), images.Data);
    }

    public static NpyArray<byte> GeneratedLevels() => NpyFile.ReadUInt8FromNpz(Npz, "generated_levels");

    public static FeatureMatrix RealFeatures() => Matrix("real_features");

    public static FeatureMatrix GeneratedFeatures() => Matrix("generated_features");

    public static double Number(string key) => NpyFile.ReadFloat64FromNpz(Npz, key).Data.Single();

    public static double[] Vector(string key) => NpyFile.ReadFloat64FromNpz(Npz, key).Data;

    /// <summary>The KID subsets the numpy script drew (row indices stored as exact float64 integers).</summary>
    public static IReadOnlyList<KernelDistanceSubset> KidSubsets()
    {
        NpyArray<double> generated = NpyFile.ReadFloat64FromNpz(Npz, "kid_generated_rows");
        NpyArray<double> real = NpyFile.ReadFloat64FromNpz(Npz, "kid_real_rows");
        int subsets = (int)generated.Shape[0], size = (int)generated.Shape[1];
        return [.. Enumerable.Range(0, subsets).Select(s => new KernelDistanceSubset
        {
            GeneratedRows = [.. generated.Data.Skip(s * size).Take(size).Select(v => (int)v)],
            RealRows = [.. real.Data.Skip(s * size).Take(size).Select(v => (int)v)],
        })];
    }

    private static FeatureMatrix Matrix(string key)
    {
        NpyArray<float> array = NpyFile.ReadFloat32FromNpz(Npz, key);
        return new FeatureMatrix(array.Data, (int)array.Shape[0], (int)array.Shape[1]);
    }

    private static ImageShape Shape(IReadOnlyList<long> shape) => new((int)shape[1], (int)shape[2], (int)shape[3]);
}
