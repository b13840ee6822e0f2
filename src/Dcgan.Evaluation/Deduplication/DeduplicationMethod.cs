// DeduplicationMethod: the three strengths of duplicate detection.
namespace Dcgan.Deduplication;

/// <summary>How <see cref="Deduplicator"/> decides that images are duplicates.</summary>
public enum DeduplicationMethod
{
    /// <summary>Equal decoded pixels (<see cref="Dcgan.Data.ExactImageHash"/>).</summary>
    Exact,

    /// <summary>DCT hashes within a few bits (<see cref="Dcgan.Data.PerceptualImageHash"/>).</summary>
    Perceptual,

    /// <summary>Colliding binarised codes of an autoencoder trained on the data (<see cref="SemanticHashModel"/>), as in the paper.</summary>
    Semantic,
}
