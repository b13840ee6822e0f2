// DeduplicationOptions: which duplicate test Deduplicator.Find runs, and its thresholds.
using System.ComponentModel.DataAnnotations;
using Dcgan.Data;

namespace Dcgan.Deduplication;

/// <summary>Settings of <see cref="Deduplicator.Find"/>, validated with <see cref="DeduplicationOptionsValidator"/>.</summary>
public sealed class DeduplicationOptions
{
    /// <summary>The duplicate test.</summary>
    /// <value>The default value is <see cref="DeduplicationMethod.Perceptual"/> (fast, and the most precise on Fashion-MNIST; see docs/deduplication.md).</value>
    [EnumDataType(typeof(DeduplicationMethod))]
    public DeduplicationMethod Method { get; set; } = DeduplicationMethod.Perceptual;

    /// <summary>Largest Hamming distance (of 63 bits) from a perceptual hash to its group's representative.</summary>
    /// <value>The default value is 0 (<see cref="PerceptualImageHash.DefaultMaxDistance"/>: colliding hashes).</value>
    [Range(0, PerceptualImageHash.Bits - 1)]
    public int PerceptualMaxDistance { get; set; } = PerceptualImageHash.DefaultMaxDistance;

    /// <summary>Largest Hamming distance from a semantic code to its group's representative; below <see cref="SemanticHashOptions.CodeSize"/>.</summary>
    /// <value>The default value is 0 (the paper: colliding codes).</value>
    [Range(0, 127)]
    public int SemanticMaxDistance { get; set; }

    /// <summary>The autoencoder of the semantic method (ignored by the others).</summary>
    /// <value>The default value is <c>new SemanticHashOptions()</c>.</value>
    [Required]
    public SemanticHashOptions Semantic { get; set; } = new();
}
