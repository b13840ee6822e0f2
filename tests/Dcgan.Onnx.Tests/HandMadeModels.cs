// HandMadeModels: small ONNX graphs written with the ONNX protobuf types (OnnxSharp), for the contract checks: an
// identity "generator" that reshapes z into an image, and models that break the contract in one way each.
using Google.Protobuf;
using Onnx;

namespace Dcgan.Onnx.Tests;

internal static class HandMadeModels
{
    /// <summary>
    /// A model whose output is its input reshaped: <paramref name="input"/> dims -> Reshape(<paramref name="reshapeTo"/>)
    /// -> <paramref name="output"/> dims. A dim is a long (fixed) or a string (symbolic). With <paramref name="shapeFromInput"/>
    /// the target shape is a graph input named "shape" instead of a constant.
    /// </summary>
    public static byte[] Reshaping(object[] input, long[] reshapeTo, object[] output, TensorProto.Types.DataType type = TensorProto.Types.DataType.Float,
        IReadOnlyDictionary<string, string>? metadata = null, int inputCount = 1, bool shapeFromInput = false)
    {
        var graph = new GraphProto { Name = "hand_made" };
        for (int i = 0; i < inputCount; i++)
        {
            graph.Input.Add(ValueInfo(i == 0 ? "z" : $"extra{i}", input, type));
        }

        var shape = new TensorProto { Name = "shape", DataType = (int)TensorProto.Types.DataType.Int64 };
        shape.Dims.Add(reshapeTo.Length);
        shape.Int64Data.Add(reshapeTo);
        if (shapeFromInput)
        {
            // The target shape is a second input, so ONNX Runtime cannot infer the output's shape from the graph.
            graph.Input.Add(ValueInfo("shape", [reshapeTo.Length], TensorProto.Types.DataType.Int64));
        }
        else
        {
            graph.Initializer.Add(shape);
        }

        var node = new NodeProto { OpType = "Reshape", Name = "reshape" };
        node.Input.Add("z");
        node.Input.Add("shape");
        node.Output.Add("images");
        graph.Node.Add(node);
        graph.Output.Add(ValueInfo("images", output, type));
        var model = new ModelProto { IrVersion = 7, ProducerName = "Dcgan.Onnx.Tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        foreach ((string key, string value) in metadata ?? new Dictionary<string, string>())
        {
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        }

        return model.ToByteArray();
    }

    /// <summary><paramref name="model"/> with its metadata entry <paramref name="key"/> replaced (null: removed).</summary>
    public static byte[] WithMetadata(byte[] model, string key, string? value)
    {
        ModelProto proto = ModelProto.Parser.ParseFrom(model);
        StringStringEntryProto? entry = proto.MetadataProps.SingleOrDefault(e => e.Key == key);
        if (entry is not null)
        {
            proto.MetadataProps.Remove(entry);
        }

        if (value is not null)
        {
            proto.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        }

        return proto.ToByteArray();
    }

    private static ValueInfoProto ValueInfo(string name, object[] dims, TensorProto.Types.DataType type)
    {
        var shape = new TensorShapeProto();
        foreach (object d in dims)
        {
            shape.Dim.Add(d is string symbol
                ? new TensorShapeProto.Types.Dimension { DimParam = symbol }
                : new TensorShapeProto.Types.Dimension { DimValue = Convert.ToInt64(d, System.Globalization.CultureInfo.InvariantCulture) });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }
}
