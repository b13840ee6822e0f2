// SemanticHashEpoch: progress of one finished training epoch of the semantic-hash autoencoder.
namespace Dcgan.Deduplication;

/// <summary>Progress of one finished epoch of <see cref="SemanticHashModel.Train"/>.</summary>
/// <remarks>Managed values only. Not a record: it has no value equality (two instances with the same values are different objects), so compare properties; new members may be added in later versions.</remarks>
public sealed class SemanticHashEpoch
{
    /// <summary>One-based epoch number.</summary>
    public required int Epoch { get; init; }

    /// <summary>Total epochs.</summary>
    public required int Epochs { get; init; }

    /// <summary>Mean squared reconstruction error of the clean input over the epoch's batches.</summary>
    public required double MeanLoss { get; init; }

    /// <summary>Time since training began.</summary>
    public required TimeSpan Elapsed { get; init; }
}
