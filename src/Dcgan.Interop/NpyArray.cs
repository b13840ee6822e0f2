// NpyArray: an array read from a .npy file: its shape and its elements in C (row-major) order.
namespace Dcgan.Interop;

/// <summary>An n-dimensional array read from a .npy file.</summary>
/// <typeparam name="T"><see cref="float"/> for <c>'&lt;f4'</c>, <see cref="double"/> for <c>'&lt;f8'</c>, <see cref="byte"/> for <c>'|u1'</c>.</typeparam>
/// <param name="Shape">The shape, outermost dimension first; empty for a 0-dimensional array.</param>
/// <param name="Data">The elements in C order; its length is the product of <paramref name="Shape"/>.</param>
public sealed record NpyArray<T>(IReadOnlyList<long> Shape, T[] Data)
    where T : unmanaged
{
    /// <summary>The shape as NumPy prints it, e.g. <c>(4, 100, 1, 1)</c>.</summary>
    public string ShapeText => NpyHeader.ShapeText(Shape);
}
