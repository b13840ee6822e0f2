// ISampleSink: where `dcgan sample` puts each generated batch (a folder of PNGs, a .npy or a .npz file).
using Dcgan.Data;

namespace Dcgan.Cli;

internal interface ISampleSink : IDisposable
{
    /// <summary>Takes images <paramref name="first"/> .. first + batch.Count - 1, in order; may keep the batch until the next call.</summary>
    void Write(ImageBatch batch, int first);

    /// <summary>Finishes the output after the last batch (a sink disposed without it leaves no finished file).</summary>
    void Complete();
}
