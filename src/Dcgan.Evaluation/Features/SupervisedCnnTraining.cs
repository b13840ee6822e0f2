// SupervisedCnnTraining: what SupervisedCnn.Train did: the epoch whose weights were kept, and every epoch's numbers.

namespace Dcgan.Features;

/// <summary>What <see cref="SupervisedCnn.Train"/> did: the epoch whose weights were kept, and every epoch's numbers.</summary>
/// <param name="BestEpoch">The evaluated epoch with the highest validation accuracy (the earliest on ties); its weights are the ones returned.</param>
/// <param name="BestValidationAccuracy">Validation accuracy of <paramref name="BestEpoch"/>.</param>
/// <param name="History">One entry per epoch, in order.</param>
/// <param name="Elapsed">Wall-clock time of the training.</param>
public sealed record SupervisedCnnTraining(int BestEpoch, double BestValidationAccuracy, IReadOnlyList<SupervisedCnnEpoch> History, TimeSpan Elapsed);
