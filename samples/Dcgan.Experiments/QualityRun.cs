// One time-to-quality run: a candidate trained once with one seed, and the scores of its samples.
using Dcgan.Evaluation;

namespace Dcgan.Experiments;

/// <summary>A candidate trained with one seed for its step budget.</summary>
/// <param name="Candidate">The configuration.</param>
/// <param name="Seed">The seed of weights, noise and shuffling.</param>
/// <param name="Steps">Steps trained.</param>
/// <param name="Seconds">Wall seconds of the training (scoring excluded).</param>
/// <param name="ImagesPerSecond">Training images per wall second.</param>
/// <param name="Quality">FD, precision/recall and class coverage of the samples.</param>
internal sealed record QualityRun(QualityCandidate Candidate, long Seed, int Steps, double Seconds, double ImagesPerSecond, SampleQualityResult Quality)
{
    /// <summary>True when the run meets the goal: FD at most <paramref name="fd"/>, every class covered, KL at most <paramref name="kl"/>.</summary>
    public bool MeetsGoal(double fd, double kl, int classes) =>
        Quality.FrechetDistance <= fd && Quality.Coverage.CoveredClasses == classes && Quality.Coverage.KlToUniform <= kl;
}
