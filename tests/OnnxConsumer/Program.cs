// OnnxConsumer: renders a seed grid of an exported generator with ONNX Runtime (no TorchSharp anywhere in this app)
// and compares it with TorchSharp's rendering of the same seed, written by `dcgan sample --format npy`.
// Usage: OnnxConsumer MODEL.onnx SEED COUNT TORCH.npy OUT.png
using System.Buffers.Binary;
using System.Text;
using Dcgan.Data;
using Dcgan.Generation;
using Dcgan.Imaging;
using Dcgan.Onnx;

if (args.Length != 5)
{
    Console.Error.WriteLine("usage: OnnxConsumer MODEL.onnx SEED COUNT TORCH.npy OUT.png");
    return 2;
}

long seed = long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
int count = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);

// The two-line serving path.
using var generator = new OnnxImageGenerator(args[0]);
ImageBatch images = generator.RenderSeed(seed, count);

(long[] shape, float[] torch) = ReadFloat32Npy(args[3]);
long[] expectedShape = [count, images.Shape.Channels, images.Shape.Height, images.Shape.Width];
if (!shape.SequenceEqual(expectedShape))
{
    Console.Error.WriteLine($"FAIL: TorchSharp's array is [{string.Join(", ", shape)}], ONNX Runtime's [{string.Join(", ", expectedShape)}]");
    return 1;
}

float max = 0;
for (int i = 0; i < torch.Length; i++)
{
    max = Math.Max(max, Math.Abs(images.Pixels[i] - torch[i]));
}

ImageGrid.SavePng(images, args[4]);
Console.WriteLine($"{generator}: {count} images of seed {seed}, max |onnx runtime - torchsharp| = {max:E3}; grid: {args[4]}");
if (!(max <= 1e-5f))
{
    Console.Error.WriteLine($"FAIL: the ONNX Runtime images differ from TorchSharp's by {max:E3} (> 1e-5)");
    return 1;
}

return 0;

// A little-endian float32 C-order .npy (version 1 or 2 header), the form `dcgan sample --format npy` writes.
static (long[] Shape, float[] Data) ReadFloat32Npy(string path)
{
    byte[] bytes = File.ReadAllBytes(path);
    if (bytes.Length < 10 || bytes[0] != 0x93 || Encoding.ASCII.GetString(bytes, 1, 5) != "NUMPY")
    {
        throw new InvalidDataException($"{path} is not a .npy file.");
    }

    int headerLength = bytes[6] == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)) : (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8));
    int headerStart = bytes[6] == 1 ? 10 : 12;
    string header = Encoding.ASCII.GetString(bytes, headerStart, headerLength);
    if (!header.Contains("'descr': '<f4'", StringComparison.Ordinal) || !header.Contains("'fortran_order': False", StringComparison.Ordinal))
    {
        throw new InvalidDataException($"{path}: expected little-endian float32 in C order; header {header.Trim()}");
    }

    string dims = header[(header.IndexOf('(', StringComparison.Ordinal) + 1)..header.IndexOf(')', StringComparison.Ordinal)];
    long[] shape = [.. dims.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(long.Parse)];
    int offset = headerStart + headerLength;
    var data = new float[(bytes.Length - offset) / 4];
    for (int i = 0; i < data.Length; i++)
    {
        data[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(offset + 4 * i));
    }

    return (shape, data);
}
