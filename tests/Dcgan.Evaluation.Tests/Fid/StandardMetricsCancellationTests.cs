// Cancelling feature extraction between chunks (a data source that cancels once its first chunk has been read) and
// KID before its first subset stops with OperationCanceledException and leaves no tensor alive.
using Dcgan.Data;
using Dcgan.Evaluation.Tests.Cancellation;

namespace Dcgan.Evaluation.Tests.Fid;

public sealed class StandardMetricsCancellationTests
{
    [Fact]
    public void Extraction_cancelled_after_the_first_chunk_stops_and_frees_its_tensors()
    {
        using TorchScriptFeatureExtractor extractor = TorchScriptFeatureExtractor.Load(FidFixtures.Extractor);
        ImageBatch images = FidFixtures.GeneratedImages();
        using var cancellation = new CancellationTokenSource();
        var source = new CancellingSource(images, StandardFeatures.ChunkSize + 10, cancellation);
        extractor.Features(images, batchSize: 64);                                         // warm-up

        Cancelled.Throws(() => StandardFeatures.FromDataSource(extractor, source, source.Count, cancellationToken: cancellation.Token));

        source.Reads.Should().Be(StandardFeatures.ChunkSize, "the cancellation came after the first chunk, before the second was read");
    }

    [Fact]
    public void KID_with_a_cancelled_token_stops_before_its_first_subset()
    {
        Cancelled.Throws(() => KernelDistance.Compute(FidFixtures.RealFeatures(), FidFixtures.GeneratedFeatures(), cancellationToken: Cancelled.Token));
    }

    /// <summary>Repeats the fixture's images up to <paramref name="count"/> and cancels once a whole chunk has been read.</summary>
    private sealed class CancellingSource(ImageBatch images, int count, CancellationTokenSource cancellation) : IImageDataSource
    {
        public int Reads { get; private set; }

        public int Count => count;

        public ImageShape Shape => images.Shape;

        public string Description => "fixture images, cancelling after one chunk";

        public void CopyImage(int index, Span<float> destination)
        {
            images.Image(index % images.Count).CopyTo(destination);
            if (++Reads == StandardFeatures.ChunkSize)
            {
                cancellation.Cancel();
            }
        }
    }
}
