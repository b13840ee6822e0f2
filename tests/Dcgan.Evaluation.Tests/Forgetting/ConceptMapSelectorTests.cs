using Dcgan.Latent;
using Dcgan.Forgetting;
using Dcgan.Models;
using TorchSharp;
using static TorchSharp.torch;

using Dcgan.Core.Tests.Forgetting;
using Dcgan.Interventions;

namespace Dcgan.Evaluation.Tests.Forgetting;

public class ConceptMapSelectorTests
{
    // A synthetic 32x32 image model's block: 6 maps of 8x8 (scale 4). Every map is ReLU-like noise; map `planted`
    // additionally fires (+2) at the locations whose cell centre lies inside the sample's box.
    private static (GeneratorLayer Layer, LayerActivations Activations, ConceptBox[] Boxes) Planted(int planted, int seed)
    {
        var layer = new GeneratorLayer("block1", 1, 6, 8, 32);
        var random = new Random(seed);
        const int n = 12;
        var boxes = new ConceptBox[n];
        var values = new float[n * 6 * 64];
        for (int s = 0; s < n; s++)
        {
            boxes[s] = new ConceptBox(s, random.Next(0, 16), random.Next(0, 16), random.Next(8, 16), random.Next(8, 16));
            for (int c = 0; c < 6; c++)
            {
                for (int i = 0; i < 8; i++)
                {
                    for (int j = 0; j < 8; j++)
                    {
                        float v = Math.Max(0f, (float)(random.NextDouble() * 2 - 0.5));
                        if (c == planted && boxes[s].Contains(j * 4 + 2, i * 4 + 2))
                        {
                            v += 2f;
                        }

                        values[((s * 6 + c) * 8 + i) * 8 + j] = v;
                    }
                }
            }
        }

        return (layer, new LayerActivations(n, 6, 8, values), boxes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void A_planted_concept_map_gets_the_largest_positive_weight(int planted)
    {
        (GeneratorLayer layer, LayerActivations activations, ConceptBox[] boxes) = Planted(planted, seed: 11);
        ConceptProbeResult result = ConceptMapSelector.Fit(layer, activations, boxes);
        result.MapsByWeight[0].Should().Be(planted);
        result.SelectedMaps[0].Should().Be(planted);
        result.Weights[planted].Should().BeGreaterThan(1);
        result.TrainingAccuracy.Should().BeGreaterThan(0.95);
        result.Negatives.Should().Be(result.Positives, "one negative per positive by default");
        result.SelectedMaps.Should().OnlyContain(m => result.Weights[m] > 0);

        ConceptMapSelector.Fit(layer, activations, boxes, new ConceptProbeOptions { TopK = 1 }).SelectedMaps.Should().Equal(planted);
    }

    [Theory]
    [InlineData(0, new[] { 0, 2, 5 }, new[] { 0, 2, 5, 1, 4, 3 })]
    [InlineData(2, new[] { 2, 5, 0 }, new[] { 2, 5, 0, 1, 3, 4 })]
    [InlineData(4, new[] { 4, 5, 0 }, new[] { 4, 5, 0, 1, 2, 3 })]
    public void The_selection_is_the_one_the_former_newton_fit_made(int planted, int[] selected, int[] order)
    {
        // Selected maps and full weight order recorded with the former Newton-method logistic regression (before
        // the probe moved onto LogisticRegressionClassifier): the unified fit must choose exactly the same maps,
        // including the weakly positive ones (map 0 weighs 0.0015 in the last case).
        (GeneratorLayer layer, LayerActivations activations, ConceptBox[] boxes) = Planted(planted, seed: 11);
        ConceptProbeResult result = ConceptMapSelector.Fit(layer, activations, boxes);
        result.SelectedMaps.Should().Equal(selected);
        result.MapsByWeight.Should().Equal(order);
        (result.Positives, result.Negatives).Should().Be((101, 101));
    }

    [Fact]
    public void Masks_find_the_planted_map_too()
    {
        (GeneratorLayer layer, LayerActivations activations, ConceptBox[] boxes) = Planted(3, seed: 5);
        var masks = new bool[activations.Count * 32 * 32];
        foreach (ConceptBox b in boxes)
        {
            for (int y = b.Y; y < b.Y + b.Height; y++)
            {
                for (int x = b.X; x < b.X + b.Width; x++)
                {
                    masks[(b.Sample * 32 + y) * 32 + x] = true;
                }
            }
        }

        ConceptMapSelector.FitMasks(layer, activations, masks).SelectedMaps[0].Should().Be(3);
    }

    [Fact]
    public void Probing_a_generator_is_deterministic_given_the_seed()
    {
        using DcganGenerator g = ForgettingFixtures.Generator();
        using Tensor z = ForgettingFixtures.Latent(6, seed: 7);
        ConceptBox[] boxes = [new(0, 2, 2, 10, 12), new(3, 14, 14, 14, 14), new(5, 0, 20, 28, 8)];
        var options = new ConceptProbeOptions { Seed = 3 };
        ConceptProbeResult a = ConceptMapSelector.Select(g, z, boxes, options);
        ConceptProbeResult b = ConceptMapSelector.Select(g, z, boxes, options);
        a.Layer.Name.Should().Be("block1");
        a.Weights.Should().HaveCount(4).And.Equal(b.Weights);
        a.SelectedMaps.Should().Equal(b.SelectedMaps);
        (a.Positives, a.Negatives).Should().Be((b.Positives, b.Negatives));

        ConceptProbeResult other = ConceptMapSelector.Select(g, z, boxes, new ConceptProbeOptions { Seed = 4 });
        other.Weights.Should().NotEqual(a.Weights, "another seed draws other negatives");
        ConceptProbeResult block0 = ConceptMapSelector.Select(g, z, boxes, new ConceptProbeOptions { Layer = "block0" });
        block0.Weights.Should().HaveCount(8);

        // The maps the former Newton-method fit selected on this fixture.
        a.SelectedMaps.Should().Equal(3, 1);
        other.SelectedMaps.Should().Equal(3, 1);
        block0.SelectedMaps.Should().Equal(2, 6, 7);
    }

    [Fact]
    public void A_box_smaller_than_a_cell_still_marks_the_cell_holding_its_centre()
    {
        var layer = new GeneratorLayer("block0", 0, 2, 4, 16); // scale 4
        var values = new float[2 * 16];
        values[1 * 4 + 2] = 5; // map 0, row 1, column 2: pixel cell x 8..11, y 4..7
        for (int l = 0; l < 16; l++)
        {
            values[16 + l] = l % 3; // map 1: unrelated
        }

        // 1x1 box at pixel (9, 5): misses every cell centre (x 2, 6, 10, 14), lies in cell (row 1, column 2).
        ConceptProbeResult r = ConceptMapSelector.Fit(layer, new LayerActivations(1, 2, 4, values), [new ConceptBox(0, 9, 5, 1, 1)]);
        r.Positives.Should().Be(1);
        r.SelectedMaps[0].Should().Be(0);
    }

    [Theory]
    [InlineData(20, 0, 10, 5, "*x 20, y 0, 10x5*28x28*")]
    [InlineData(-1, 0, 4, 4, "*x -1, y 0, 4x4*28x28*")]
    [InlineData(0, 27, 4, 2, "*x 0, y 27, 4x2*28x28*")]
    public void A_box_outside_the_image_is_an_ArgumentException_naming_box_and_image_size(int x, int y, int w, int h, string message)
    {
        using DcganGenerator g = ForgettingFixtures.Generator();
        using Tensor z = ForgettingFixtures.Latent(2, seed: 1);
        Action act = () => ConceptMapSelector.Select(g, z, [new ConceptBox(1, x, y, w, h)]);
        act.Should().Throw<ArgumentException>().WithMessage(message);
    }

    [Fact]
    public void A_box_on_a_missing_sample_is_an_ArgumentException()
    {
        using DcganGenerator g = ForgettingFixtures.Generator();
        using Tensor z = ForgettingFixtures.Latent(2, seed: 1);
        Action act = () => ConceptMapSelector.Select(g, z, [new ConceptBox(2, 0, 0, 4, 4)]);
        act.Should().Throw<ArgumentException>().WithMessage("*sample 2*0..1*");
    }

    [Fact]
    public void The_boxes_file_reads_the_documented_format_and_round_trips()
    {
        string path = Path.Combine(Path.GetTempPath(), $"forget-boxes-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, """
                { "seed": 5, "count": 16,
                  // comments are allowed
                  "boxes": [ { "sample": 3, "x": 4, "y": 10, "width": 8, "height": 6 } ] }
                """);
            ConceptBoxFile file = ConceptBoxFile.Load(path);
            (file.Seed, file.Count).Should().Be((5L, 16));
            file.Boxes.Should().Equal(new ConceptBox(3, 4, 10, 8, 6));

            file.Save(path);
            ConceptBoxFile.Load(path).Boxes.Should().Equal(file.Boxes);

            File.WriteAllText(path, """{ "seed": 5, "count": 2, "boxes": [ { "sample": 2, "x": 0, "y": 0, "width": 1, "height": 1 } ] }""");
            FluentActions.Invoking(() => ConceptBoxFile.Load(path)).Should().Throw<ArgumentException>().WithMessage("*sample 2*0..1*");
            File.WriteAllText(path, "{ not json");
            FluentActions.Invoking(() => ConceptBoxFile.Load(path)).Should().Throw<InvalidDataException>().WithMessage($"*{path}*");
        }
        finally
        {
            File.Delete(path);
        }
    }
}

public class ConceptMapSelectorGeneratorTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Boxes_around_where_one_real_map_fires_most_select_that_map_first(int map)
    {
        // The "concept" is wherever map `map` of block1 of a real (tiny, untrained) generator peaks: a 4x4-pixel
        // box around its strongest 2x2-pixel cell in each sample. The probe must rank that map first.
        using DcganGenerator g = ForgettingFixtures.Generator(seed: 12);
        using Tensor z = ForgettingFixtures.Latent(24, seed: 13);
        LayerActivations acts = FeatureMapDropout.Capture(g, z, "block1");
        var boxes = new List<ConceptBox>();
        for (int n = 0; n < acts.Count; n++)
        {
            ReadOnlySpan<float> m = acts.Map(n, map); // [14, 14]
            int best = 0;
            for (int l = 1; l < m.Length; l++)
            {
                best = m[l] > m[best] ? l : best;
            }

            int x = Math.Clamp((best % 14) * 2 - 1, 0, 24);
            int y = Math.Clamp((best / 14) * 2 - 1, 0, 24);
            boxes.Add(new ConceptBox(n, x, y, 4, 4));
        }

        ConceptProbeResult r = ConceptMapSelector.Select(g, z, boxes);
        r.MapsByWeight[0].Should().Be(map);
        r.SelectedMaps.Should().Contain(map);
    }

    [Fact]
    public void Repeated_forgetting_and_probing_keep_the_live_tensor_count_flat()
    {
        using DcganGenerator g = ForgettingFixtures.Generator();
        using Tensor z = ForgettingFixtures.Latent(4, seed: 6);
        ConceptBox[] boxes = [new(0, 4, 4, 10, 10), new(2, 12, 0, 8, 8)];
        void Pass()
        {
            using var scope = torch.NewDisposeScope();
            FeatureMapDropout.Generate(g, z, null, [1], BatchNormMode.BatchStatistics);
            FeatureMapDropout.GenerateAndCapture(g, z, "block0", [2, 3]);
            ConceptMapSelector.Select(g, z, boxes);
        }

        Pass();
        long baseline = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (int i = 0; i < 4; i++)
        {
            Pass();
        }

        DisposeScopeManager.Statistics.ThreadTotalLiveCount.Should().Be(baseline);
    }
}
