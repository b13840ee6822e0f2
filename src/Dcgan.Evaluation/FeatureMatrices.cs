// FeatureMatrices: tensor conversions and compatibility checks for Dcgan.Features.FeatureMatrix, the one
// managed feature-matrix type shared by the linear probe and every sample-quality metric.
using Dcgan.Features;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Evaluation;

/// <summary>Conversions between <see cref="FeatureMatrix"/> and tensors.</summary>
public static class FeatureMatrices
{
    /// <summary>Copies a [N, D] tensor (any device, any floating type) into a managed matrix. The tensor stays the caller's.</summary>
    /// <param name="tensor">Features [N, D].</param>
    public static FeatureMatrix FromTensor(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.dim() != 2)
        {
            throw new ArgumentException($"Expected a [N, D] tensor, got shape [{string.Join(", ", tensor.shape)}].", nameof(tensor));
        }

        using Tensor cpu = tensor.detach().to(float32).cpu().contiguous();
        return new FeatureMatrix(cpu.data<float>().ToArray(), (int)tensor.shape[0], (int)tensor.shape[1]);
    }

    /// <summary>The matrix as a new [Rows, Columns] tensor of <paramref name="type"/> on <paramref name="device"/>; the caller owns it.</summary>
    internal static Tensor ToTensor(this FeatureMatrix matrix, ScalarType type, Device? device = null)
    {
        using Tensor cpu = torch.tensor(matrix.Values, [matrix.Rows, matrix.Columns]); // [N, D] float32, CPU
        return cpu.to(type, device ?? CPU);
    }

    /// <summary>Throws unless <paramref name="a"/> and <paramref name="b"/> have the same number of columns and enough rows.</summary>
    internal static void RequireCompatible(FeatureMatrix a, FeatureMatrix b, int minimumRows, string nameA, string nameB)
    {
        ArgumentNullException.ThrowIfNull(a, nameA);
        ArgumentNullException.ThrowIfNull(b, nameB);
        if (a.Columns != b.Columns)
        {
            throw new ArgumentException($"{nameA} has {a.Columns} columns but {nameB} has {b.Columns}: both must come from the same feature space.", nameB);
        }

        if (a.Rows < minimumRows)
        {
            throw new ArgumentException($"{nameA} has {a.Rows} rows; at least {minimumRows} are needed.", nameA);
        }

        if (b.Rows < minimumRows)
        {
            throw new ArgumentException($"{nameB} has {b.Rows} rows; at least {minimumRows} are needed.", nameB);
        }
    }
}
