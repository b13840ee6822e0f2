// ArithmeticStability: evaluation protocol section E, second bullet. The paper (section 6.3.2) found vector arithmetic
// on single samples unstable and averaged three exemplars per concept. Fashion-MNIST has only class labels, so the
// measurement mirrors "smiling woman - neutral woman + neutral man" with classes: A and B are disjoint exemplar sets
// of one class a (A - B is a within-class "attribute" difference, like smiling - neutral), C is an exemplar set of
// another class c, and the result A - B + C should still look like class c. The share of results (and of their
// jittered neighbours) that the classifier assigns to c is compared for 1 vs 3 exemplars per concept, next to the
// baseline of rendering C alone.
using Dcgan.Data;
using Dcgan.Features;
using Dcgan.Generation;
using Dcgan.Latent;
using Dcgan.Models;
using Dcgan.Native;
using TorchSharp;

namespace Dcgan.Evaluation;

/// <summary>Measures how reliably concept arithmetic lands in the intended class, per number of exemplars per concept.</summary>
/// <remarks>
/// <para>Exemplars: a pool of <see cref="ArithmeticStabilityOptions.PoolSize"/> latent vectors from the generator's prior is
/// rendered (batch-norm running statistics) and labelled by the classifier; a vector is an exemplar of class y when the
/// classifier predicts y with confidence (maximum softmax) at least <see cref="ArithmeticStabilityOptions.ConfidenceThreshold"/>.
/// A class needs 2 x the largest exemplar count of them (A and B are disjoint); classes with fewer are skipped and
/// reported in <see cref="ArithmeticStabilityResult.SkipReport"/>, never silently.</para>
/// <para>Trials: each trial draws a class pair a != c from the eligible classes (the same pairs for every exemplar count),
/// then for each exemplar count k draws 2k distinct exemplars of a (the first k average into A, the rest into B) and k of c.
/// Result = <c>LatentExpression.Of(A).Subtract(B).Add(C)</c>; the baseline is C's mean alone. Both get the same
/// <see cref="ArithmeticStabilityOptions.Neighbours"/> jittered neighbours (<see cref="LatentNeighbours.Jitter"/>, one
/// noise seed per trial), so result and baseline are compared on paired noise.</para>
/// </remarks>
public static class ArithmeticStability
{
    private const long PoolStream = 10;
    private const long ClassStream = 11;
    private const long ExemplarStream = 12;
    private const long NeighbourStream = 13;

    /// <summary>Runs the measurement.</summary>
    /// <param name="generator">The generator; left unchanged.</param>
    /// <param name="classifier">The classifier that labels the images (normally the <see cref="EvaluationClassifier"/>).</param>
    /// <param name="options">Settings; <see langword="null"/> uses the defaults (pool 20,000, confidence 0.9, 200 trials, 1 and 3 exemplars, 8 neighbours, seed 1).</param>
    /// <param name="progress">
    /// Receives a report after every rendered batch: stage "classify pool" (the exemplar pool), then "trials, k exemplars"
    /// for each exemplar count k; or <see langword="null"/>. The default value is <see langword="null"/>.
    /// </param>
    /// <param name="cancellationToken">Checked before every batch. The default value is <see cref="CancellationToken.None"/>.</param>
    /// <returns>Shares per exemplar count, every trial, and the skipped classes.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled; no tensor stays live.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid; the message lists every failure.</exception>
    /// <exception cref="ArgumentException">Images the classifier cannot take.</exception>
    /// <exception cref="InsufficientExemplarsException">Fewer than 2 classes have enough confident samples (the message lists every class's count).</exception>
    public static ArithmeticStabilityResult Compute(IGenerator generator, IImageClassifier classifier, ArithmeticStabilityOptions? options = null,
        IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(classifier);
        options ??= new ArithmeticStabilityOptions();
        new ArithmeticStabilityOptionsValidator().ThrowIfInvalid(options);

        float[][] pool;
        using (var rng = new torch.Generator(unchecked((ulong)SeedSequence.Derive(options.Seed, PoolStream)), torch.CPU))
        {
            pool = LatentNoise.SampleRows(options.PoolSize, generator.LatentDimension, generator.LatentDistribution, rng);
        }

        int[][] confident = ConfidentExemplars(generator, classifier, pool, options, progress, cancellationToken);
        int needed = 2 * options.MaximumExemplarCount;
        int[] eligible = Enumerable.Range(0, confident.Length).Where(c => confident[c].Length >= needed).ToArray();
        SkippedClass[] skipped = Enumerable.Range(0, confident.Length).Where(c => confident[c].Length < needed)
            .Select(c => new SkippedClass { Class = c, ConfidentCount = confident[c].Length, Needed = needed }).ToArray();
        string report = SkipReport(skipped, options);
        if (eligible.Length < 2)
        {
            throw new InsufficientExemplarsException(
                $"Arithmetic stability needs at least 2 classes with {needed} confident samples each; {eligible.Length} qualify. {report} " +
                "Raise PoolSize, lower ConfidenceThreshold or the exemplar counts.", confident.Select(c => c.Length).ToArray(), skipped);
        }

        (int A, int C)[] classPairs = ClassPairs(eligible, options.Trials, options.Seed);
        ExemplarCountResult[] results = options.ExemplarCounts
            .Select(k => RunTrials(generator, classifier, pool, confident, classPairs, k, options, progress, cancellationToken))
            .ToArray();
        return new ArithmeticStabilityResult
        {
            ConfidentCounts = confident.Select(c => c.Length).ToArray(),
            EligibleClasses = eligible,
            SkippedClasses = skipped,
            SkipReport = report,
            ByExemplarCount = results,
            Options = options,
        };
    }

    /// <summary>Per class, the pool indices the classifier assigns to it with at least the confidence threshold, in pool order.</summary>
    private static int[][] ConfidentExemplars(IGenerator generator, IImageClassifier classifier, float[][] pool, ArithmeticStabilityOptions options,
        IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        var perClass = Enumerable.Range(0, classifier.ClassCount).Select(_ => new List<int>()).ToArray();
        int batches = (pool.Length + options.BatchSize - 1) / options.BatchSize;
        for (int start = 0; start < pool.Length; start += options.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = Math.Min(options.BatchSize, pool.Length - start);
            ClassDecision[] decisions = Classify(generator, classifier, pool.AsSpan(start, count).ToArray());
            for (int i = 0; i < count; i++)
            {
                if (decisions[i].Confidence >= options.ConfidenceThreshold)
                {
                    perClass[decisions[i].Label].Add(start + i);
                }
            }

            progress?.Report(new EvaluationProgress { Stage = "classify pool", Completed = start / options.BatchSize + 1, Total = batches });
        }

        return perClass.Select(list => list.ToArray()).ToArray();
    }

    private static string SkipReport(IReadOnlyList<SkippedClass> skipped, ArithmeticStabilityOptions options)
    {
        int needed = 2 * options.MaximumExemplarCount;
        string rule = $"fewer than {needed} (2 x {options.MaximumExemplarCount} exemplars) of the {options.PoolSize} pool samples " +
            $"were assigned to them with confidence >= {options.ConfidenceThreshold}";
        return skipped.Count == 0
            ? $"No class skipped: every class has at least {needed} confident samples."
            : $"Skipped classes {string.Join(", ", skipped.Select(s => $"{s.Class} ({s.ConfidentCount})"))}: {rule}.";
    }

    /// <summary>One class pair a != c per trial, uniform over the eligible classes.</summary>
    private static (int A, int C)[] ClassPairs(int[] eligible, int trials, long seed)
    {
        var random = new Random(RandomSeed(seed, ClassStream));
        var pairs = new (int, int)[trials];
        for (int t = 0; t < trials; t++)
        {
            int a = random.Next(eligible.Length);
            int c = random.Next(eligible.Length - 1);
            pairs[t] = (eligible[a], eligible[c >= a ? c + 1 : c]);
        }

        return pairs;
    }

    private static ExemplarCountResult RunTrials(IGenerator generator, IImageClassifier classifier, float[][] pool, int[][] confident,
        (int A, int C)[] classPairs, int k, ArithmeticStabilityOptions options,
        IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        var random = new Random(RandomSeed(SeedSequence.Derive(options.Seed, ExemplarStream), k));
        int neighbours = options.Neighbours;
        int rowsPerTrial = 2 * (1 + neighbours);                             // result, its neighbours, baseline, its neighbours
        int trialsPerBatch = Math.Max(1, options.BatchSize / rowsPerTrial);
        var outcomes = new ArithmeticTrialOutcome[classPairs.Length];
        int batches = (classPairs.Length + trialsPerBatch - 1) / trialsPerBatch;
        string stage = $"trials, {k} exemplars";
        for (int start = 0; start < classPairs.Length; start += trialsPerBatch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = Math.Min(trialsPerBatch, classPairs.Length - start);
            var picks = new (int[] A, int[] B, int[] C)[count];
            var latents = new List<float[]>(count * rowsPerTrial);
            for (int i = 0; i < count; i++)
            {
                (int a, int c) = classPairs[start + i];
                int[] fromA = Draw(confident[a], 2 * k, random);
                picks[i] = (fromA[..k], fromA[k..], Draw(confident[c], k, random));
                LatentConcept conceptC = Concept(pool, picks[i].C, "C");
                float[] result = LatentExpression.Of(Concept(pool, picks[i].A, "A")).Subtract(Concept(pool, picks[i].B, "B")).Add(conceptC).Evaluate();
                long noiseSeed = SeedSequence.Derive(SeedSequence.Derive(options.Seed, NeighbourStream), start + i);
                AddWithNeighbours(latents, result, noiseSeed, options);
                AddWithNeighbours(latents, conceptC.Mean, noiseSeed, options);
            }

            ClassDecision[] decisions = Classify(generator, classifier, latents);
            for (int i = 0; i < count; i++)
            {
                (int a, int c) = classPairs[start + i];
                ReadOnlySpan<ClassDecision> trial = decisions.AsSpan(i * rowsPerTrial, rowsPerTrial);
                outcomes[start + i] = new ArithmeticTrialOutcome
                {
                    Trial = start + i,
                    ClassA = a,
                    ClassC = c,
                    ExemplarsA = picks[i].A,
                    ExemplarsB = picks[i].B,
                    ExemplarsC = picks[i].C,
                    ResultLabel = trial[0].Label,
                    ResultNeighbourHits = Hits(trial.Slice(1, neighbours), c),
                    BaselineLabel = trial[1 + neighbours].Label,
                    BaselineNeighbourHits = Hits(trial.Slice(2 + neighbours, neighbours), c),
                };
            }

            progress?.Report(new EvaluationProgress { Stage = stage, Completed = start / trialsPerBatch + 1, Total = batches });
        }

        int trials = outcomes.Length;
        int resultHits = outcomes.Count(o => o.ResultLabel == o.ClassC);
        int baselineHits = outcomes.Count(o => o.BaselineLabel == o.ClassC);
        return new ExemplarCountResult
        {
            ExemplarCount = k,
            Trials = trials,
            Neighbours = neighbours,
            ResultShare = resultHits / (double)trials,
            ResultAndNeighbourShare = (resultHits + outcomes.Sum(o => o.ResultNeighbourHits)) / (double)(trials * (1 + neighbours)),
            BaselineShare = baselineHits / (double)trials,
            BaselineAndNeighbourShare = (baselineHits + outcomes.Sum(o => o.BaselineNeighbourHits)) / (double)(trials * (1 + neighbours)),
            Outcomes = outcomes,
        };
    }

    private static void AddWithNeighbours(List<float[]> latents, float[] centre, long noiseSeed, ArithmeticStabilityOptions options)
    {
        latents.Add(centre);
        if (options.Neighbours > 0)
        {
            latents.AddRange(LatentNeighbours.Jitter(centre, options.Neighbours, noiseSeed, options.NeighbourRadius));
        }
    }

    private static LatentConcept Concept(float[][] pool, int[] indices, string name) =>
        LatentConcept.FromExemplars(indices.Select(i => pool[i]).ToArray(), name);

    private static int Hits(ReadOnlySpan<ClassDecision> decisions, int label)
    {
        int hits = 0;
        foreach (ClassDecision d in decisions)
        {
            hits += d.Label == label ? 1 : 0;
        }

        return hits;
    }

    /// <summary><paramref name="count"/> distinct entries of <paramref name="from"/>, uniformly (partial Fisher-Yates on a copy).</summary>
    private static int[] Draw(int[] from, int count, Random random)
    {
        int[] copy = (int[])from.Clone();
        for (int i = 0; i < count; i++)
        {
            int j = random.Next(i, copy.Length);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }

        return copy[..count];
    }

    private static ClassDecision[] Classify(IGenerator generator, IImageClassifier classifier, IReadOnlyList<float[]> latents) =>
        classifier.Decide(classifier.FitInput(generator.Render(latents, BatchNormMode.RunningStatistics)));

    private static int RandomSeed(long seed, long stream) => (int)(SeedSequence.Derive(seed, stream) & int.MaxValue);
}
