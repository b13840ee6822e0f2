// The saved state of a CPU torch.Generator (libtorch's CPUGeneratorImplState, 5056 bytes), checked in managed code
// before it reaches set_state: libtorch aborts the whole process (an uncaught c10::Error) on a wrong size or an
// invalid Mersenne-Twister state, so a corrupt checkpoint must never get that far.
using System.Buffers.Binary;

namespace Dcgan.Persistence;

/// <summary>Validates and decodes the base64 noise-generator state of a manifest.</summary>
internal static class NoiseGeneratorState
{
    /// <summary>sizeof(CPUGeneratorImplState) in libtorch 2.x: the legacy POD (seed, left, seeded, next, 624 words, normal cache) plus the float normal cache.</summary>
    public const int Length = 5056;

    private const int MersenneStateWords = 624;

    /// <summary>What is wrong with <paramref name="base64"/> as a generator state, or null when it is valid.</summary>
    /// <param name="base64">The manifest's value.</param>
    public static string? Problem(string base64)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return "is not base64";
        }

        if (bytes.Length != Length)
        {
            return $"has {bytes.Length} bytes (expected {Length}, a CPU generator's state)";
        }

        // Layout: u64 the_initial_seed @0, i32 left @8, i32 seeded @12, u64 next @16 (what mt19937::is_valid checks).
        int left = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        int seeded = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
        uint next = (uint)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(16));
        if (seeded == 0 || left is < 1 or > MersenneStateWords || next > MersenneStateWords)
        {
            return $"is not a valid Mersenne-Twister state (seeded {seeded}, left {left}, next {next})";
        }

        return null;
    }

    /// <summary>The decoded bytes of a state that <see cref="Problem"/> accepted.</summary>
    /// <param name="base64">The manifest's value.</param>
    public static byte[] Decode(string base64) => Convert.FromBase64String(base64);
}
