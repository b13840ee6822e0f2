// ConceptBoxFile: the JSON file of hand-drawn boxes that `dcgan forget --boxes FILE` reads. The samples the boxes
// were drawn on are identified by the latent seed and count (e.g. generated with `dcgan sample --seed 5 --count 16`,
// whose images are numbered row by row from 0):
//   {
//     "seed": 5,            // seed of the latent vectors (as `dcgan sample --seed`)
//     "count": 16,          // number of samples drawn with that seed (as `dcgan sample --count`)
//     "boxes": [ { "sample": 3, "x": 4, "y": 10, "width": 8, "height": 6 } ]   // pixels, (0, 0) top-left
//   }
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dcgan.Forgetting;

/// <summary>Hand-drawn concept boxes on samples identified by a latent seed and count (the CLI's <c>--boxes</c> file).</summary>
public sealed record ConceptBoxFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
    };

    /// <summary>Seed of the latent vectors the boxes were drawn on.</summary>
    [JsonPropertyName("seed")]
    public long Seed { get; init; }

    /// <summary>Number of samples drawn with <see cref="Seed"/>; box sample indices are 0..Count-1.</summary>
    [JsonPropertyName("count")]
    public int Count { get; init; }

    /// <summary>The boxes, in image pixel coordinates.</summary>
    [JsonPropertyName("boxes")]
    public IReadOnlyList<ConceptBox> Boxes { get; init; } = [];

    /// <summary>Reads and checks a boxes file (sample indices against <see cref="Count"/>; image bounds are checked when probing).</summary>
    /// <param name="path">The JSON file.</param>
    /// <exception cref="InvalidDataException">The file is not valid JSON of this format; the message names the file.</exception>
    /// <exception cref="ArgumentException">A box is empty, has a negative corner or names a missing sample.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ConceptBoxFile Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        ConceptBoxFile? file;
        try
        {
            file = JsonSerializer.Deserialize<ConceptBoxFile>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Boxes file '{path}' is not valid: {e.Message}", e);
        }

        if (file is null || file.Count < 1 || file.Boxes is null || file.Boxes.Count == 0)
        {
            throw new InvalidDataException($"Boxes file '{path}' needs a positive \"count\" and at least one box in \"boxes\".");
        }

        foreach (ConceptBox box in file.Boxes)
        {
            if (box is null)
            {
                throw new InvalidDataException($"Boxes file '{path}' has a null box.");
            }

            if (box.Sample < 0 || box.Sample >= file.Count || box.Width < 1 || box.Height < 1 || box.X < 0 || box.Y < 0)
            {
                throw new ArgumentException(
                    $"Boxes file '{path}': box {box} needs sample in 0..{file.Count - 1}, x and y >= 0, width and height >= 1.");
            }
        }

        return file;
    }

    /// <summary>Writes the file as indented JSON.</summary>
    /// <param name="path">The JSON file; replaced if it exists.</param>
    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
}
