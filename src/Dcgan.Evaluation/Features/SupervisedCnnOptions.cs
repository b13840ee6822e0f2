// SupervisedCnnOptions: settings of the supervised-CNN baseline; limits are the DataAnnotations, checked by
// SupervisedCnnOptionsValidator.
using System.ComponentModel.DataAnnotations;
using Dcgan.Native;

namespace Dcgan.Features;

/// <summary>Settings of <see cref="SupervisedCnn"/>: supervised training of a <see cref="DiscriminatorClassifier"/>.</summary>
public sealed class SupervisedCnnOptions
{
    /// <summary>
    /// Number of passes over the training images (a fixed budget; the best epoch is then chosen on validation).
    /// Measured on 1,000 Fashion-MNIST labels (28x28, width 64): training accuracy reaches 1.0 by epoch 12 and
    /// validation accuracy is flat (within 0.3 points) from epoch 15 to 60, so 30 epochs leave a margin at half the cost.
    /// </summary>
    /// <value>The default value is 30.</value>
    [Range(1, int.MaxValue)]
    public int Epochs { get; set; } = 30;

    /// <summary>Images per mini-batch (the last batch of an epoch may be smaller).</summary>
    /// <value>The default value is 64.</value>
    [Range(1, int.MaxValue)]
    public int BatchSize { get; set; } = 64;

    /// <summary>Adam's learning rate (constant).</summary>
    /// <value>The default value is 1e-3.</value>
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true)]
    public double LearningRate { get; set; } = 1e-3;

    /// <summary>Adam's first-moment decay.</summary>
    /// <value>The default value is 0.9.</value>
    [Range(0.0, 1.0, MaximumIsExclusive = true)]
    public double Beta1 { get; set; } = 0.9;

    /// <summary>Adam's second-moment decay.</summary>
    /// <value>The default value is 0.999.</value>
    [Range(0.0, 1.0, MaximumIsExclusive = true)]
    public double Beta2 { get; set; } = 0.999;

    /// <summary>
    /// Validation accuracy is measured after every <c>EvaluationInterval</c>-th epoch and after the last one; the
    /// weights of the best measured epoch (the earliest on ties) are kept.
    /// </summary>
    /// <value>The default value is 5.</value>
    [Range(1, int.MaxValue)]
    public int EvaluationInterval { get; set; } = 5;

    /// <summary>Images per forward pass when measuring validation and test accuracy (no gradients kept).</summary>
    /// <value>The default value is 500.</value>
    [Range(1, int.MaxValue)]
    public int EvaluationBatchSize { get; set; } = 500;

    /// <summary>
    /// The one seed of a run: the initial weights (N(0, 0.02) as in the paper) and the shuffling each draw from
    /// their own generator derived from it, so on the CPU the result is a deterministic function of data,
    /// options and seed.
    /// </summary>
    /// <value>The default value is 1.</value>
    public long Seed { get; set; } = 1;

    /// <summary>Device the network trains on: "auto", "cpu", "cuda" or "cuda:N". Only CPU training is deterministic.</summary>
    /// <value>The default value is "cpu".</value>
    [Required]
    [AvailableDevice]
    public string Device { get; set; } = "cpu";
}
