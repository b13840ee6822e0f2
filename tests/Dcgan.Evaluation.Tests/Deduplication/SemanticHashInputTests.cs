// Tests of the semantic hash's input: registration by the centre of mass undoes a shift, per-image standardisation
// undoes brightness and contrast changes, and with both off the inputs differ.
using Dcgan.Data;
using Dcgan.Data.Tests.Deduplication;
using Dcgan.Deduplication;

namespace Dcgan.Evaluation.Tests.Deduplication;

public class SemanticHashInputTests
{
    /// <summary>An image (background -1, a lit off-centre blob in [-0.6, 0.8]) and three changed copies of it.</summary>
    private static MemoryImageSource OriginalShiftedBrightenedAndContrasted()
    {
        var image = new float[28 * 28];
        for (int y = 0; y < 28; y++)
        {
            for (int x = 0; x < 28; x++)
            {
                bool lit = y is >= 6 and < 20 && x is >= 5 and < 17;
                image[y * 28 + x] = lit ? -0.6f + 0.1f * ((x * 7 + y * 3) % 15) : -1f;
            }
        }

        float[] shifted = new float[image.Length];
        for (int y = 0; y < 28; y++)
        {
            for (int x = 0; x < 28; x++)
            {
                shifted[y * 28 + x] = x >= 2 && y >= 1 ? image[(y - 1) * 28 + x - 2] : -1f;     // 2 right, 1 down
            }
        }

        float[] brighter = image.Select(v => v + 0.15f).ToArray();
        float[] contrasted = image.Select(v => 0.8f * v - 0.1f).ToArray();
        return new MemoryImageSource(new ImageShape(1, 28, 28), [.. image, .. shifted, .. brighter, .. contrasted]);
    }

    [Fact]
    public void Registered_and_standardised_inputs_of_shifted_brighter_and_contrasted_copies_equal_the_original()
    {
        MemoryImageSource images = OriginalShiftedBrightenedAndContrasted();
        var options = new SemanticHashOptions { CropSize = 28 };
        int length = SemanticHashInput.Length(28);

        float[] inputs = SemanticHashInput.Read(images, [0, 1, 2, 3], options);      // [4, 3 * 28 * 28]

        for (int copy = 1; copy < 4; copy++)
        {
            float[] difference = Enumerable.Range(0, length).Select(i => Math.Abs(inputs[copy * length + i] - inputs[i])).ToArray();
            difference.Max().Should().BeLessThan(1e-4f, $"copy {copy} should give the original's input");
        }

        inputs.Take(length).Average().Should().BeApproximately(0f, 1e-5f);
        Math.Sqrt(inputs.Take(length).Average(v => (double)v * v)).Should().BeApproximately(1.0, 1e-4, "the input is standardised");
    }

    [Fact]
    public void Without_registration_and_standardisation_the_copies_give_other_inputs()
    {
        MemoryImageSource images = OriginalShiftedBrightenedAndContrasted();
        var options = new SemanticHashOptions { CropSize = 28, CentreMass = false, StandardizeImages = false };
        int length = SemanticHashInput.Length(28);

        float[] inputs = SemanticHashInput.Read(images, [0, 1, 2, 3], options);

        for (int copy = 1; copy < 4; copy++)
        {
            Enumerable.Range(0, length).Max(i => Math.Abs(inputs[copy * length + i] - inputs[i])).Should().BeGreaterThan(0.09f);
        }
    }
}
