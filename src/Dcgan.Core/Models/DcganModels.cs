// DcganModels: the factory that builds a generator/discriminator pair and initialises both from one seed.
// No global RNG is touched for the result: weights come from a private CPU torch.Generator seeded with `seed`.

using Dcgan.Native;
using TorchSharp;

namespace Dcgan.Models;

/// <summary>Builds DCGAN generator/discriminator pairs with the paper's seeded initialisation.</summary>
public static class DcganModels
{
    /// <summary>
    /// Validates <paramref name="options"/>, builds both networks on the CPU and initialises them with
    /// <see cref="DcganWeightInit.Apply"/> from a fresh <see cref="torch.Generator"/> seeded with
    /// <paramref name="seed"/> (generator first, then discriminator). The same options and seed always give
    /// bit-identical state dicts. The caller owns (and disposes) both networks.
    /// </summary>
    /// <param name="options">The architecture; validated and copied.</param>
    /// <param name="seed">Seed of the initialisation (any value; negative seeds are reinterpreted as unsigned).</param>
    /// <returns>The generator and the discriminator, in training mode, on the CPU; two independent disposables, both owned by the caller (dispose each; a failure while building the second disposes the first).</returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid; the message lists every failure with its value.</exception>
    /// <exception cref="TorchLoadException">TorchSharp's native library cannot be loaded; the message says why and how to fix it.</exception>
    public static (DcganGenerator Generator, DcganDiscriminator Discriminator) Create(DcganModelOptions options, long seed)
    {
        new DcganModelOptionsValidator().ThrowIfInvalid(options);
        TorchRuntime.EnsureLoaded();
        using var rng = new torch.Generator(seed: unchecked((ulong)seed), device: torch.CPU);
        DcganGenerator? generator = null;
        try
        {
            generator = new DcganGenerator(options, rng);
            var discriminator = new DcganDiscriminator(options, rng);
            return (generator, discriminator);
        }
        catch
        {
            generator?.Dispose();
            throw;
        }
    }
}
