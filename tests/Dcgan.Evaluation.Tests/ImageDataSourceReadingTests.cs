// Tests of Dcgan.Data's ImageDataSourceExtensions, the one reader of images outside the trainer (the research
// package reads every split, subset and batch with it).
using Dcgan.Data;
using Dcgan.Evaluation.Tests.Features;

namespace Dcgan.Evaluation.Tests;

public class ImageDataSourceReadingTests
{
    private static readonly ImageShape Shape = new(2, 3, 3);

    // Image i holds the values i*100 + 0 .. i*100 + 17, so any misplaced image or pixel shows.
    private static ArrayImageSource Numbered(int count) =>
        new(Enumerable.Range(0, count).SelectMany(i => Enumerable.Range(0, Shape.ElementCount).Select(j => (float)(i * 100 + j))).ToArray(), Shape);

    [Fact]
    public void ReadAll_ReadRange_and_ReadImages_copy_exactly_the_requested_images_in_order()
    {
        ArrayImageSource source = Numbered(5);

        ImageBatch all = source.ReadAll();
        (all.Count, all.Shape).Should().Be((5, Shape));
        all.Pixels.Should().Equal(source.Pixels);

        ImageBatch range = source.ReadRange(1, 3);
        range.Count.Should().Be(3);
        range.Pixels.Should().Equal(source.Pixels.AsSpan(Shape.ElementCount, 3 * Shape.ElementCount).ToArray());
        source.ReadRange(5, 0).Count.Should().Be(0);

        ImageBatch picked = source.ReadImages([4, 0, 4]);
        picked.Count.Should().Be(3);
        picked.Image(0).ToArray().Should().Equal(source.ReadRange(4, 1).Pixels);
        picked.Image(1).ToArray().Should().Equal(source.ReadRange(0, 1).Pixels);
        picked.Image(2).ToArray().Should().Equal(source.ReadRange(4, 1).Pixels);
    }

    [Theory]
    [InlineData(-1, 2, "*-1 .. 0*5 images*")]
    [InlineData(4, 2, "*4 .. 5*5 images*")]
    [InlineData(0, -1, "*-1 from 0*")]
    public void A_range_outside_the_source_names_the_range_and_the_source(int start, int count, string message) =>
        FluentActions.Invoking(() => Numbered(5).ReadRange(start, count))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage(message).WithMessage("*array of 5*");

    [Fact]
    public void An_index_outside_the_source_names_its_position_and_value() =>
        FluentActions.Invoking(() => Numbered(5).ReadImages([0, 2, 5]))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Index 5 at position 2*0 .. 4*");

    [Fact]
    public void Images_are_read_on_the_calling_thread_only()
    {
        var source = new ThreadRecordingSource(Numbered(40));
        source.ReadAll();
        source.ReadImages(Enumerable.Range(0, 40).Reverse().ToArray());
        source.Threads.Should().Equal(Environment.CurrentManagedThreadId);
    }

    private sealed class ThreadRecordingSource(ArrayImageSource inner) : IImageDataSource
    {
        public HashSet<int> Threads { get; } = [];

        public int Count => inner.Count;

        public ImageShape Shape => inner.Shape;

        public string Description => inner.Description;

        public void CopyImage(int index, Span<float> destination)
        {
            lock (Threads)
            {
                Threads.Add(Environment.CurrentManagedThreadId);
            }

            inner.CopyImage(index, destination);
        }
    }
}
