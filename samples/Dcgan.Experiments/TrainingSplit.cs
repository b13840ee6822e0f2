// Which Fashion-MNIST split the time-to-quality benchmark trains on.
namespace Dcgan.Experiments;

/// <summary>The split a benchmark trains on.</summary>
internal enum TrainingSplit
{
    /// <summary>The 60k train split (the full data set).</summary>
    Full,

    /// <summary>The 10k test split: the images `dcgan train` ships with and uses when the full set is not installed.</summary>
    Test,
}
