// FuzzHarness: runs one input through a target's reader on a dedicated thread, with a time cap and a per-thread
// allocation measurement, and classifies the result: accepted (the mutation left a valid file), rejected as
// documented (type and file name), or a problem (any other exception, no file name, a hang, too much allocation).
namespace Dcgan.Fuzz.Tests;

/// <summary>What happened to one input.</summary>
/// <param name="Input">The input.</param>
/// <param name="Rejected">The documented exception it ended in, or null when the reader accepted it.</param>
/// <param name="Problem">Why the outcome breaks the reader's contract, or null when it keeps it.</param>
/// <param name="Allocated">Managed bytes the reading thread allocated.</param>
public sealed record FuzzOutcome(MutatedInput Input, Exception? Rejected, string? Problem, long Allocated)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Input.Description} ({Input.Bytes.Length} bytes, {Allocated} allocated): " +
        (Problem ?? (Rejected is null ? "accepted" : $"{Rejected.GetType().Name}: {Rejected.Message}"));
}

/// <summary>Runs inputs against targets.</summary>
public static class FuzzHarness
{
    /// <summary>The longest one input may take before it counts as a hang.</summary>
    public static readonly TimeSpan TimeCap = TimeSpan.FromSeconds(20);

    /// <summary>Writes <paramref name="input"/> to a fresh folder under <paramref name="root"/> and reads it.</summary>
    public static FuzzOutcome Run(FuzzTarget target, MutatedInput input, string root)
    {
        string folder = Path.Combine(root, $"{target.Name}-{input.Case:D4}");
        Directory.CreateDirectory(folder);
        string path = target.Place(folder, input.Bytes);
        Exception? thrown = null;
        long allocated = 0;
        var worker = new Thread(() =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                target.Read(path);
            }
            catch (Exception e)
            {
                thrown = e;
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }, maxStackSize: 16 << 20)
        {
            IsBackground = true,
            Name = $"fuzz {target.Name} {input.Case}",
        };
        worker.Start();
        if (!worker.Join(TimeCap))
        {
            return new FuzzOutcome(input, null, $"still running after {TimeCap.TotalSeconds} s (hang)", -1);
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }

        string? problem = Judge(target, path, thrown);
        long budget = target.AllocationBudget(input.Bytes.Length);
        if (problem is null && allocated > budget)
        {
            problem = $"allocated {allocated} bytes on the reading thread, more than the budget of {budget} for {input.Bytes.Length} bytes";
        }

        return new FuzzOutcome(input, problem is null ? thrown : null, problem, allocated);
    }

    private static string? Judge(FuzzTarget target, string path, Exception? thrown)
    {
        if (thrown is null)
        {
            return null;
        }

        if (!target.Documented.Any(t => t.IsInstanceOfType(thrown)))
        {
            return $"undocumented {thrown.GetType().FullName}: {thrown.Message}\n{thrown.StackTrace}";
        }

        string named = target.NamedFile(path);
        return thrown.Message.Contains(named, StringComparison.Ordinal)
            ? null
            : $"{thrown.GetType().Name} does not name '{named}': {thrown.Message}";
    }
}
