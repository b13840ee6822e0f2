// Scalars: the one place in Dcgan that creates TorchSharp Scalars (compiled into every project that uses TorchSharp).
//
// Why: TorchSharp 0.107 turns a .NET number passed as a Scalar (x.mul_(2), x + 1, add_(g, alpha: 0.1)) into a
// temporary Scalar object with a finalizer, reads its native handle and calls libtorch without keeping the object
// alive. A garbage collection started by any other thread during that call can finalize the temporary, and libtorch
// then reads freed memory (a crash, or a silently wrong number). A Scalar that is still referenced after the call
// cannot be finalized, so Dcgan passes only:
//   - Scalars.Constant(v): one Scalar per distinct value for the life of the process (held by a static cache, never
//     finalized), for numbers fixed in code or options (2, 0.5, the LeakyReLU slope, Adam's betas); and
//   - Scalars.Owned(v): a new Scalar the caller disposes (`using Scalar s = Scalars.Owned(v);`), for numbers that change
//     from call to call (Adam's step size).
// The build bans every other way to make a Scalar (eng/BannedSymbols.txt, RS0030); this file alone is exempt.

#pragma warning disable RS0030 // the Scalar-owning helper: the only place allowed to call ToScalar

using System.Collections.Concurrent;
using TorchSharp;

namespace Dcgan.Native;

/// <summary>Scalars that stay alive for the whole native call (see the file header).</summary>
internal static class Scalars
{
    // Keyed by the bit pattern, so 0.0 and -0.0 (equal as doubles) stay two Scalars, and NaN finds itself.
    private static readonly ConcurrentDictionary<long, Scalar> Doubles = new();
    private static readonly ConcurrentDictionary<long, Scalar> Integers = new();

    /// <summary>
    /// The process-lifetime floating-point Scalar for <paramref name="value"/>: created once, held by a static cache and
    /// never finalized or disposed. For constants only (values from code or options): each distinct value is kept forever.
    /// </summary>
    public static Scalar Constant(double value) =>
        Doubles.GetOrAdd(BitConverter.DoubleToInt64Bits(value), static bits => BitConverter.Int64BitsToDouble(bits).ToScalar());

    /// <summary>
    /// The process-lifetime integer Scalar for <paramref name="value"/> (integer tensors need an integer Scalar:
    /// adding a floating-point one to an int64 tensor fails). For constants only, as <see cref="Constant(double)"/>.
    /// </summary>
    public static Scalar Constant(long value) => Integers.GetOrAdd(value, static v => v.ToScalar());

    /// <summary>
    /// The integer Scalar 1: the alpha that TorchSharp's <c>add(Tensor)</c>, <c>add_(Tensor)</c> and <c>+</c> would pass as
    /// a temporary; write <c>x.add(y, Scalars.One)</c> instead.
    /// </summary>
    public static Scalar One => Constant(1L);

    /// <summary>
    /// A new floating-point Scalar that the caller owns and must dispose after the TorchSharp call
    /// (<c>using Scalar s = Scalars.Owned(v);</c>): for values that change from call to call.
    /// </summary>
    public static Scalar Owned(double value) => value.ToScalar();
}

/// <summary>
/// Tensor arithmetic with .NET numbers that TorchSharp would pass as temporary Scalars: each method owns its Scalar and
/// disposes it after the native call. The operations are TorchSharp's own (<c>t * v</c> is <c>t.mul(v)</c>), so results
/// are bit for bit those of the operators they replace.
/// </summary>
internal static class ScalarArithmetic
{
    /// <summary><c>t * factor</c> as a new tensor (TorchSharp's <c>t.mul(factor)</c>).</summary>
    public static TorchSharp.torch.Tensor Times(this TorchSharp.torch.Tensor t, double factor)
    {
        using Scalar s = Scalars.Owned(factor);
        return t.mul(s);
    }

    /// <summary><c>t *= factor</c> in place (TorchSharp's <c>t.mul_(factor)</c>); returns <paramref name="t"/>.</summary>
    public static TorchSharp.torch.Tensor Times_(this TorchSharp.torch.Tensor t, double factor)
    {
        using Scalar s = Scalars.Owned(factor);
        return t.mul_(s);
    }

    /// <summary><c>t + other</c> as a new tensor (TorchSharp's <c>t.add(other)</c>, whose alpha 1 it holds).</summary>
    public static TorchSharp.torch.Tensor Plus(this TorchSharp.torch.Tensor t, TorchSharp.torch.Tensor other) => t.add(other, Scalars.One);

    /// <summary><c>t += other</c> in place (TorchSharp's <c>t.add_(other)</c>); returns <paramref name="t"/>.</summary>
    public static TorchSharp.torch.Tensor Plus_(this TorchSharp.torch.Tensor t, TorchSharp.torch.Tensor other) => t.add_(other, Scalars.One);
}
