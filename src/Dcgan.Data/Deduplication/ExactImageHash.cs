// ExactImageHash: a 128-bit content hash of an image's decoded pixels, equal exactly when the pixels are equal.
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Dcgan.Data;

/// <summary>
/// The exact duplicate test: the first 128 bits of SHA-256 over an image's decoded float pixels ([C, H, W], with
/// -0 written as +0 so equal values hash equally). Two images share the hash exactly when their pixels are equal
/// (a chance collision of 128 bits is not a practical concern).
/// </summary>
public static class ExactImageHash
{
    /// <summary>Bits of the hash.</summary>
    public const int Bits = 128;

    /// <summary>The hash of one image.</summary>
    /// <param name="image">Decoded pixels in any order the source uses (for an <see cref="IImageDataSource"/>: [C, H, W]).</param>
    /// <returns>The first 128 bits of the SHA-256 digest, little-endian.</returns>
    public static UInt128 Compute(ReadOnlySpan<float> image)
    {
        float[] normalized = new float[image.Length];
        for (int i = 0; i < image.Length; i++)
        {
            normalized[i] = image[i] == 0f ? 0f : image[i];   // -0 == +0: same value, same hash
        }

        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(MemoryMarshal.AsBytes(normalized.AsSpan()), digest);
        return BinaryPrimitives.ReadUInt128LittleEndian(digest);
    }

    /// <summary>The hash of every image of <paramref name="source"/>, in index order (2 threads, one image in memory per thread).</summary>
    /// <param name="source">The images; at least one.</param>
    /// <returns>One hash per image.</returns>
    /// <exception cref="ArgumentException">The source has no images.</exception>
    public static UInt128[] ComputeAll(IImageDataSource source) =>
        ImageCodes.ComputeAll(source, _ => Compute);
}
