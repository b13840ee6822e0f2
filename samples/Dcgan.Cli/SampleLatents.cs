// SampleLatents: the latent vectors `dcgan sample` generates from: z_i = LatentSeeds.Row(seed, i) drawn batch by batch
// (memory independent of --count), or the rows of a --latent .npy file (float32 [N, nz] or [N, nz, 1, 1]).
using Dcgan.Generation;
using Dcgan.Interop;
using Dcgan.Latent;
using Dcgan.Models;

namespace Dcgan.Cli;

internal sealed class SampleLatents
{
    private readonly Func<int, float[]> _row;

    private SampleLatents(int count, string description, Func<int, float[]> row)
    {
        Count = count;
        Description = description;
        _row = row;
    }

    public int Count { get; }

    /// <summary>Where the vectors come from, for the "Wrote ..." line.</summary>
    public string Description { get; }

    public static SampleLatents FromSeed(IImageGenerator generator, long seed, int count) =>
        new(count, $"seed {seed}", i => LatentSeeds.Row(seed, i, generator.LatentDimension, generator.LatentDistribution));

    /// <summary>Reads the file whole (N x nz floats; the images are what must not be held at once).</summary>
    public static SampleLatents FromFile(IImageGenerator generator, string path)
    {
        string full = Path.GetFullPath(path);
        NpyArray<float> z = NpyFile.ReadFloat32(full);
        long nz = generator.LatentDimension;
        bool flat = z.Shape.Count == 2 && z.Shape[1] == nz;
        bool column = z.Shape.Count == 4 && z.Shape[1] == nz && z.Shape[2] == 1 && z.Shape[3] == 1;
        if (!(flat || column) || z.Shape[0] < 1)
        {
            throw new ArgumentException(
                $"--latent '{full}' has shape {z.ShapeText}; this generator needs float32 vectors of shape (N, {nz}) or (N, {nz}, 1, 1) with N >= 1.");
        }

        if (z.Data.Any(v => !float.IsFinite(v)))
        {
            throw new ArgumentException($"--latent '{full}' contains NaN or infinite values.");
        }

        int count = checked((int)z.Shape[0]);
        int length = (int)nz;
        return new(count, $"the {count} vectors of {Path.GetFileName(full)}", i => z.Data.AsSpan(i * length, length).ToArray());
    }

    /// <summary>Vectors <paramref name="start"/> .. <paramref name="start"/> + <paramref name="count"/> - 1.</summary>
    public float[][] Rows(int start, int count)
    {
        var rows = new float[count][];
        for (int i = 0; i < count; i++)
        {
            rows[i] = _row(start + i);
        }

        return rows;
    }
}
