// IGeneratorModelLoader: how a generator pool finds and loads the model it serves, one implementation per backend
// (TorchSharp checkpoints in Dcgan.Hosting, ONNX files in Dcgan.Onnx, a test's fake). The pool itself knows only
// IImageGenerator, so it needs no libtorch.
namespace Dcgan.Serving;

/// <summary>
/// Finds and loads the models a <see cref="GeneratorPool"/> serves: resolves a configured path (a model file, or a
/// folder such as a training run) to the file to load, and loads that file as an <see cref="Dcgan.Generation.IImageGenerator"/>
/// in inference form with its provenance.
/// </summary>
/// <remarks>
/// <para>One loader may serve several pools: it keeps no per-pool state (the device comes with each call).
/// <see cref="Load"/> runs off the pool's worker thread (at start, on reload); the loaded generator is then used only by
/// the worker thread. The pool owns every model it loads and disposes it (when it implements
/// <see cref="IDisposable"/>) after swapping it out, and when the pool is disposed.</para>
/// </remarks>
public interface IGeneratorModelLoader
{
    /// <summary>The pattern of model file names in a watched folder, e.g. <c>*.dcgan</c> (or <c>*</c> for every file).</summary>
    string FilePattern { get; }

    /// <summary>
    /// Called once by <see cref="GeneratorPool.Start"/>, before anything is loaded (even when no model is configured):
    /// makes sure the backend's runtime loads and the device exists, so that a host with a broken installation fails
    /// to start with the loader's own message.
    /// </summary>
    /// <param name="device">The device setting (<see cref="GeneratorPoolOptions.Device"/>).</param>
    /// <exception cref="ArgumentException">The device is not available.</exception>
    void Prepare(string device);

    /// <summary>The file that <paramref name="path"/> stands for: the file itself, or the model to serve in a folder (e.g. a run folder's newest checkpoint).</summary>
    /// <param name="path">A model file or folder, as configured.</param>
    /// <returns>The full path of the file to load.</returns>
    /// <exception cref="Exception">Nothing to load there; the loader's own exception type, its message naming the path.</exception>
    string Resolve(string path);

    /// <summary>The model <see cref="Resolve"/> would pick in <paramref name="folder"/>, or null when the folder does not exist or holds none yet.</summary>
    /// <param name="folder">A folder (a watched training run, say).</param>
    string? FindIn(string folder);

    /// <summary>Loads <paramref name="file"/> ready to render (inference form, on <paramref name="device"/>).</summary>
    /// <param name="file">A file returned by <see cref="Resolve"/>.</param>
    /// <param name="device">The device setting (<see cref="GeneratorPoolOptions.Device"/>).</param>
    /// <returns>The generator and its provenance; the caller owns the generator.</returns>
    /// <exception cref="Exception">Missing, corrupt or unusable; the loader's own exception type, its message naming the file.</exception>
    GeneratorModel Load(string file, string device);

    /// <summary>
    /// The number of live native objects (tensors, say) that belong to the calling thread, which the pool reports as
    /// <see cref="GeneratorPoolStatistics.WorkerLiveTensors"/> after every batch of its worker thread; 0 for a backend
    /// that keeps no such count.
    /// </summary>
    long CountLiveNativeObjects();
}
