// ArchitecturePreset: which DcganModelOptions preset hosted training builds its networks from.
namespace Dcgan.Hosting;

/// <summary>The architecture presets of <c>DcganModelOptions</c>, by name (bindable from configuration).</summary>
public enum ArchitecturePreset
{
    /// <summary><c>DcganModelOptions.Paper</c>: dense projection, 5x5 kernels, uniform z of 100.</summary>
    Paper,

    /// <summary><c>DcganModelOptions.PyTorchExample</c>: transposed-convolution projection, 4x4 kernels, normal z of 100.</summary>
    PyTorchExample,
}
