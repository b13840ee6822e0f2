// LatentTensors: the boundary between managed latent rows (float[] per z) and libtorch tensors [N, Z].
using Dcgan.Generation;
using Dcgan.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Models;

/// <summary>Copies latent rows to and from tensors.</summary>
public static class LatentTensors
{
    /// <summary>
    /// Copies rows into a new tensor [rows, length] of float32 on <paramref name="device"/> (null means CPU). The
    /// caller owns the returned tensor (or its current dispose scope does).
    /// </summary>
    /// <param name="rows">Vectors of equal length; at least one.</param>
    /// <param name="device">Where the tensor should live; null means CPU.</param>
    /// <exception cref="ArgumentException">No rows or rows of different lengths.</exception>
    public static Tensor ToTensor(IReadOnlyList<float[]> rows, Device? device = null)
    {
        TorchRuntime.EnsureLoaded();
        int length = LatentRows.RequireSameLength(rows);
        var flat = new float[rows.Count * length];
        for (int i = 0; i < rows.Count; i++)
        {
            rows[i].CopyTo(flat, i * length);
        }

        Tensor cpu = tensor(flat, [rows.Count, length]);                  // [N, Z] on the CPU
        if (device is null || device.type == DeviceType.CPU)
        {
            return cpu;
        }

        using (cpu)
        {
            return cpu.to(device);                                        // [N, Z] on the device
        }
    }

    /// <summary>Copies a [N, Z] tensor (any device) into managed rows. The tensor stays the caller's.</summary>
    /// <param name="latent">Latent vectors [N, Z].</param>
    /// <exception cref="ArgumentException">The tensor is not two-dimensional.</exception>
    public static float[][] FromTensor(Tensor latent)
    {
        ArgumentNullException.ThrowIfNull(latent);
        if (latent.dim() != 2)
        {
            throw new ArgumentException($"Expected latent vectors [N, Z], got a tensor of shape [{string.Join(", ", latent.shape)}].", nameof(latent));
        }

        using Tensor cpu = latent.detach().to(float32).cpu().contiguous(); // [N, Z]
        float[] flat = cpu.data<float>().ToArray();
        int n = (int)latent.shape[0];
        int z = (int)latent.shape[1];
        var rows = new float[n][];
        for (int i = 0; i < n; i++)
        {
            rows[i] = flat.AsSpan(i * z, z).ToArray();
        }

        return rows;
    }

}
