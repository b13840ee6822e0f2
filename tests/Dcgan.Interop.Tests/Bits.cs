// Bitwise comparison of float state (NaN-aware: equal bits, not equal values).
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Interop.Tests;

internal static class Bits
{
    public static uint[] Of(float[] values) => [.. values.Select(BitConverter.SingleToUInt32Bits)];

    /// <summary>Every state-dict entry as raw bytes, by key (float32 and int64 alike).</summary>
    public static Dictionary<string, byte[]> State(nn.Module module)
    {
        using var scope = NewDisposeScope();
        return module.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.contiguous().cpu().bytes.ToArray());
    }
}
