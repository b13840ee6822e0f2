// SvmSolver: the two optimizers LinearSvm can use.

namespace Dcgan.Features;

/// <summary>The optimizer of <see cref="LinearSvm"/>.</summary>
public enum SvmSolver
{
    /// <summary>LIBLINEAR's dual coordinate descent with shrinking (Hsieh et al. 2008), LinearSVC's dual=True solver.</summary>
    DualCoordinateDescent,

    /// <summary>Full-batch L-BFGS on the primal (TorchSharp); slow on large problems, kept for small ones and cross-checks.</summary>
    Lbfgs,
}
