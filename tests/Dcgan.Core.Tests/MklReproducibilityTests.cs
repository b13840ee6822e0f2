// MKL (inside libtorch-cpu) must give the same bits for the same product wherever its operands sit in memory: tensors
// made from .NET arrays have any 8-byte alignment, and per-image slices start at batch-size-dependent offsets. On an
// AVX-512 machine MKL happens to be alignment-independent anyway; the AVX2 pass of scripts/test.sh
// (MKL_ENABLE_INSTRUCTIONS=AVX2) is where the first test fails without MklReproducibility.
using Dcgan.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Core.Tests;

public sealed class MklReproducibilityTests
{
    [Fact]
    public void A_linear_layer_gives_a_latents_product_the_same_bits_at_every_batch_position_and_alignment()
    {
        TorchRuntime.EnsureLoaded();
        const int inputs = 8, outputs = 784; // the dense projection of the tiny test generators (z of 8, width 4)
        using var scope = NewDisposeScope();
        using var generator = new Generator(11, CPU);
        Tensor weight = rand(outputs, inputs, generator: generator);  // [784, 8]
        Tensor others = rand(7, inputs, generator: generator);        // [7, 8]: the rows before ours in a batch
        Tensor z = rand(1, inputs, generator: generator);             // [1, 8]: our latent
        Tensor buffer = zeros(8 * inputs + 16);                       // 64-byte aligned storage, room for 16 offsets
        uint[] alone = Bits(nn.functional.linear(z, weight));         // [1, 784]

        var differences = new List<string>();
        for (int rows = 1; rows <= 8; rows++)                         // our latent is the last of a batch of `rows`
        {
            for (int offset = 0; offset < 16; offset++)               // 0, 4, 8, ... 60 bytes past a 64-byte boundary
            {
                Tensor batch = buffer.narrow(0, offset, rows * inputs).view(rows, inputs); // [rows, 8] at that offset
                batch.narrow(0, 0, rows - 1).copy_(others.narrow(0, 0, rows - 1));
                batch.narrow(0, rows - 1, 1).copy_(z);
                uint[] ours = Bits(nn.functional.linear(batch, weight).narrow(0, rows - 1, 1)); // [1, 784]
                if (!ours.SequenceEqual(alone))
                {
                    differences.Add($"batch of {rows} at +{offset * 4} bytes");
                }
            }
        }

        differences.Should().BeEmpty("MKL's product of one latent must not depend on its batch or its alignment");
    }

    private static uint[] Bits(Tensor t) => [.. t.contiguous().data<float>().ToArray().Select(BitConverter.SingleToUInt32Bits)];

    [Fact]
    public void Loading_the_runtime_sets_MKLs_strict_reproducibility_unless_the_user_chose_a_mode()
    {
        TorchRuntime.EnsureLoaded();

        MklReproducibility.NativeValue(MklReproducibility.Variable).Should()
            .Be(Environment.GetEnvironmentVariable(MklReproducibility.Variable) ?? MklReproducibility.StrictForThisCpu);
    }
}
