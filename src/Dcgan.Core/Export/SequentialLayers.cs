// SequentialLayers: the leaf layers of a network whose forward pass runs its registered layers in order, with their
// state-dict prefixes ("main.0", "main.1", ...), for the ONNX export.

using TorchSharp;
using TorchSharp.Modules;

namespace Dcgan.Export;

internal static class SequentialLayers
{
    /// <summary>
    /// The leaves under <paramref name="network"/>: a Sequential's children in order, and a module with exactly one child
    /// (a wrapper such as DcganGenerator around its <c>main</c>) replaced by that child.
    /// </summary>
    /// <exception cref="NotSupportedException">A non-Sequential module has several children (its order is unknown).</exception>
    public static List<(string Key, torch.nn.Module Layer)> Of(torch.nn.Module network)
    {
        var layers = new List<(string, torch.nn.Module)>();
        Add(layers, "", network);
        return layers;
    }

    private static void Add(List<(string, torch.nn.Module)> layers, string prefix, torch.nn.Module module)
    {
        var children = module.named_children().ToList();
        if (children.Count == 0)
        {
            layers.Add((prefix.Length == 0 ? module.GetName() : prefix, module));
            return;
        }

        if (module is not Sequential && children.Count > 1)
        {
            throw new NotSupportedException(
                $"Module '{(prefix.Length == 0 ? module.GetName() : prefix)}' ({module.GetType().Name}) has {children.Count} sub-modules and is not a Sequential: the ONNX export cannot know the order its forward pass runs them in.");
        }

        foreach ((string name, torch.nn.Module child) in children)
        {
            Add(layers, prefix.Length == 0 ? name : $"{prefix}.{name}", child);
        }
    }
}
