// The TorchScript feature extractor against PyTorch itself: the stand-in for inception-2015-12-05.pt
// (scripts/make-fid-fixtures.py) gives the library the same features PyTorch 1.13 computed, from the same levels that
// StyleGAN2-ADA's conversion makes, without a dispose-scope leak; bad files and inputs fail with clear errors.
using Dcgan.Data;
using Dcgan.Features;
using Dcgan.Interop;
using TorchSharp;
using static TorchSharp.torch;

namespace Dcgan.Evaluation.Tests.Fid;

public sealed class TorchScriptFeatureExtractorTests
{
    // PyTorch 1.13 (Debian) and libtorch 2.10 (TorchSharp) run the same float32 conv/interpolate kernels in different
    // builds, so features agree to float32 round-off, not bitwise; the features are of order 0.1.
    private const float FeatureTolerance = 1e-5f;

    [Fact]
    public void Generated_images_become_the_levels_of_StyleGAN2_ADAs_uint8_conversion_bit_for_bit()
    {
        ImageBatch images = FidFixtures.GeneratedImages();
        NpyArray<byte> expected = FidFixtures.GeneratedLevels();                        // [N, 1, H, W]

        float[] levels = Levels(images);                                                 // [N, 3, H, W]

        int plane = images.Shape.Height * images.Shape.Width;
        for (int channel = 0; channel < 3; channel++)
        {
            float[] channelLevels = [.. Enumerable.Range(0, images.Count).SelectMany(n => levels.AsSpan((n * 3 + channel) * plane, plane).ToArray())];
            channelLevels.Should().Equal(expected.Data.Select(b => (float)b), $"channel {channel} repeats the grayscale levels exactly");
        }

        images.Pixels.Should().Contain(v => v < -1 || v > 1, "the fixture includes values outside [-1, 1] that must be clamped");
    }

    [Fact]
    public void Real_images_read_from_bytes_come_back_as_exactly_those_bytes()
    {
        NpyArray<byte> bytes = FidFixtures.RealLevels();

        float[] levels = Levels(FidFixtures.RealImages());

        levels.Should().Equal(bytes.Data.Select(b => (float)b));
        bytes.Data.Distinct().Should().HaveCount(256, "every byte value is exercised");
    }

    [Fact]
    public void Features_match_PyTorchs_for_real_RGB_and_generated_grayscale_images()
    {
        using TorchScriptFeatureExtractor extractor = TorchScriptFeatureExtractor.Load(FidFixtures.Extractor);

        FeatureMatrix real = extractor.Features(FidFixtures.RealImages());
        FeatureMatrix generated = extractor.Features(FidFixtures.GeneratedImages());

        extractor.Dimension.Should().Be(64);
        MaxDifference(real, FidFixtures.RealFeatures()).Should().BeLessThan(FeatureTolerance);
        MaxDifference(generated, FidFixtures.GeneratedFeatures()).Should().BeLessThan(FeatureTolerance);
    }

    [Fact]
    public void The_batch_size_does_not_change_the_features_and_no_tensor_stays_live()
    {
        using TorchScriptFeatureExtractor extractor = TorchScriptFeatureExtractor.Load(FidFixtures.Extractor);
        ImageBatch images = FidFixtures.GeneratedImages();
        extractor.Features(images, batchSize: 64);                                       // warm-up (lazy natives)
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        FeatureMatrix small = extractor.Features(images, batchSize: 7);                 // 19 batches, the last of 2
        FeatureMatrix large = extractor.Features(images, batchSize: 64);

        DisposeScopeManager.Statistics.ThreadTotalLiveCount.Should().Be(before, "each batch runs in its own dispose scope");
        small.Rows.Should().Be(images.Count);
        MaxDifference(small, large).Should().BeLessThan(FeatureTolerance);
    }

    [Fact]
    public void A_file_that_is_not_TorchScript_is_refused_with_its_name()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("dcgan-fid-").FullName, "not-a-model.pt");
        File.WriteAllText(path, "this is not a TorchScript archive");

        Action load = () => TorchScriptFeatureExtractor.Load(path);

        load.Should().Throw<InvalidDataException>().WithMessage($"*'{path}' is not a TorchScript file*");
    }

    [Fact]
    public void A_pytorch_fid_statistics_file_given_as_the_model_is_refused()
    {
        Action load = () => TorchScriptFeatureExtractor.Load(FidFixtures.ReferenceStats);

        load.Should().Throw<InvalidDataException>().WithMessage("*reference-stats.npz' is not a TorchScript file*");
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        string path = Path.Combine(Path.GetTempPath(), "no-such-folder-dcgan", "inception-2015-12-05.pt");

        Action load = () => TorchScriptFeatureExtractor.Load(path);

        load.Should().Throw<FileNotFoundException>().WithMessage($"*'{path}' does not exist*");
    }

    [Fact]
    public void A_model_that_returns_no_feature_rows_is_refused_with_the_shape()
    {
        using TorchScriptFeatureExtractor extractor = TorchScriptFeatureExtractor.Load(Path.Combine(FidFixtures.Folder, "wrong-output.pt"));

        Action features = () => extractor.Features(FidFixtures.GeneratedImages(), batchSize: 16);

        features.Should().Throw<InvalidOperationException>().WithMessage("*wrong-output.pt' returned shape [16] for a batch of 16; features must be [16, D]*");
    }

    [Fact]
    public void Images_with_two_channels_are_refused()
    {
        using TorchScriptFeatureExtractor extractor = TorchScriptFeatureExtractor.Load(FidFixtures.Extractor);
        var images = new ImageBatch(2, new ImageShape(2, 4, 4), new float[2 * 2 * 16]);

        Action features = () => extractor.Features(images);

        features.Should().Throw<ArgumentException>().WithMessage("*1-channel*3-channel*2x4x4*");
    }

    private static float[] Levels(ImageBatch images)
    {
        using var scope = NewDisposeScope();
        Tensor x = torch.tensor(images.Pixels, [images.Count, images.Shape.Channels, images.Shape.Height, images.Shape.Width]);
        return InceptionInput.ToLevels(x).contiguous().data<float>().ToArray();
    }

    private static float MaxDifference(FeatureMatrix a, FeatureMatrix b)
    {
        a.Rows.Should().Be(b.Rows);
        a.Columns.Should().Be(b.Columns);
        return a.Values.Zip(b.Values, (x, y) => MathF.Abs(x - y)).Max();
    }
}
