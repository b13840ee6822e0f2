// OnnxGraphBuilder: turns a chain of TorchSharp layers (in inference form) into ONNX nodes and initializers.
// Each supported layer maps to one ONNX operator of opset 13 with PyTorch's semantics:
//   Conv2d -> Conv, ConvTranspose2d -> ConvTranspose (same weight layouts), Linear -> Gemm (transB = 1),
//   BatchNorm (eval: running statistics) -> BatchNormalization, ReLU -> Relu, LeakyReLU -> LeakyRelu, Tanh -> Tanh,
//   Sigmoid -> Sigmoid, Flatten(1, -1) -> Flatten(axis 1), Unflatten(1, sizes) -> Reshape([0, sizes...]).
// Weights are copied as float32 raw data (little-endian), so the ONNX model holds exactly the module's values.

using Dcgan.Models;
using Google.Protobuf;
using Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dcgan.Export;

internal sealed class OnnxGraphBuilder
{
    private readonly GraphProto _graph = new();
    private int _next;

    public OnnxGraphBuilder(string name) => _graph.Name = name;

    public GraphProto Graph => _graph;

    /// <summary>Adds a graph input of float32 elements; null dimensions are the dynamic batch "N".</summary>
    public void AddInput(string name, params long?[] dims) => _graph.Input.Add(ValueInfo(name, dims));

    /// <summary>Adds a graph output of float32 elements; null dimensions are the dynamic batch "N".</summary>
    public void AddOutput(string name, params long?[] dims) => _graph.Output.Add(ValueInfo(name, dims));

    /// <summary>Adds an int64 constant (for Reshape targets) and returns its name.</summary>
    public string AddInt64Constant(string hint, params long[] values)
    {
        var t = new TensorProto { Name = Fresh(hint), DataType = (int)TensorProto.Types.DataType.Int64 };
        t.Dims.Add(values.Length);
        t.Int64Data.Add(values);
        _graph.Initializer.Add(t);
        return t.Name;
    }

    /// <summary>Adds a node and returns the name of its (single) output.</summary>
    public string AddNode(string opType, string hint, IEnumerable<string> inputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = Fresh(hint) };
        node.Input.Add(inputs);
        node.Output.Add(node.Name + ".out");
        node.Attribute.Add(attributes);
        _graph.Node.Add(node);
        return node.Output[0];
    }

    /// <summary>Names the output of the last node added <paramref name="name"/> (a graph output).</summary>
    public void NameLastOutput(string name) => _graph.Node[^1].Output[0] = name;

    /// <summary>Appends <paramref name="layer"/> (named <paramref name="key"/> as in the state dict) after <paramref name="input"/>.</summary>
    /// <exception cref="NotSupportedException">The layer has no ONNX mapping here; the message names its type.</exception>
    public string AddLayer(string key, nn.Module layer, string input) => layer switch
    {
        ConvTranspose2d c => AddNode("ConvTranspose", key, [input, Weight(key + ".weight", c.weight), .. Bias(key, c.bias)],
            Ints("kernel_shape", c.kernel_size), Ints("strides", c.stride), Ints("pads", [.. c.padding!, .. c.padding!]),
            Ints("output_padding", c.output_padding), Ints("dilations", c.dilation), Int("group", c.groups)),
        Conv2d c => AddNode("Conv", key, [input, Weight(key + ".weight", c.weight), .. Bias(key, c.bias)],
            Ints("kernel_shape", c.kernel_size), Ints("strides", c.stride), Ints("pads", [.. c.padding!, .. c.padding!]),
            Ints("dilations", c.dilation), Int("group", c.groups)),
        Linear l => AddNode("Gemm", key, [input, Weight(key + ".weight", l.weight), .. Bias(key, l.bias)], Int("transB", 1)),
        BatchNorm b => AddNode("BatchNormalization", key,
            [input, Weight(key + ".weight", b.weight), Weight(key + ".bias", b.bias!),
             Weight(key + ".running_mean", b.running_mean!), Weight(key + ".running_var", b.running_var!)],
            Float("epsilon", b.eps)),
        ReLU => AddNode("Relu", key, [input]),
        ScalarSafeLeakyReLU r => AddNode("LeakyRelu", key, [input], Float("alpha", r.NegativeSlope)),
        LeakyReLU r => AddNode("LeakyRelu", key, [input], Float("alpha", r.negative_slope)),
        Tanh => AddNode("Tanh", key, [input]),
        Sigmoid => AddNode("Sigmoid", key, [input]),
        Flatten f when f.start_dim == 1 && f.end_dim == -1 => AddNode("Flatten", key, [input], Int("axis", 1)),
        Unflatten u when u.dim == 1 => AddNode("Reshape", key, [input, AddInt64Constant(key + ".shape", [0, .. u.unflattened_size])]),
        _ => throw new NotSupportedException(
            $"Layer '{key}' is a {layer.GetType().Name}, which the ONNX export does not support; supported: Conv2d, ConvTranspose2d, Linear, BatchNorm, ReLU, LeakyReLU, Tanh, Sigmoid, Flatten(1, -1), Unflatten(1, ...)."),
    };

    private IEnumerable<string> Bias(string key, Tensor? bias) => bias is null ? [] : [Weight(key + ".bias", bias)];

    // A float32 initializer holding the tensor's values (copied through the CPU).
    private string Weight(string name, Tensor value)
    {
        using var scope = NewDisposeScope();
        Tensor t = value.detach().to(ScalarType.Float32).cpu().contiguous();
        var proto = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        proto.Dims.Add(t.shape);
        proto.RawData = ByteString.CopyFrom(t.bytes);
        _graph.Initializer.Add(proto);
        return name;
    }

    private string Fresh(string hint) => $"{hint}#{_next++}";

    private static ValueInfoProto ValueInfo(string name, long?[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (long? d in dims)
        {
            shape.Dim.Add(d is long v ? new TensorShapeProto.Types.Dimension { DimValue = v } : new TensorShapeProto.Types.Dimension { DimParam = "N" });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }

    private static AttributeProto Ints(string name, IEnumerable<long> values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.Add(values);
        return a;
    }

    private static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    private static AttributeProto Float(string name, double value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = (float)value };
}
