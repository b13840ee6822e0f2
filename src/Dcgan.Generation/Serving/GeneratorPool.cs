// GeneratorPool: serves a generator (any IImageGenerator backend) to concurrent callers. One worker thread owns the
// model (backends need not be thread-safe; TorchSharp's dispose scopes are thread-static); callers queue requests on a
// bounded channel and await managed images. Queued single-image requests are coalesced into one forward pass.
//
//   caller threads ──(latent rows)──> bounded channel ──> worker thread: take requests up to MaxBatchSize rows,
//                                                         RenderBatch of MaxBatchSize rows per pass, hand back ImageBatch
//   file watcher ──(loader loads a new model off the worker)──> pending slot ──> worker swaps between batches
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Dcgan.Data;
using Dcgan.Generation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dcgan.Serving;

/// <summary>
/// A thread-safe service around one generator model, the .NET shape of ML.NET's <c>PredictionEnginePool</c>:
/// <see cref="Start"/> loads the model through its <see cref="IGeneratorModelLoader"/> (a missing or corrupt file fails
/// there, naming the file), then any number of callers may generate images concurrently. All results are managed
/// values (<see cref="ImageBatch"/>); nothing of the backend leaves the pool.
/// </summary>
/// <remarks>
/// <para>Images are rendered in inference form (<see cref="IImageGenerator.RenderBatch"/>: running batch-norm
/// statistics), so an image depends only on its latent vector; with <see cref="GeneratorPoolOptions.PadPartialBatches"/>
/// (the default) every forward pass has exactly <see cref="GeneratorPoolOptions.MaxBatchSize"/> rows, so an image is
/// also bit-identical whatever else shared its forward pass.</para>
/// <para>With <see cref="GeneratorPoolOptions.WatchForChanges"/> a new model file is loaded on a background thread and
/// swapped in between batches: requests in flight finish on the old model, which is then disposed.</para>
/// <para>Ownership: the pool owns every model its loader loads and disposes it (when the generator implements
/// <see cref="IDisposable"/>) once it is swapped out or the pool is disposed. The loader is not disposed.</para>
/// </remarks>
public sealed partial class GeneratorPool : IGeneratorPool, IDisposable
{
    /// <summary>The configuration path of the default pool's settings.</summary>
    internal const string DefaultConfigurationPath = "Dcgan:Generator";

    private readonly GeneratorPoolOptions _options;
    private readonly IGeneratorModelLoader _loader;
    private readonly ILogger _logger;
    private readonly Channel<GenerationRequest> _queue;
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _imageCounter;
    private readonly Histogram<int> _batchRows;
    private readonly Lock _lifecycle = new();
    private readonly Lock _reloadGate = new();
    private Thread? _worker;
    private ModelFileWatcher? _watcher;
    private LoadedGenerator? _current;
    private LoadedGenerator? _pending;
    private volatile GeneratorModelInfo? _model;
    private FileStamp? _servedStamp;
    private int _version;
    private long _requests;
    private long _images;
    private long _forwardPasses;
    private long _failed;
    private long _workerLiveTensors;
    private bool _started;
    private bool _disposed;

    /// <summary>Creates a pool; nothing is loaded until <see cref="Start"/>.</summary>
    /// <param name="options">The settings; validated (and copied) here.</param>
    /// <param name="loader">Finds and loads the model files (the backend: TorchSharp checkpoints, ONNX files, ...); not disposed by the pool.</param>
    /// <param name="logger">Where loads, swaps and failures are logged; null means nowhere.</param>
    /// <param name="meterFactory">Creates the "Dcgan" meter for the pool's metrics; null means a meter of its own.</param>
    /// <exception cref="OptionsValidationException">An option is invalid; the message lists every failure.</exception>
    public GeneratorPool(GeneratorPoolOptions options, IGeneratorModelLoader loader, ILogger<GeneratorPool>? logger = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loader);
        _options = options.Clone();
        _loader = loader;
        new GeneratorPoolOptionsValidator().ThrowIfInvalid(_options);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _queue = Channel.CreateBounded<GenerationRequest>(new BoundedChannelOptions(_options.MaxQueuedRequests)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(GeneratorPoolMetrics.MeterName) ?? new Meter(GeneratorPoolMetrics.MeterName);
        _imageCounter = _meter.CreateCounter<long>(GeneratorPoolMetrics.GeneratedImages, "{image}", "Images generated by the generator pool.");
        _batchRows = _meter.CreateHistogram<int>(GeneratorPoolMetrics.ForwardPassRows, "{row}", "Latent rows per forward pass of the generator pool (coalesced requests).");
    }

    /// <inheritdoc />
    public GeneratorPoolOptions Options => _options.Clone();

    /// <inheritdoc />
    public GeneratorModelInfo? Model => _model;

    /// <inheritdoc />
    public GeneratorPoolStatistics Statistics => new(Interlocked.Read(ref _requests), Interlocked.Read(ref _images),
        Interlocked.Read(ref _forwardPasses), Interlocked.Read(ref _failed), Interlocked.Read(ref _workerLiveTensors));

    /// <inheritdoc />
    public event EventHandler<GeneratorModelInfo>? ModelChanged;

    /// <summary>The configuration section the options came from (for messages), e.g. <c>Dcgan:Generators:faces</c>.</summary>
    internal string ConfigurationPath { get; init; } = DefaultConfigurationPath;

    /// <summary>
    /// Prepares the loader (<see cref="IGeneratorModelLoader.Prepare"/>: the backend's runtime and the device), loads
    /// <see cref="GeneratorPoolOptions.ModelPath"/> (when set), starts the worker thread and, when asked, the file
    /// watcher. Idempotent. A host calls it at start (see <see cref="GeneratorPoolServiceCollectionExtensions"/>), so that
    /// a bad model file stops the host instead of failing the first request.
    /// </summary>
    /// <exception cref="Exception">The loader's exception (for TorchSharp checkpoints a <c>CheckpointException</c>): the model is missing, corrupt or unusable; the message names the file.</exception>
    /// <exception cref="ArgumentException">The device is not available.</exception>
    public void Start()
    {
        lock (_lifecycle)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_started)
            {
                return;
            }

            _loader.Prepare(_options.Device);
            if (!string.IsNullOrWhiteSpace(_options.ModelPath))
            {
                LoadAtStart(_options.ModelPath);
            }
            else
            {
                LogNoCheckpoint(ConfigurationPath);
            }

            _worker = new Thread(RunWorker) { IsBackground = true, Name = "Dcgan generator pool" };
            _worker.Start();
            if (_options.WatchForChanges)
            {
                _watcher = new ModelFileWatcher(_options.ModelPath!, _loader.FilePattern, TimeSpan.FromMilliseconds(_options.ReloadDelayMilliseconds), () => Reload(), _logger);
            }

            _started = true;
        }
    }

    /// <inheritdoc />
    public bool Reload()
    {
        string? path = _options.ModelPath;
        return !string.IsNullOrWhiteSpace(path) && TryLoad(path, force: false);
    }

    /// <inheritdoc />
    public void Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ThrowIfNotStarted();
        lock (_reloadGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Publish(LoadedGenerator.Load(_loader, path, _options.Device, Interlocked.Increment(ref _version)));
        }
    }

    /// <summary>
    /// Stops the watcher, lets the worker finish the requests already queued, then disposes the models it loaded.
    /// Requests made afterwards fail with <see cref="ObjectDisposedException"/>.
    /// </summary>
    public void Dispose()
    {
        Thread? worker;
        lock (_lifecycle)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            worker = _worker;
        }

        _watcher?.Dispose();
        _queue.Writer.TryComplete();
        worker?.Join();
        lock (_reloadGate)
        {
            _current?.Dispose();
            Interlocked.Exchange(ref _pending, null)?.Dispose();
            _current = null;
            _model = null;
        }

        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private void ThrowIfNotStarted()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_started)
        {
            throw new InvalidOperationException("The generator pool has not been started: call Start() first (a host does this through AddGeneratorPool).");
        }
    }

    private void LoadAtStart(string path)
    {
        if (_options.WatchForChanges && Directory.Exists(path) && _loader.FindIn(path) is null)
        {
            // A watched folder with no model yet (a trainer is about to write its first checkpoint): serve nothing until it does.
            LogWaitingForCheckpoint(Path.GetFullPath(path));
            return;
        }

        _current = LoadedGenerator.Load(_loader, path, _options.Device, Interlocked.Increment(ref _version));
        _servedStamp = _current.Stamp;
        _model = _current.Info;
        LogLoaded(_current.Info.Checkpoint, _current.Info.GlobalStep, _current.Info.ImageShape.ToString(), _current.Info.Version);
    }
}
