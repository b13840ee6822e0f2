// LatentRows: the checks every IImageGenerator backend and latent tool applies to latent rows (float[] per z).
namespace Dcgan.Generation;

/// <summary>Validation of latent vectors held as <c>float[]</c> rows.</summary>
public static class LatentRows
{
    /// <summary>
    /// Checks that every row is non-null and has the same length, and returns that length.
    /// </summary>
    /// <param name="rows">The vectors; at least one.</param>
    /// <param name="what">How the rows are named in error messages (e.g. "exemplar", "point").</param>
    /// <exception cref="ArgumentException">No rows, a null row, or rows of different lengths; the message names the lengths.</exception>
    public static int RequireSameLength(IReadOnlyList<float[]> rows, string what = "vector")
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException($"Expected at least one {what}; got 0.", nameof(rows));
        }

        int length = -1;
        for (int i = 0; i < rows.Count; i++)
        {
            float[] row = rows[i] ?? throw new ArgumentException($"{Capitalised(what)} {i} is null.", nameof(rows));
            if (row.Length == 0)
            {
                throw new ArgumentException($"{Capitalised(what)} {i} has length 0.", nameof(rows));
            }

            if (length < 0)
            {
                length = row.Length;
            }
            else if (row.Length != length)
            {
                throw new ArgumentException(
                    $"{Capitalised(what)} {i} has length {row.Length} but {what} 0 has length {length}; all must have the same length.", nameof(rows));
            }
        }

        return length;
    }

    /// <summary>
    /// Checks latent rows for a generator of latent dimension <paramref name="dimension"/>: at least one row, none
    /// null, every row of that length. Backends call it at the top of <see cref="IImageGenerator.RenderBatch"/>.
    /// </summary>
    /// <param name="latents">The rows.</param>
    /// <param name="dimension">The generator's latent dimension.</param>
    /// <exception cref="ArgumentException">No rows, a null row, or a row of another length (the message names the row, its length and the expected one).</exception>
    public static void RequireDimension(IReadOnlyList<float[]> latents, int dimension)
    {
        int length = RequireSameLength(latents, "latent vector");
        if (length != dimension)
        {
            throw new ArgumentException(
                $"Latent dimension mismatch: the vectors have length {length} but the generator expects {dimension}.", nameof(latents));
        }
    }

    private static string Capitalised(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
