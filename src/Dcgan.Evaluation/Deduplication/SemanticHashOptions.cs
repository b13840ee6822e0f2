// SemanticHashOptions: settings of the paper's semantic hash (a de-noising, dropout-regularised ReLU autoencoder).
using System.ComponentModel.DataAnnotations;

namespace Dcgan.Deduplication;

/// <summary>
/// Settings of <see cref="SemanticHashModel.Train"/>: the paper's 3072-128-3072 autoencoder (section 4.1) on 32x32
/// centre crops, trained on the data itself. Validated with <see cref="SemanticHashOptionsValidator"/>.
/// </summary>
public sealed class SemanticHashOptions
{
    /// <summary>Side of the square input: the centre square crop of each image is resized to this size.</summary>
    /// <value>The default value is 32 (the paper's 32x32 downsampled centre crops).</value>
    [Range(4, 256)]
    public int CropSize { get; set; } = 32;

    /// <summary>Units of the code layer, which is also the number of bits of the hash.</summary>
    /// <value>The default value is 128 (the paper's code layer).</value>
    [Range(1, 128)]
    public int CodeSize { get; set; } = 128;

    /// <summary>Passes over the images while training the autoencoder.</summary>
    /// <value>The default value is 3 (the loss has levelled off: 0.165, 0.101, 0.097 on the 60k Fashion-MNIST images; see docs/deduplication.md).</value>
    [Range(1, 10_000)]
    public int Epochs { get; set; } = 3;

    /// <summary>Images per training batch.</summary>
    /// <value>The default value is 128.</value>
    [Range(1, 65_536)]
    public int BatchSize { get; set; } = 128;

    /// <summary>Adam learning rate.</summary>
    /// <value>The default value is 0.001.</value>
    [Range(1e-9, 10.0)]
    public double LearningRate { get; set; } = 1e-3;

    /// <summary>Standard deviation of the Gaussian noise added to each training input (the de-noising corruption; pixels are in [-1, 1]).</summary>
    /// <value>The default value is 0.2.</value>
    [Range(0.0, 10.0)]
    public double InputNoise { get; set; } = 0.2;

    /// <summary>
    /// Whether each image is moved (bilinear) so that its centre of mass (pixel values minus the darkest) lies at its
    /// centre before the centre crop is cut, as the perceptual hash does: a copy shifted by a pixel or two is registered
    /// onto the original.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool CentreMass { get; set; } = true;

    /// <summary>
    /// Whether each input is standardised by its own mean and standard deviation (at least 0.1) before the mean training
    /// input is subtracted, so that a brightness offset or a contrast gain over the whole image does not change its code.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool StandardizeImages { get; set; } = true;

    /// <summary>Dropout probability on the code layer during training (the dropout regularisation; off when encoding).</summary>
    /// <value>The default value is 0.2.</value>
    [Range(0.0, 0.95)]
    public double Dropout { get; set; } = 0.2;

    /// <summary>A code bit is set when its ReLU activation is above this value (the paper thresholds the ReLUs).</summary>
    /// <value>The default value is 0 (a bit says whether the unit is active).</value>
    [Range(0.0, 1e9)]
    public double CodeThreshold { get; set; }

    /// <summary>Seed of the weights, the shuffling, the noise and the dropout; on the CPU training is bitwise deterministic for a seed.</summary>
    /// <value>The default value is 1.</value>
    public long Seed { get; set; } = 1;

    /// <summary>Device to train and encode on: "auto", "cpu", "cuda" or "cuda:N". Only the CPU is deterministic.</summary>
    /// <value>The default value is "cpu".</value>
    [Required]
    public string Device { get; set; } = "cpu";
}
