// The TensorBoard callback's event file parses record by record (lengths, masked CRC32Cs, Event protobufs) and holds
// exactly the scalars and sample grids of the run.
using Dcgan.Imaging;
using Dcgan.Models;
using Dcgan.Training;
using Dcgan.Training.Callbacks;
using SkiaSharp;

namespace Dcgan.Core.Tests.Training;

public sealed class TensorBoardCallbackTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 18, 0, 0, TimeSpan.Zero);

    private readonly TemporaryFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_event_file_holds_every_second_steps_scalars_and_each_epochs_grid()
    {
        var losses = new List<(long Step, StepLosses Losses, double Rate)>();
        var grids = new List<byte[]>();
        var recorder = new LambdaCallback(onBatchEnd: a => losses.Add((a.Position.GlobalStep, a.Losses, a.ImagesPerSecond)));
        var gridRecorder = new EpochGridRecorder(grids);
        var tensorBoard = new TensorBoardCallback(_temp.Path, everySteps: 2, clock: new FixedClock(Now));
        var liveAfterEpoch = new List<long>();
        var liveCounter = new LiveCountRecorder(liveAfterEpoch);
        (DcganGenerator g, DcganDiscriminator d) = TrainingFixtures.Models();
        using (g)
        using (d)
        using (var trainer = new GanTrainer(g, d, TrainingFixtures.FashionSubset(64),
            TrainingFixtures.Setup(TrainingFixtures.FastOptions(epochs: 3), recorder, gridRecorder, tensorBoard, liveCounter)))
        {
            trainer.Fit();
        }

        string file = Directory.GetFiles(_temp.Path, "events.out.tfevents.*").Should().ContainSingle().Subject;
        List<TensorBoardEvent> events = TensorBoardEvents.Read(file);
        events[0].FileVersion.Should().Be("brain.Event:2");

        var scalars = events.SelectMany(e => e.Values.Where(v => v.SimpleValue is not null).Select(v => (e.Step, e.WallTime, v.Tag, Value: v.SimpleValue!.Value))).ToList();
        var expected = losses.Where(l => l.Step % 2 == 0).SelectMany(l => new[]
        {
            (l.Step, (double)Now.ToUnixTimeSeconds(), TensorBoardCallback.DiscriminatorLossTag, (float)l.Losses.DiscriminatorLoss),
            (l.Step, (double)Now.ToUnixTimeSeconds(), TensorBoardCallback.GeneratorLossTag, (float)l.Losses.GeneratorLoss),
            (l.Step, (double)Now.ToUnixTimeSeconds(), TensorBoardCallback.RealScoreTag, (float)l.Losses.RealScore),
            (l.Step, (double)Now.ToUnixTimeSeconds(), TensorBoardCallback.FakeScoreTag, (float)l.Losses.FakeScore),
            (l.Step, (double)Now.ToUnixTimeSeconds(), TensorBoardCallback.ImagesPerSecondTag, (float)l.Rate),
        }).ToList();
        expected.Should().HaveCount(6 * 5, "steps 2, 4, ..., 12 of 12, five scalars each");
        scalars.Select(s => (s.Step, s.WallTime, s.Tag, BitConverter.SingleToUInt32Bits(s.Value)))
            .Should().Equal(expected.Select(e => (e.Item1, e.Item2, e.Item3, BitConverter.SingleToUInt32Bits(e.Item4))));

        var images = events.SelectMany(e => e.Values.Where(v => v.Png is not null).Select(v => (e.Step, v))).ToList();
        images.Select(i => i.Step).Should().Equal(4L, 8L, 12L);
        images.Should().OnlyContain(i => i.v.Tag == TensorBoardCallback.SamplesTag);
        liveAfterEpoch.Should().HaveCount(3);
        liveAfterEpoch.Distinct().Should().ContainSingle("the callback's grid tensors die in its own dispose scope every epoch");
        for (int epoch = 0; epoch < 3; epoch++)
        {
            using SKBitmap logged = SKBitmap.Decode(images[epoch].v.Png);
            using SKBitmap expectedGrid = SKBitmap.Decode(grids[epoch]);
            (images[epoch].v.ImageWidth, images[epoch].v.ImageHeight).Should().Be((expectedGrid.Width, expectedGrid.Height));
            logged.Pixels.Select(p => (p.Red, p.Green, p.Blue)).Should().Equal(expectedGrid.Pixels.Select(p => (p.Red, p.Green, p.Blue)),
                $"epoch {epoch + 1}'s fixed-noise grid");
        }
    }

    [Fact]
    public void Every_steps_below_one_is_refused()
    {
        var act = () => new TensorBoardCallback(_temp.Path, everySteps: 0);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("everySteps");
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class LiveCountRecorder(List<long> counts) : GanCallback
    {
        public override void OnEpochEnd(GanEpochArguments arguments) =>
            counts.Add(TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    private sealed class EpochGridRecorder(List<byte[]> grids) : GanCallback
    {
        public override void OnEpochEnd(GanEpochArguments arguments) =>
            grids.Add(ImageGrid.EncodePng(arguments.Trainer.GenerateFixedSamples(BatchNormMode.RunningStatistics)));
    }
}
