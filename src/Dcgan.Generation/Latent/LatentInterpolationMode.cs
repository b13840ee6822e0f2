// LatentInterpolationMode: the two paths between latent points (lerp, slerp). Named so that it does not collide with
// TorchSharp.torch.InterpolationMode under `using static TorchSharp.torch;`.
namespace Dcgan.Latent;

/// <summary>How <see cref="LatentInterpolation"/> moves between two latent points.</summary>
public enum LatentInterpolationMode
{
    /// <summary>
    /// Straight line: <c>(1 - t) a + t b</c>. The paper's walks. With a Gaussian prior the midpoint of two random
    /// points is shorter than typical samples (norm about sqrt(Z / 2) instead of sqrt(Z)).
    /// </summary>
    Linear,

    /// <summary>
    /// Spherical (slerp): along the great circle through a and b, <c>sin((1 - t) w) / sin(w) a + sin(t w) / sin(w) b</c>
    /// with w the angle between them. Keeps the norm of equal-norm endpoints, so intermediate points look like
    /// samples of a Gaussian prior. Falls back to linear when a and b are nearly parallel.
    /// </summary>
    Spherical,
}
