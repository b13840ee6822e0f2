// NpzSampleSink: images as an .npz with one array 'arr_0', uint8 [N, H, W, C] (channels last, PixelScaling.ToByte of
// the generator's [-1, 1]), the form torch-fidelity, clean-fid and TTUR read; appended batch by batch.
using Dcgan.Data;
using Dcgan.Interop;

namespace Dcgan.Cli;

internal sealed class NpzSampleSink(string path, int count, ImageShape shape) : ISampleSink
{
    public const string ArrayName = "arr_0";

    private readonly string _temporary = path + ".tmp";
    private NpzWriter? _archive;
    private NpyWriter? _array;
    private byte[] _bytes = [];

    public void Write(ImageBatch batch, int first)
    {
        if (_archive is null)
        {
            _archive = new NpzWriter(_temporary);
            _array = _archive.AddArray(ArrayName, NpyDataType.UInt8, [count, shape.Height, shape.Width, shape.Channels]);
        }

        int c = shape.Channels, plane = shape.Height * shape.Width;
        if (_bytes.Length < batch.Pixels.Length)
        {
            _bytes = new byte[batch.Pixels.Length];
        }

        // [n, C, H, W] floats -> [n, H, W, C] bytes.
        for (int i = 0; i < batch.Count; i++)
        {
            ReadOnlySpan<float> image = batch.Image(i);
            Span<byte> target = _bytes.AsSpan(i * image.Length, image.Length);
            for (int p = 0; p < plane; p++)
            {
                for (int k = 0; k < c; k++)
                {
                    target[p * c + k] = PixelScaling.ToByte(image[k * plane + p]);
                }
            }
        }

        _array!.Append(_bytes.AsSpan(0, batch.Pixels.Length));
    }

    public void Complete()
    {
        _array!.Complete();
        _archive!.Dispose();
        _archive = null;
        File.Move(_temporary, path, overwrite: true);
    }

    public void Dispose()
    {
        if (_archive is not null)
        {
            try
            {
                _archive.Dispose();
            }
            catch (InvalidOperationException)
            {
                // incomplete: the temporary file is deleted below
            }
        }

        File.Delete(_temporary);
    }
}
