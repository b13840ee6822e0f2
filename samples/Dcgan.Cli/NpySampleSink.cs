// NpySampleSink: the generator's raw output as one .npy file, float32 [N, C, H, W] in [-1, 1], appended batch by batch
// to a temporary file that replaces --output only when complete.
using Dcgan.Data;
using Dcgan.Interop;

namespace Dcgan.Cli;

internal sealed class NpySampleSink(string path, int count, ImageShape shape) : ISampleSink
{
    private readonly string _temporary = path + ".tmp";
    private NpyWriter? _writer;

    public void Write(ImageBatch batch, int first)
    {
        _writer ??= new NpyWriter(File.Create(_temporary), NpyDataType.Float32, [count, shape.Channels, shape.Height, shape.Width], leaveOpen: false);
        _writer.Append(batch.Pixels);
    }

    public void Complete()
    {
        _writer!.Complete();
        _writer.Dispose();
        _writer = null;
        File.Move(_temporary, path, overwrite: true);
    }

    public void Dispose()
    {
        _writer?.Dispose();
        File.Delete(_temporary);
    }
}
