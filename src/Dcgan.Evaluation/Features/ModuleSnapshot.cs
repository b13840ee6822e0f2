// ModuleSnapshot: a copy of a module's state dict (parameters and buffers, e.g. BN running statistics) in tensors
// of its own, so that training can keep its best epoch's weights without keeping any graph: the copies are
// allocated once and overwritten in place, so taking a snapshot every few epochs allocates nothing.

using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Features;

/// <summary>Keeps a copy of every state-dict entry of one module, and writes it back on request.</summary>
internal sealed class ModuleSnapshot : IDisposable
{
    private readonly Dictionary<string, Tensor> _copies;

    private ModuleSnapshot(Dictionary<string, Tensor> copies) => _copies = copies;

    /// <summary>Copies the current state of <paramref name="module"/>. The snapshot owns its tensors (dispose it).</summary>
    public static ModuleSnapshot Capture(nn.Module module)
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var copies = new Dictionary<string, Tensor>();
        try
        {
            foreach ((string key, Tensor value) in module.state_dict())
            {
                copies.Add(key, value.clone().DetachFromDisposeScope()); // same shape, dtype, device; no grad (no_grad)
            }
        }
        catch
        {
            foreach (Tensor t in copies.Values)
            {
                t.Dispose();
            }

            throw;
        }

        return new ModuleSnapshot(copies);
    }

    /// <summary>Overwrites the snapshot with the current state of <paramref name="module"/> (same keys and shapes).</summary>
    public void Update(nn.Module module) => Copy(module, toSnapshot: true);

    /// <summary>Writes the snapshot back into <paramref name="module"/>'s parameters and buffers, in place.</summary>
    public void Restore(nn.Module module) => Copy(module, toSnapshot: false);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (Tensor t in _copies.Values)
        {
            t.Dispose();
        }

        _copies.Clear();
    }

    private void Copy(nn.Module module, bool toSnapshot)
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        foreach ((string key, Tensor live) in module.state_dict())
        {
            Tensor copy = _copies[key];
            _ = toSnapshot ? copy.copy_(live) : live.copy_(copy);
        }
    }
}
