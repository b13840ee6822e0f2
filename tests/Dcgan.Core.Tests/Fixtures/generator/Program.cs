// Generator of the checkpoint backward-compatibility fixtures: a checkpoint written by main @ a5eb578 (format 1) or,
// built with -p:Format=2, by main @ 349c866 (format 2, the last commit before format 3) after 3 steps of a tiny run,
// and the exact values a resume from it must reproduce after 2 more steps.
//
// Run from the repository root (the worktree of a5eb578, or 349c866 with -p:Format=2 -p:DcganWorktree=...):
//   dotnet run --project /work/fixture-gen -c Release -- generate [outDir] [fashionMnistT10kImagesGz]
//       writes outDir/main-a5eb578-tiny.dcgan and outDir/main-a5eb578-tiny.expected.json (format 2:
//       main-349c866-tiny-format2.dcgan and main-349c866-tiny-format2.expected.json)
//   dotnet run --project /work/fixture-gen -c Release -- verify <checkpoint.dcgan> <expected.json> [fashionMnistT10kImagesGz]
//       loads the checkpoint into a fresh trainer (fresh models, other init), trains 2 steps, compares bitwise
//
// Setup mirrors tests/Dcgan.Core.Tests/Training/TrainingFixtures.cs at a5eb578: first 64 Fashion-MNIST t10k
// images, TinyArchitecture (28x28x1, latent 8, widths 4, other options at their defaults), models seed 7,
// FastOptions (Epochs 2, BatchSize 16, Seed 7, Device cpu, FixedSampleCount 4).
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dcgan.Data;
using Dcgan.Models;
using Dcgan.Persistence;
using Dcgan.Training;

#if FORMAT2
const string SourceCommit = "349c866";
const string CheckpointName = "main-349c866-tiny-format2.dcgan";
const string ExpectedName = "main-349c866-tiny-format2.expected.json";
#else
const string SourceCommit = "a5eb578";
const string CheckpointName = "main-a5eb578-tiny.dcgan";
const string ExpectedName = "main-a5eb578-tiny.expected.json";
#endif
const int DataCount = 64;
const long ModelSeed = 7;
const long OtherModelSeed = 999; // fresh models for the resume: the checkpoint must overwrite their init
const int StepsBeforeCheckpoint = 3;
const int StepsAfterResume = 2;
// Relative to the repository root (run from there), so the checkpoint's DataDescription names no machine path.
const string DefaultData = "data/fashion-mnist/t10k-images-idx3-ubyte.gz";

string mode = args.Length > 0 ? args[0] : "generate";
return mode switch
{
    "generate" => Generate(args.Length > 1 ? args[1] : "/work/fixture-out", args.Length > 2 ? args[2] : DefaultData),
    "verify" when args.Length >= 3 => Verify(args[1], args[2], args.Length > 3 ? args[3] : DefaultData),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: generate [outDir] [t10k-images-idx3-ubyte.gz] | verify <checkpoint> <expected.json> [t10k-images-idx3-ubyte.gz]");
    return 2;
}

static int Generate(string outDir, string dataFile)
{
    Directory.CreateDirectory(outDir);
    string checkpoint = Path.Combine(outDir, CheckpointName);
    IImageDataSource data = Data(dataFile);
    const long stopAfterResume = StepsBeforeCheckpoint + StepsAfterResume;

    // A. Reference: 5 uninterrupted steps.
    RunRecord uninterrupted;
    {
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(TinyArchitecture(), ModelSeed);
        using var _g = g;
        using var _d = d;
        var stop = new StopAt();
        using var trainer = NewTrainer(g, d, data, stop);
        stop.Target = stopAfterResume;
        Check(trainer.Fit().Outcome == TrainingOutcome.StopRequested, "A: stop requested");
        uninterrupted = RunRecord.Capture(trainer, g, d, stop.Steps.Skip(StepsBeforeCheckpoint).ToList());
    }

    // B. 3 steps, SaveCheckpoint, then the same trainer continues 2 steps.
    RunRecord continued;
    (string Generator, string Discriminator) atCheckpoint;
    TrainingPosition checkpointPosition;
    {
        (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(TinyArchitecture(), ModelSeed);
        using var _g = g;
        using var _d = d;
        var stop = new StopAt { Target = StepsBeforeCheckpoint };
        using var trainer = NewTrainer(g, d, data, stop);
        TrainingResult first = trainer.Fit();
        Check(first.Outcome == TrainingOutcome.StopRequested && first.StepsTrained == StepsBeforeCheckpoint, "B: 3 steps then stop");
        checkpointPosition = trainer.Position;
        atCheckpoint = (Sha256(Flatten(g)), Sha256(Flatten(d)));
        trainer.SaveCheckpoint(checkpoint);

        stop.Steps.Clear();
        stop.Target = stopAfterResume;
        TrainingResult second = trainer.Fit();
        Check(second.Outcome == TrainingOutcome.StopRequested && second.StepsTrained == StepsAfterResume, "B: 2 more steps");
        continued = RunRecord.Capture(trainer, g, d, stop.Steps);
    }

    // C. Fresh models (another init) and a fresh trainer: LoadCheckpoint, then 2 steps.
    (RunRecord resumed, (string, string) afterLoad, TrainingPosition loadedPosition) = Resume(checkpoint, data);

    Check(loadedPosition == checkpointPosition, $"C: loaded position {loadedPosition} == saved {checkpointPosition}");
    Check(afterLoad == atCheckpoint, "C: flattened G/D right after LoadCheckpoint equal those at SaveCheckpoint");
    Check(resumed.SameAs(continued), "C (fresh trainer + LoadCheckpoint) == B (same trainer continued), bitwise");
    Check(resumed.SameAs(uninterrupted), "C (resumed) == A (5 uninterrupted steps), bitwise");

    (CheckpointManifest manifest, _) = CheckpointArchive.Read(checkpoint);
    string json = ExpectedJson(data, checkpointPosition, manifest, atCheckpoint, resumed);
    string expectedPath = Path.Combine(outDir, ExpectedName);
    File.WriteAllText(expectedPath, json, new UTF8Encoding(false));
    Console.WriteLine($"wrote {checkpoint} ({new FileInfo(checkpoint).Length} bytes)");
    Console.WriteLine($"wrote {expectedPath} ({new FileInfo(expectedPath).Length} bytes)");
    Console.WriteLine($"final position {resumed.Position}; G sha256 {Sha256(resumed.Generator)}; D sha256 {Sha256(resumed.Discriminator)}");
    return 0;
}

static int Verify(string checkpoint, string expectedPath, string dataFile)
{
    IImageDataSource data = Data(dataFile);
    using JsonDocument expected = JsonDocument.Parse(File.ReadAllText(expectedPath));
    JsonElement root = expected.RootElement;
    (RunRecord resumed, (string G, string D) afterLoad, TrainingPosition loaded) = Resume(checkpoint, data);

    bool ok = true;
    void Compare(string what, bool same)
    {
        Console.WriteLine($"{(same ? "same" : "DIFFERENT")}: {what}");
        ok &= same;
    }

    Compare("checkpoint position", PositionOf(root.GetProperty("checkpointPosition")) == loaded);
    Compare("generator sha256 after LoadCheckpoint", root.GetProperty("atCheckpoint").GetProperty("generatorSha256").GetString() == afterLoad.G);
    Compare("discriminator sha256 after LoadCheckpoint", root.GetProperty("atCheckpoint").GetProperty("discriminatorSha256").GetString() == afterLoad.D);
    Compare("final position", PositionOf(root.GetProperty("finalPosition")) == resumed.Position);
    Compare("generator bits", Bits(root.GetProperty("generator")).SequenceEqual(resumed.Generator.Select(BitConverter.SingleToUInt32Bits)));
    Compare("discriminator bits", Bits(root.GetProperty("discriminator")).SequenceEqual(resumed.Discriminator.Select(BitConverter.SingleToUInt32Bits)));
    Compare("fixed sample bits", Bits(root.GetProperty("fixedSamples")).SequenceEqual(resumed.Samples.Select(BitConverter.SingleToUInt32Bits)));
    JsonElement[] steps = root.GetProperty("steps").EnumerateArray().ToArray();
    Compare("step count", steps.Length == resumed.Steps.Count);
    for (int i = 0; i < Math.Min(steps.Length, resumed.Steps.Count); i++)
    {
        StepLosses l = resumed.Steps[i].Losses;
        JsonElement s = steps[i];
        Compare($"step {i} losses bits",
            s.GetProperty("discriminatorLossBits").GetInt64() == BitConverter.DoubleToInt64Bits(l.DiscriminatorLoss)
            && s.GetProperty("generatorLossBits").GetInt64() == BitConverter.DoubleToInt64Bits(l.GeneratorLoss)
            && s.GetProperty("realScoreBits").GetInt64() == BitConverter.DoubleToInt64Bits(l.RealScore)
            && s.GetProperty("fakeScoreBits").GetInt64() == BitConverter.DoubleToInt64Bits(l.FakeScore));
        Compare($"step {i} position", PositionOf(s.GetProperty("position")) == resumed.Steps[i].Position);
    }

    Console.WriteLine(ok ? "VERIFY OK" : "VERIFY FAILED");
    return ok ? 0 : 1;

    static uint[] Bits(JsonElement e) => e.GetProperty("bits").EnumerateArray().Select(x => x.GetUInt32()).ToArray();
}

static (RunRecord Run, (string G, string D) AfterLoad, TrainingPosition Loaded) Resume(string checkpoint, IImageDataSource data)
{
    (DcganGenerator g, DcganDiscriminator d) = DcganModels.Create(TinyArchitecture(), OtherModelSeed);
    using var _g = g;
    using var _d = d;
    var stop = new StopAt { Target = StepsBeforeCheckpoint + StepsAfterResume };
    using var trainer = NewTrainer(g, d, data, stop);
    trainer.LoadCheckpoint(checkpoint);
    TrainingPosition loaded = trainer.Position;
    (string, string) afterLoad = (Sha256(Flatten(g)), Sha256(Flatten(d)));
    TrainingResult result = trainer.Fit();
    Check(result.Outcome == TrainingOutcome.StopRequested && result.StepsTrained == StepsAfterResume, "resume: 2 steps then stop");
    return (RunRecord.Capture(trainer, g, d, stop.Steps), afterLoad, loaded);
}

// a5eb578 took options, callbacks and the architecture; from the composable trainer on (format 2) a GanTrainerSetup,
// the architecture being read from the networks.
static GanTrainer NewTrainer(DcganGenerator g, DcganDiscriminator d, IImageDataSource data, StopAt stop) =>
#if FORMAT2
    new(g, d, data, new GanTrainerSetup { Options = FastOptions(), Callbacks = [stop] });
#else
    new(g, d, data, FastOptions(), callbacks: [stop], architecture: TinyArchitecture());
#endif

static IImageDataSource Data(string file) => new SubsetDataSource(IdxImageDataSource.Open(file), DataCount);

// Exactly TrainingFixtures.TinyArchitecture() at a5eb578.
static DcganModelOptions TinyArchitecture() => new()
{
    ImageSize = 28,
    Channels = 1,
    LatentDimension = 8,
    GeneratorWidth = 4,
    DiscriminatorWidth = 4,
};

// Exactly TrainingFixtures.FastOptions() at a5eb578.
static GanTrainerOptions FastOptions() => new()
{
    Epochs = 2,
    BatchSize = 16,
    Seed = 7,
    Device = "cpu",
    FixedSampleCount = 4,
};

// Exactly TrainingFixtures.Flatten at a5eb578: state_dict, keys sorted ordinal, each converted to float32.
static float[] Flatten(TorchSharp.torch.nn.Module module) =>
    module.state_dict().OrderBy(kv => kv.Key, StringComparer.Ordinal)
        .SelectMany(kv => kv.Value.to_type(TorchSharp.torch.ScalarType.Float32).data<float>().ToArray()).ToArray();

static string Sha256(float[] values) => Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(values.AsSpan())));

static void Check(bool condition, string what)
{
    if (!condition)
    {
        throw new InvalidOperationException("check failed: " + what);
    }

    Console.WriteLine("ok: " + what);
}

static TrainingPosition PositionOf(JsonElement e) => new(
    e.GetProperty("epoch").GetInt32(), e.GetProperty("batchInEpoch").GetInt32(),
    e.GetProperty("globalStep").GetInt64(), e.GetProperty("batchesPerEpoch").GetInt32());

static string ExpectedJson(IImageDataSource data, TrainingPosition checkpointPosition, CheckpointManifest manifest,
    (string Generator, string Discriminator) atCheckpoint, RunRecord run)
{
    using var stream = new MemoryStream();
    using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
    {
        w.WriteStartObject();
        w.WriteString("format", "dcgan-checkpoint-compat-fixture/1");
        w.WriteString("sourceCommit", SourceCommit);
        w.WriteString("checkpointFile", CheckpointName);
        w.WriteString("notes",
            "Checkpoint written by GanTrainer.SaveCheckpoint after 3 steps; a fresh trainer (same data and options) that calls LoadCheckpoint and trains 2 more steps must reproduce these values bit for bit on the CPU. "
            + "Float arrays are uint32 bit patterns (BitConverter.SingleToUInt32Bits), doubles are int64 bit patterns (BitConverter.DoubleToInt64Bits). "
            + "Network arrays flatten state_dict() with keys sorted ordinal, every tensor converted to float32 (TrainingFixtures.Flatten); sha256 is over those floats' little-endian bytes, lowercase hex.");

        w.WriteStartObject("data");
        w.WriteString("file", "data/fashion-mnist/t10k-images-idx3-ubyte.gz");
        w.WriteNumber("count", data.Count);
        w.WriteString("description", data.Description);
        w.WriteEndObject();

        w.WriteStartObject("architecture");
        w.WriteString("source", "TrainingFixtures.TinyArchitecture(): new DcganModelOptions { ImageSize = 28, Channels = 1, LatentDimension = 8, GeneratorWidth = 4, DiscriminatorWidth = 4 }");
        w.WriteNumber("modelSeed", ModelSeed);
        w.WritePropertyName("options");
        JsonSerializer.Serialize(w, TinyArchitecture(), JsonOptions());
        w.WriteEndObject();

        w.WriteStartObject("trainer");
        w.WriteString("source", "TrainingFixtures.FastOptions(): Epochs = 2, BatchSize = 16, Seed = 7, Device = \"cpu\", FixedSampleCount = 4; constructed with architecture: TinyArchitecture()");
        w.WritePropertyName("options");
        JsonSerializer.Serialize(w, FastOptions(), JsonOptions());
        w.WriteEndObject();

        w.WriteNumber("stepsBeforeCheckpoint", StepsBeforeCheckpoint);
        w.WriteNumber("stepsAfterResume", StepsAfterResume);
        WritePosition(w, "checkpointPosition", checkpointPosition);
        w.WriteStartObject("checkpointEntryHashes");
        foreach ((string name, string hash) in manifest.EntryHashes.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            w.WriteString(name, hash);
        }

        w.WriteEndObject();
        w.WriteStartObject("atCheckpoint");
        w.WriteString("generatorSha256", atCheckpoint.Generator);
        w.WriteString("discriminatorSha256", atCheckpoint.Discriminator);
        w.WriteEndObject();

        WritePosition(w, "finalPosition", run.Position);
        w.WriteStartArray("steps");
        foreach ((TrainingPosition position, StepLosses l) in run.Steps)
        {
            w.WriteStartObject();
            WritePosition(w, "position", position);
            w.WriteNumber("discriminatorLossBits", BitConverter.DoubleToInt64Bits(l.DiscriminatorLoss));
            w.WriteNumber("generatorLossBits", BitConverter.DoubleToInt64Bits(l.GeneratorLoss));
            w.WriteNumber("realScoreBits", BitConverter.DoubleToInt64Bits(l.RealScore));
            w.WriteNumber("fakeScoreBits", BitConverter.DoubleToInt64Bits(l.FakeScore));
            w.WriteNumber("discriminatorLoss", l.DiscriminatorLoss);
            w.WriteNumber("generatorLoss", l.GeneratorLoss);
            w.WriteNumber("realScore", l.RealScore);
            w.WriteNumber("fakeScore", l.FakeScore);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteNetwork(w, "generator", run.GeneratorLayout, run.Generator);
        WriteNetwork(w, "discriminator", run.DiscriminatorLayout, run.Discriminator);

        w.WriteStartObject("fixedSamples");
        w.WriteString("call", "trainer.GenerateFixedSamples() (BatchNormMode.RunningStatistics, all FixedSampleCount vectors), ImageBatch.Pixels [N, C, H, W]");
        w.WriteNumber("count", run.SampleCount);
        w.WritePropertyName("shape");
        w.WriteRawValue($"[{run.SampleShape.Channels},{run.SampleShape.Height},{run.SampleShape.Width}]");
        w.WriteNumber("length", run.Samples.Length);
        w.WriteString("sha256", Sha256(run.Samples));
        WriteBits(w, run.Samples);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    return Encoding.UTF8.GetString(stream.ToArray()) + "\n";

    static JsonSerializerOptions JsonOptions() => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    static void WritePosition(Utf8JsonWriter w, string name, TrainingPosition p)
    {
        w.WriteStartObject(name);
        w.WriteNumber("epoch", p.Epoch);
        w.WriteNumber("batchInEpoch", p.BatchInEpoch);
        w.WriteNumber("globalStep", p.GlobalStep);
        w.WriteNumber("batchesPerEpoch", p.BatchesPerEpoch);
        w.WriteEndObject();
    }

    static void WriteNetwork(Utf8JsonWriter w, string name, IReadOnlyList<(string Key, long[] Shape, string DType)> layout, float[] values)
    {
        w.WriteStartObject(name);
        w.WriteStartArray("stateDict");
        foreach ((string key, long[] shape, string dtype) in layout)
        {
            w.WriteStartObject();
            w.WriteString("key", key);
            w.WritePropertyName("shape");
            w.WriteRawValue("[" + string.Join(",", shape) + "]");
            w.WriteString("dtype", dtype);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("length", values.Length);
        w.WriteString("sha256", Sha256(values));
        WriteBits(w, values);
        w.WriteEndObject();
    }

    static void WriteBits(Utf8JsonWriter w, float[] values)
    {
        w.WritePropertyName("bits");
        w.WriteRawValue("[" + string.Join(",", values.Select(v => BitConverter.SingleToUInt32Bits(v).ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]");
    }
}

/// <summary>Everything recorded after the resumed steps.</summary>
internal sealed record RunRecord(
    TrainingPosition Position,
    IReadOnlyList<(TrainingPosition Position, StepLosses Losses)> Steps,
    float[] Generator,
    float[] Discriminator,
    IReadOnlyList<(string Key, long[] Shape, string DType)> GeneratorLayout,
    IReadOnlyList<(string Key, long[] Shape, string DType)> DiscriminatorLayout,
    int SampleCount,
    ImageShape SampleShape,
    float[] Samples)
{
    public static RunRecord Capture(GanTrainer trainer, TorchSharp.torch.nn.Module generator, TorchSharp.torch.nn.Module discriminator,
        IReadOnlyList<(TrainingPosition, StepLosses)> steps)
    {
        float[] g = FlattenModule(generator);
        float[] d = FlattenModule(discriminator);
        ImageBatch samples = trainer.GenerateFixedSamples();
        return new RunRecord(trainer.Position, steps.ToList(), g, d, Layout(generator), Layout(discriminator), samples.Count, samples.Shape, samples.Pixels);
    }

    public bool SameAs(RunRecord other) =>
        Position == other.Position
        && Steps.Select(s => (s.Position, Bits(s.Losses))).SequenceEqual(other.Steps.Select(s => (s.Position, Bits(s.Losses))))
        && BitsOf(Generator).SequenceEqual(BitsOf(other.Generator))
        && BitsOf(Discriminator).SequenceEqual(BitsOf(other.Discriminator))
        && BitsOf(Samples).SequenceEqual(BitsOf(other.Samples));

    private static (long, long, long, long) Bits(StepLosses l) => (BitConverter.DoubleToInt64Bits(l.DiscriminatorLoss),
        BitConverter.DoubleToInt64Bits(l.GeneratorLoss), BitConverter.DoubleToInt64Bits(l.RealScore), BitConverter.DoubleToInt64Bits(l.FakeScore));

    private static IEnumerable<uint> BitsOf(float[] values) => values.Select(BitConverter.SingleToUInt32Bits);

    private static float[] FlattenModule(TorchSharp.torch.nn.Module module) =>
        module.state_dict().OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .SelectMany(kv => kv.Value.to_type(TorchSharp.torch.ScalarType.Float32).data<float>().ToArray()).ToArray();

    private static List<(string, long[], string)> Layout(TorchSharp.torch.nn.Module module) =>
        module.state_dict().OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => (kv.Key, kv.Value.shape.ToArray(), kv.Value.dtype.ToString())).ToList();
}

/// <summary>Requests a stop once the trainer's global step reaches <see cref="Target"/>; records every step's losses.</summary>
internal sealed class StopAt : GanCallback
{
    public long Target { get; set; } = long.MaxValue;

    public List<(TrainingPosition Position, StepLosses Losses)> Steps { get; } = [];

    public override void OnBatchEnd(GanStepArguments arguments)
    {
        Steps.Add((arguments.Position, arguments.Losses));
        if (arguments.Position.GlobalStep == Target)
        {
            arguments.Trainer.RequestStop();
        }
    }
}

/// <summary>Exactly TrainingFixtures.SubsetDataSource at a5eb578.</summary>
internal sealed class SubsetDataSource(IImageDataSource inner, int count) : IImageDataSource
{
    public int Count => Math.Min(count, inner.Count);

    public ImageShape Shape => inner.Shape;

    public string Description => $"first {Count} of {inner.Description}";

    public void CopyImage(int index, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        inner.CopyImage(index, destination);
    }
}
