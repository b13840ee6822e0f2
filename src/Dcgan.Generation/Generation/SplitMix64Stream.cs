// SplitMix64Stream: the managed random stream behind LatentSeeds and LatentNeighbours (see LatentSeeds for the
// documented algorithm). A struct with one 64-bit state; not thread-safe, never shared.
namespace Dcgan.Generation;

/// <summary>SplitMix64 (Steele, Lea, Flood 2014) with uniform and Box-Muller normal draws in double.</summary>
internal struct SplitMix64Stream(ulong state)
{
    private const double TwoToMinus53 = 1.0 / (1UL << 53);
    private ulong _state = state;

    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        ulong z = unchecked(_state += 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>A double in [0, 1) with 53 random bits.</summary>
    public double NextUniform() => (Next() >> 11) * TwoToMinus53;

    /// <summary>Draws <paramref name="dimension"/> values from the prior (in the documented order).</summary>
    public float[] Draw(int dimension, LatentDistribution distribution)
    {
        var row = new float[dimension];
        switch (distribution)
        {
            case LatentDistribution.Uniform:
                for (int j = 0; j < dimension; j++)
                {
                    row[j] = (float)(2 * NextUniform() - 1);              // U(-1, 1)
                }

                break;
            case LatentDistribution.Normal:
                for (int j = 0; j < dimension; j += 2)
                {
                    double u1 = 1 - NextUniform();                       // (0, 1]: the logarithm is finite
                    double u2 = NextUniform();
                    double r = Math.Sqrt(-2 * Math.Log(u1));
                    double angle = 2 * Math.PI * u2;
                    row[j] = (float)(r * Math.Cos(angle));                // N(0, 1)
                    if (j + 1 < dimension)
                    {
                        row[j + 1] = (float)(r * Math.Sin(angle));
                    }
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(distribution), distribution, "Unknown latent distribution: expected Uniform or Normal.");
        }

        return row;
    }
}
