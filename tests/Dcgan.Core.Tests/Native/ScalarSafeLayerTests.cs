// ScalarSafeBatchNorm2d and ScalarSafeLeakyReLU replace TorchSharp's layers only to hold their Scalars: outputs,
// gradients, running statistics and state-dict keys must be TorchSharp's, bit for bit.
using Dcgan.Models;
using FluentAssertions;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Core.Tests.Native;

public class ScalarSafeLayerTests
{
    [Fact]
    public void ScalarSafeBatchNorm2d_trains_and_evaluates_bit_for_bit_like_TorchSharps_BatchNorm2d()
    {
        using nn.Module<Tensor, Tensor> reference = nn.BatchNorm2d(3, eps: 1e-4, momentum: 0.2);
        using var safe = new ScalarSafeBatchNorm2d(3, eps: 1e-4, momentum: 0.2);
        using (var g = new Generator(5))
        using (no_grad())
        {
            // Non-trivial scale and shift, identical in both.
            Tensor weight = randn([3], generator: g), bias = randn([3], generator: g);
            foreach (nn.Module<Tensor, Tensor> m in new[] { reference, safe })
            {
                ((TorchSharp.Modules.BatchNorm)m).weight.copy_(weight);
                ((TorchSharp.Modules.BatchNorm)m).bias!.copy_(bias);
            }
        }

        safe.state_dict().Keys.Should().Equal(reference.state_dict().Keys, "the state-dict keys are the checkpoint format");

        for (int step = 0; step < 4; step++)
        {
            using var scope = NewDisposeScope();
            using var g = new Generator((ulong)(20 + step));
            Tensor x = randn([5, 3, 4, 4], generator: g);                     // [N, C, H, W]
            reference.train();
            safe.train();
            Tensor xr = x.clone().requires_grad_(true), xs = x.clone().requires_grad_(true);
            Tensor yr = reference.forward(xr), ys = safe.forward(xs);          // [N, C, H, W]
            Bits(ys).Should().Equal(Bits(yr), $"training-mode output of step {step}");
            yr.square().sum().backward();
            ys.square().sum().backward();
            Bits(xs.grad!).Should().Equal(Bits(xr.grad!), "the input gradient");
        }

        foreach (string key in new[] { "running_mean", "running_var", "num_batches_tracked" })
        {
            Tensor r = reference.state_dict()[key], s = safe.state_dict()[key];
            s.dtype.Should().Be(r.dtype, key);
            Bytes(s).Should().Equal(Bytes(r), $"{key} after 4 training batches");
        }

        safe.state_dict()["num_batches_tracked"].item<long>().Should().Be(4);

        reference.eval();
        safe.eval();
        using (var g = new Generator(99))
        using (var scope = NewDisposeScope())
        {
            Tensor x = randn([2, 3, 4, 4], generator: g);
            Bits(safe.forward(x)).Should().Equal(Bits(reference.forward(x)), "eval mode uses the running statistics");
        }
    }

    [Fact]
    public void ScalarSafeBatchNorm2d_refuses_input_that_is_not_4_d_and_names_the_shape()
    {
        using var safe = new ScalarSafeBatchNorm2d(3);
        using Tensor x = zeros(2, 3);
        FluentActions.Invoking(() => safe.forward(x)).Should().Throw<ArgumentException>().WithMessage("*4-D*[2, 3]*");
        FluentActions.Invoking(() => new ScalarSafeBatchNorm2d(0)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void ScalarSafeLeakyReLU_gives_TorchSharps_outputs_and_gradients_bit_for_bit()
    {
        using nn.Module<Tensor, Tensor> reference = nn.LeakyReLU(0.2);
        using var safe = new ScalarSafeLeakyReLU(0.2);
        using var scope = NewDisposeScope();
        using var g = new Generator(3);
        Tensor x = randn([64], generator: g);
        Tensor xr = x.clone().requires_grad_(true), xs = x.clone().requires_grad_(true);
        Tensor yr = reference.forward(xr), ys = safe.forward(xs);

        Bits(ys).Should().Equal(Bits(yr));
        Bits(ys).Should().NotEqual(Bits(x), "negative inputs are scaled");
        yr.sum().backward();
        ys.sum().backward();
        Bits(xs.grad!).Should().Equal(Bits(xr.grad!));
        safe.state_dict().Should().BeEmpty();
        FluentActions.Invoking(() => new ScalarSafeLeakyReLU(double.NaN)).Should().Throw<ArgumentOutOfRangeException>();
    }

    private static uint[] Bits(Tensor t) => [.. t.detach().contiguous().data<float>().ToArray().Select(BitConverter.SingleToUInt32Bits)];

    private static byte[] Bytes(Tensor t) => t.contiguous().bytes.ToArray();
}
