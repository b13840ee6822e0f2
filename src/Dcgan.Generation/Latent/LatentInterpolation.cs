// LatentInterpolation: linear and spherical interpolation between latent points, and walks through N points
// (the paper's Figure 4 walks through 9 random points). Pure managed math in double; no tensors.
//
// Frame convention: a walk through N points with `steps` per segment has (N - 1) * steps + 1 frames; frame
// s * steps + j (0 <= j < steps) is interpolate(p[s], p[s + 1], j / steps) and the last frame is p[N - 1]
// exactly. So every waypoint appears exactly once, at frame s * steps.

using Dcgan.Generation;

namespace Dcgan.Latent;

/// <summary>Interpolation between latent vectors held as <c>float[]</c>.</summary>
public static class LatentInterpolation
{
    /// <summary>
    /// Below this angle (radians) between the endpoints, spherical interpolation falls back to linear (the
    /// great circle is numerically unstable there and the two paths coincide).
    /// </summary>
    /// <value>The default value is 1e-4 radians.</value>
    public const double ParallelAngle = 1e-4;

    /// <summary>
    /// Within this angle (radians) of pi, the endpoints count as antipodal and spherical interpolation is
    /// refused: infinitely many great circles join them.
    /// </summary>
    /// <value>The default value is 1e-4 radians.</value>
    public const double AntipodalAngle = 1e-4;

    /// <summary>The point a fraction <paramref name="t"/> of the way from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="from">The start (t = 0).</param>
    /// <param name="to">The end (t = 1); same length as <paramref name="from"/>.</param>
    /// <param name="t">Fraction; usually in [0, 1] (values outside extrapolate).</param>
    /// <param name="mode">Linear or spherical.</param>
    /// <returns>A new vector; t = 0 and t = 1 return exact copies of the endpoints.</returns>
    /// <exception cref="ArgumentException">Lengths differ; or, for spherical, an endpoint is the zero vector or the endpoints are antipodal.</exception>
    public static float[] Interpolate(float[] from, float[] to, double t, LatentInterpolationMode mode) => mode switch
    {
        LatentInterpolationMode.Linear => Lerp(from, to, t),
        LatentInterpolationMode.Spherical => Slerp(from, to, t),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, $"LatentInterpolationMode {mode} is not defined."),
    };

    /// <summary>Linear interpolation <c>(1 - t) from + t to</c>.</summary>
    /// <param name="from">The start (t = 0).</param>
    /// <param name="to">The end (t = 1).</param>
    /// <param name="t">Fraction.</param>
    /// <returns>A new vector.</returns>
    /// <exception cref="ArgumentException">Lengths differ, or t is not finite.</exception>
    public static float[] Lerp(float[] from, float[] to, double t)
    {
        Check(from, to, t);
        if (t == 0)
        {
            return (float[])from.Clone();
        }

        if (t == 1)
        {
            return (float[])to.Clone();
        }

        var result = new float[from.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = (float)((1 - t) * from[i] + t * to[i]);
        }

        return result;
    }

    /// <summary>
    /// Spherical interpolation along the great circle through <paramref name="from"/> and <paramref name="to"/>.
    /// Nearly parallel endpoints (angle below <see cref="ParallelAngle"/>) fall back to <see cref="Lerp"/>.
    /// </summary>
    /// <param name="from">The start (t = 0); not the zero vector.</param>
    /// <param name="to">The end (t = 1); not the zero vector, not antipodal to <paramref name="from"/>.</param>
    /// <param name="t">Fraction.</param>
    /// <returns>A new vector; its norm equals the endpoints' when they have equal norms.</returns>
    /// <exception cref="ArgumentException">Lengths differ, t is not finite, an endpoint is zero, or the endpoints are antipodal (the great circle is undefined).</exception>
    public static float[] Slerp(float[] from, float[] to, double t)
    {
        Check(from, to, t);
        double normFrom = LatentVectors.Norm(from);
        double normTo = LatentVectors.Norm(to);
        if (normFrom == 0)
        {
            throw new ArgumentException("Cannot slerp from the zero vector ('from' has norm 0): it has no direction. Use linear interpolation.", nameof(from));
        }

        if (normTo == 0)
        {
            throw new ArgumentException("Cannot slerp to the zero vector ('to' has norm 0): it has no direction. Use linear interpolation.", nameof(to));
        }

        double dot = 0;
        for (int i = 0; i < from.Length; i++)
        {
            dot += (double)from[i] * to[i];
        }

        double cos = Math.Clamp(dot / (normFrom * normTo), -1.0, 1.0);
        double omega = Math.Acos(cos);
        if (omega > Math.PI - AntipodalAngle)
        {
            throw new ArgumentException(
                $"Cannot slerp between antipodal points (angle {omega:F6} rad, cosine {cos:F6}): the great circle through them is undefined. Use linear interpolation or another endpoint.",
                nameof(to));
        }

        if (omega < ParallelAngle)
        {
            return Lerp(from, to, t);
        }

        if (t == 0)
        {
            return (float[])from.Clone();
        }

        if (t == 1)
        {
            return (float[])to.Clone();
        }

        double sin = Math.Sin(omega);
        double wFrom = Math.Sin((1 - t) * omega) / sin;
        double wTo = Math.Sin(t * omega) / sin;
        var result = new float[from.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = (float)(wFrom * from[i] + wTo * to[i]);
        }

        return result;
    }

    /// <summary>
    /// The path from <paramref name="from"/> to <paramref name="to"/> in <paramref name="steps"/> equal steps of t:
    /// <c>steps + 1</c> vectors, the first and last being exact copies of the endpoints.
    /// </summary>
    /// <param name="from">The start.</param>
    /// <param name="to">The end.</param>
    /// <param name="steps">Intervals between the endpoints, at least 1.</param>
    /// <param name="mode">Linear or spherical.</param>
    /// <exception cref="ArgumentException">See <see cref="Interpolate"/>; steps below 1.</exception>
    public static float[][] Path(float[] from, float[] to, int steps, LatentInterpolationMode mode) => Walk([from, to], steps, mode);

    /// <summary>
    /// A walk through <paramref name="points"/> in order, <paramref name="steps"/> intervals per segment:
    /// <c>(points.Count - 1) * steps + 1</c> vectors, waypoint s at index <c>s * steps</c> (exact copies).
    /// </summary>
    /// <param name="points">At least two waypoints of equal length.</param>
    /// <param name="steps">Intervals per segment, at least 1.</param>
    /// <param name="mode">Linear or spherical.</param>
    /// <exception cref="ArgumentException">Fewer than two points, lengths differ, steps below 1, or a spherical segment is undefined (the message names the segment).</exception>
    public static float[][] Walk(IReadOnlyList<float[]> points, int steps, LatentInterpolationMode mode)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        if (points.Count < 2)
        {
            throw new ArgumentException($"A walk needs at least 2 points; got {points.Count}.", nameof(points));
        }

        LatentRows.RequireSameLength(points, "point");
        var frames = new float[(points.Count - 1) * steps + 1][];
        for (int s = 0; s + 1 < points.Count; s++)
        {
            for (int j = 0; j < steps; j++)
            {
                try
                {
                    frames[s * steps + j] = Interpolate(points[s], points[s + 1], (double)j / steps, mode);
                }
                catch (ArgumentException e)
                {
                    throw new ArgumentException($"Segment {s} (point {s} to point {s + 1}): {e.Message}", nameof(points), e);
                }
            }
        }

        frames[^1] = (float[])points[^1].Clone();
        return frames;
    }

    private static void Check(float[] from, float[] to, double t)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from.Length != to.Length)
        {
            throw new ArgumentException($"'from' has length {from.Length} but 'to' has length {to.Length}.", nameof(to));
        }

        if (!double.IsFinite(t))
        {
            throw new ArgumentException($"t must be finite; got {t}.", nameof(t));
        }
    }
}
