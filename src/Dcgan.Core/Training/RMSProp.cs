// RMSProp (Dcgan.Training.RMSProp): TorchSharp's RMSProp with a step() that keeps every Scalar alive for its whole native call.
// TorchSharp 0.107's RMSProp.step passes alpha, epsilon, momentum and the learning rate as temporary Scalars, which a
// garbage collection on another thread can free mid-call (docs/native-memory.md). This class derives from TorchSharp's
// RMSProp: the same options, groups and per-parameter state (RMSProp.State: step, square_avg, momentum_buffer,
// grad_avg), so checkpoints are unchanged, and its step runs the same libtorch operations in the same order with the
// same values, so updates are bit for bit the same.

using Dcgan.Native;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dcgan.Training;

/// <summary>
/// RMSprop, numerically identical to TorchSharp's <c>torch.optim.RMSProp</c> and safe to step while other threads
/// trigger garbage collections. The caller owns it and disposes it (its state tensors are native memory).
/// </summary>
public sealed class RMSProp : TorchSharp.Modules.RMSProp
{
    /// <summary>Creates the optimizer over one parameter group.</summary>
    /// <param name="parameters">The parameters to update.</param>
    /// <param name="lr">The learning rate. The default value is 0.01 (PyTorch's; WGAN used 0.00005).</param>
    /// <param name="alpha">The decay of the squared-gradient average. The default value is 0.99.</param>
    /// <param name="eps">Added to the denominator. The default value is 1e-8.</param>
    /// <param name="weightDecay">The L2 penalty added to the gradient. The default value is 0.</param>
    /// <param name="momentum">The momentum factor. The default value is 0.</param>
    /// <param name="centered">Whether to normalise by the estimated gradient variance. The default value is false.</param>
    /// <param name="maximize">Whether to maximise the objective. The default value is false.</param>
    /// <exception cref="ArgumentException">A setting is out of range (TorchSharp's checks: the message names it).</exception>
    public RMSProp(IEnumerable<Parameter> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1e-8,
        double weightDecay = 0, double momentum = 0, bool centered = false, bool maximize = false)
#pragma warning disable RS0030 // the base constructor only stores options; this class replaces the step that makes Scalars
        : base(parameters, lr, alpha, eps, weightDecay, momentum, centered, maximize)
#pragma warning restore RS0030
    {
    }

    /// <summary>One update of every parameter that has a gradient (TorchSharp's RMSProp.step, with held Scalars).</summary>
    /// <param name="closure">Re-evaluates the model and returns the loss; optional.</param>
    /// <returns>The closure's loss (owned by the caller, as the closure returned it), or null.</returns>
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = (Options)group.Options;
        double alpha = options.alpha!.Value, eps = options.eps!.Value, momentum = options.momentum!.Value;
        double weightDecay = options.weight_decay!.Value;
        bool centered = options.centered!.Value, maximize = options.maximize!.Value;
        // Option values: process-lifetime Scalars (a few per distinct setting; the learning rate can change, so it is owned).
        Scalar alphaScalar = Scalars.Constant(alpha), oneMinusAlpha = Scalars.Constant(1 - alpha);
        Scalar epsScalar = Scalars.Constant(eps), momentumScalar = Scalars.Constant(momentum);
        Scalar weightDecayScalar = Scalars.Constant(weightDecay), minusOne = Scalars.Constant(-1L);
        using Scalar negativeLr = Scalars.Owned(-options.LearningRate!.Value);

        foreach (Parameter param in group.Parameters)
        {
            var state = (State)_state[param.Handle];
            Tensor? grad = param.grad;
            if (grad is null) continue;
            if (maximize) grad = -grad;
            state.step += 1;
            if (weightDecay != 0) grad = grad.add(param, alpha: weightDecayScalar);

            state.square_avg.mul_(alphaScalar).addcmul_(grad, grad, value: oneMinusAlpha);  // v = a v + (1 - a) g^2
            Tensor avg;
            if (centered)
            {
                Tensor gradAvg = state.grad_avg;
                gradAvg.mul_(alphaScalar).add_(grad, alpha: oneMinusAlpha);                  // mean of g
                avg = state.square_avg.addcmul(gradAvg, gradAvg, value: minusOne).sqrt_().add_(epsScalar, Scalars.One);
            }
            else
            {
                avg = state.square_avg.sqrt().add_(epsScalar, Scalars.One);                  // sqrt(v) + eps
            }

            if (momentum > 0)
            {
                Tensor buffer = state.momentum_buffer;
                buffer.mul_(momentumScalar).addcdiv_(grad, avg, Scalars.One);
                param.add_(buffer, alpha: negativeLr);
            }
            else
            {
                param.addcdiv_(grad, avg, negativeLr);                                        // p -= lr g / avg
            }
        }
    }, closure);
}
