// ArchitecturePreset: which DcganModelOptions preset hosted training builds its networks from.
namespace Dcgan.Hosting;

/// <summary>
/// The architecture presets of <c>DcganModelOptions</c>, by name (bindable from configuration). Hosted training takes
/// the projection, kernels and prior from the preset, and the widths from
/// <see cref="HostedTrainingOptions.GeneratorWidth"/> and <see cref="HostedTrainingOptions.DiscriminatorWidth"/>, else
/// from the <see cref="HostedTrainingOptions.Profile"/> (quick-start: 32; paper: the preset's own).
/// </summary>
public enum ArchitecturePreset
{
    /// <summary>
    /// <c>DcganModelOptions.Paper</c>: dense projection, 5x5 kernels, uniform z of 100, and the paper's widths 128 when
    /// the profile keeps the preset's widths (<c>paper</c>).
    /// </summary>
    Paper,

    /// <summary><c>DcganModelOptions.PyTorchExample</c>: transposed-convolution projection, 4x4 kernels, normal z of 100.</summary>
    PyTorchExample,
}
