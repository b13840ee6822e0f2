// Adam (Dcgan.Training.Adam): TorchSharp's Adam with a step() that keeps every Scalar alive for its whole native call.
// TorchSharp 0.107's Adam.step passes its betas, epsilon and step size as temporary Scalars (mul_(beta1),
// add_(grad, alpha: 1 - beta1), addcdiv_(..., value: -step_size)), which a garbage collection on another thread can free
// mid-call ("Expected false to be true" in addcdiv_, or a silently wrong update; docs/native-memory.md). This class
// derives from TorchSharp's Adam: the same options, parameter groups and per-parameter state (Adam.State: step,
// exp_avg, exp_avg_sq, max_exp_avg_sq), so checkpoints and OptimizerHelper.save_state_dict are unchanged, and its step
// runs the same libtorch operations in the same order with the same values, so updates are bit for bit the same.
// It keeps TorchSharp's class name on purpose: saved optimizer state records the class name (not the namespace), so
// state saved by torch.optim.Adam loads into this class and the other way round.

using Dcgan.Native;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dcgan.Training;

/// <summary>
/// Adam (Kingma and Ba), numerically identical to TorchSharp's <c>torch.optim.Adam</c> and safe to step while other
/// threads trigger garbage collections. Its saved state is interchangeable with <c>torch.optim.Adam</c>'s (same class
/// name, same entries). The caller owns it and disposes it (its state tensors are native memory).
/// </summary>
public sealed class Adam : TorchSharp.Modules.Adam
{
    /// <summary>Creates the optimizer over one parameter group.</summary>
    /// <param name="parameters">The parameters to update.</param>
    /// <param name="lr">The learning rate. The default value is 0.001 (TorchSharp's; the paper's GAN setting is 0.0002).</param>
    /// <param name="beta1">The decay of the gradient average. The default value is 0.9 (the paper's GAN setting is 0.5).</param>
    /// <param name="beta2">The decay of the squared-gradient average. The default value is 0.999.</param>
    /// <param name="eps">Added to the denominator. The default value is 1e-8.</param>
    /// <param name="weightDecay">The L2 penalty added to the gradient. The default value is 0.</param>
    /// <param name="amsgrad">Whether to use the AMSGrad variant. The default value is false.</param>
    /// <param name="maximize">Whether to maximise the objective. The default value is false.</param>
    /// <exception cref="ArgumentException">A setting is out of range (TorchSharp's checks: the message names it).</exception>
    public Adam(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double eps = 1e-8, double weightDecay = 0, bool amsgrad = false, bool maximize = false)
#pragma warning disable RS0030 // the base constructor only stores options; this class replaces the step that makes Scalars
        : base(parameters, lr, beta1, beta2, eps, weightDecay, amsgrad, maximize)
#pragma warning restore RS0030
    {
    }

    /// <summary>One update of every parameter that has a gradient (TorchSharp's Adam.step, with held Scalars).</summary>
    /// <param name="closure">Re-evaluates the model and returns the loss; optional.</param>
    /// <returns>The closure's loss (owned by the caller, as the closure returned it), or null.</returns>
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = (Options)group.Options;
        double beta1 = options.beta1!.Value, beta2 = options.beta2!.Value, eps = options.eps!.Value;
        double weightDecay = options.weight_decay!.Value, lr = options.LearningRate!.Value;
        bool amsgrad = options.amsgrad!.Value, maximize = options.maximize!.Value;
        // Option values: process-lifetime Scalars (a few per distinct setting).
        Scalar beta1Scalar = Scalars.Constant(beta1), oneMinusBeta1 = Scalars.Constant(1 - beta1);
        Scalar beta2Scalar = Scalars.Constant(beta2), oneMinusBeta2 = Scalars.Constant(1 - beta2);
        Scalar epsScalar = Scalars.Constant(eps), weightDecayScalar = Scalars.Constant(weightDecay);

        foreach (Parameter param in group.Parameters)
        {
            var state = (State)_state[param.Handle];
            Tensor? grad = param.grad;
            if (grad is null) continue;
            if (maximize) grad = -grad;
            state.step += 1;

            double biasCorrection1 = 1 - Math.Pow(beta1, state.step);
            double biasCorrection2 = 1 - Math.Pow(beta2, state.step);
            if (weightDecay != 0) grad = grad.add(param, alpha: weightDecayScalar);

            state.exp_avg.mul_(beta1Scalar).add_(grad, alpha: oneMinusBeta1);                    // m = b1 m + (1 - b1) g
            state.exp_avg_sq.mul_(beta2Scalar).addcmul_(grad, grad.conj(), value: oneMinusBeta2); // v = b2 v + (1 - b2) g^2

            // Values that change every step: owned here and disposed after the last call that reads them.
            using Scalar sqrtBiasCorrection2 = Scalars.Owned(Math.Sqrt(biasCorrection2));
            using Scalar negativeStepSize = Scalars.Owned(-(lr / biasCorrection1));
            Tensor denom;
            if (amsgrad)
            {
                Tensor previous = state.max_exp_avg_sq;
                state.max_exp_avg_sq = torch.maximum(previous, state.exp_avg_sq).DetachFromDisposeScope();
                previous.Dispose();
                denom = state.max_exp_avg_sq.sqrt().div(sqrtBiasCorrection2).add_(epsScalar, Scalars.One);
            }
            else
            {
                denom = state.exp_avg_sq.sqrt().div(sqrtBiasCorrection2).add_(epsScalar, Scalars.One); // sqrt(v / bc2) + eps
            }

            param.addcdiv_(state.exp_avg, denom, value: negativeStepSize);                          // p -= lr / bc1 * m / denom
        }
    }, closure);
}
