// Dcgan.Training.Adam and Dcgan.Training.RMSProp replace TorchSharp's optimizers only to hold their Scalars: on the same inputs
// they must give the same parameters and the same saved state, bit for bit, in every option combination they support.
using Dcgan.Persistence;
using Dcgan.Training;
using FluentAssertions;
using TorchSharp;
using static TorchSharp.torch;
using Parameter = TorchSharp.Modules.Parameter;

namespace Dcgan.Core.Tests.Native;

public class ScalarSafeOptimizerTests
{
    public static TheoryData<string, bool, double, bool> AdamCases => new()
    {
        { "default", false, 0, false },
        { "amsgrad", true, 0, false },
        { "weight decay", false, 0.01, false },
        { "maximize", false, 0, true },
        { "all", true, 0.001, true },
    };

    [Theory]
    [MemberData(nameof(AdamCases))]
    public void Dcgans_Adam_updates_bit_for_bit_like_TorchSharps_Adam(string name, bool amsgrad, double weightDecay, bool maximize)
    {
        (uint[] expectedWeights, byte[] expectedState) = Run(p => optim.Adam(p, lr: 2e-3, beta1: 0.5, beta2: 0.99, eps: 1e-7, weight_decay: weightDecay, amsgrad: amsgrad, maximize: maximize));
        (uint[] actualWeights, byte[] actualState) = Run(p => new Dcgan.Training.Adam(p, lr: 2e-3, beta1: 0.5, beta2: 0.99, eps: 1e-7, weightDecay: weightDecay, amsgrad: amsgrad, maximize: maximize));

        actualWeights.Should().Equal(expectedWeights, $"Adam ({name}) must move every weight to the same bits");
        actualState.Should().Equal(expectedState, "the saved optimizer state (step, averages) is the checkpoint format");
        actualWeights.Should().NotEqual(Run(_ => NoOp()).Weights, "the optimizer really trained");
    }

    public static TheoryData<string, bool, double, double> RmsPropCases => new()
    {
        { "default", false, 0, 0 },
        { "centered", true, 0, 0 },
        { "momentum", false, 0.9, 0 },
        { "weight decay", false, 0, 0.01 },
        { "all", true, 0.5, 0.001 },
    };

    [Theory]
    [MemberData(nameof(RmsPropCases))]
    public void Dcgans_RMSProp_updates_bit_for_bit_like_TorchSharps_RMSProp(string name, bool centered, double momentum, double weightDecay)
    {
        (uint[] expectedWeights, byte[] expectedState) = Run(p => optim.RMSProp(p, lr: 1e-3, alpha: 0.95, eps: 1e-7, weight_decay: weightDecay, momentum: momentum, centered: centered));
        (uint[] actualWeights, byte[] actualState) = Run(p => new Dcgan.Training.RMSProp(p, lr: 1e-3, alpha: 0.95, eps: 1e-7, weightDecay: weightDecay, momentum: momentum, centered: centered));

        actualWeights.Should().Equal(expectedWeights, $"RMSprop ({name}) must move every weight to the same bits");
        actualState.Should().Equal(expectedState, "the saved optimizer state is the checkpoint format");
        actualWeights.Should().NotEqual(Run(_ => NoOp()).Weights, "the optimizer really trained");
    }

    [Fact]
    public void A_state_saved_by_TorchSharps_Adam_loads_into_Dcgans_Adam_and_continues_identically()
    {
        // Checkpoints written before this class existed hold optim.Adam's state: resuming must continue bit for bit.
        using var reference = Problem.Create();
        using var resumed = Problem.Create();
        using optim.Optimizer old = optim.Adam(reference.Parameters, lr: 2e-3, beta1: 0.5);
        reference.Train(old, steps: 5, firstStep: 0);
        resumed.CopyWeightsFrom(reference);
        using var safe = new Dcgan.Training.Adam(resumed.Parameters, lr: 2e-3, beta1: 0.5);
        ModuleState.Load(safe, ModuleState.Serialize(old), "memory", "the generator optimizer");

        reference.Train(old, steps: 5, firstStep: 5);
        resumed.Train(safe, steps: 5, firstStep: 5);

        resumed.WeightBits().Should().Equal(reference.WeightBits());
    }

    private static optim.Optimizer NoOp() => optim.SGD([new Parameter(zeros(1))], 0.0);

    private static (uint[] Weights, byte[] State) Run(Func<IEnumerable<Parameter>, optim.Optimizer> create)
    {
        using var problem = Problem.Create();
        using optim.Optimizer optimizer = create(problem.Parameters);
        problem.Train(optimizer, steps: 12, firstStep: 0);
        return (problem.WeightBits(), ModuleState.Serialize(optimizer));
    }

    /// <summary>A small least-squares problem with seeded weights and seeded data for every step.</summary>
    private sealed class Problem : IDisposable
    {
        private readonly Parameter _w;
        private readonly Parameter _b;

        private Problem(Parameter w, Parameter b) => (_w, _b) = (w, b);

        public IEnumerable<Parameter> Parameters => [_w, _b];

        public static Problem Create()
        {
            using var g = new Generator(11);
            return new Problem(new Parameter(randn([6, 5], generator: g)), new Parameter(randn([5], generator: g)));
        }

        public void Train(optim.Optimizer optimizer, int steps, int firstStep)
        {
            for (int step = firstStep; step < firstStep + steps; step++)
            {
                using var scope = NewDisposeScope();
                using var g = new Generator((ulong)(100 + step));
                Tensor x = randn([8, 6], generator: g);            // [8, 6]
                Tensor y = randn([8, 5], generator: g);            // [8, 5]
                optimizer.zero_grad();
                Tensor loss = (x.mm(_w) + _b - y).square().mean(); // []
                loss.backward();
                if (step % 4 == 3) _b.grad = null;                 // a parameter without a gradient is skipped
                optimizer.step();
            }
        }

        public void CopyWeightsFrom(Problem other)
        {
            using var noGrad = no_grad();
            _w.copy_(other._w);
            _b.copy_(other._b);
        }

        public uint[] WeightBits() =>
            [.. _w.data<float>().ToArray().Concat(_b.data<float>().ToArray()).Select(BitConverter.SingleToUInt32Bits)];

        public void Dispose()
        {
            _w.Dispose();
            _b.Dispose();
        }
    }
}
