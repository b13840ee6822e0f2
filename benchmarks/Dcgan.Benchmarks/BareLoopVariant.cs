// The changes to the bare loop that `dcgan-bench ab` measures one at a time against the plain loop.
namespace Dcgan.Benchmarks;

/// <summary>Modifications of <see cref="BareLoop"/>'s step; <see cref="None"/> is the pytorch/examples loop.</summary>
[Flags]
internal enum BareLoopVariant
{
    /// <summary>The plain loop.</summary>
    None = 0,

    /// <summary>D's parameters stop requiring gradients during the G step (what the library does).</summary>
    SkipDiscriminatorWeightGradients = 1,

    /// <summary>The label tensors (ones, zeros) are made once, not every step.</summary>
    ReuseLabels = 2,

    /// <summary>Gradients are set to none (<c>Module.zero_grad(set_to_none: true)</c>) instead of zeroed in place.</summary>
    GradientsToNone = 4,

    /// <summary>The real images and z are laid out channels-last, so the convolutions run in NHWC.</summary>
    ChannelsLast = 8,

    /// <summary>Both networks and their inputs in bfloat16 (the loss in float32): plain casting, there is no autocast.</summary>
    BFloat16 = 16,
}

/// <summary>Parses and names <see cref="BareLoopVariant"/> values on the command line ("none", "skip-d-weight-grads+channels-last").</summary>
internal static class BareLoopVariants
{
    private static readonly (string Name, BareLoopVariant Value)[] Names =
    [
        ("none", BareLoopVariant.None),
        ("skip-d-weight-grads", BareLoopVariant.SkipDiscriminatorWeightGradients),
        ("reuse-labels", BareLoopVariant.ReuseLabels),
        ("grads-to-none", BareLoopVariant.GradientsToNone),
        ("channels-last", BareLoopVariant.ChannelsLast),
        ("bf16", BareLoopVariant.BFloat16),
    ];

    /// <summary>The accepted names, for the usage text.</summary>
    public static string Accepted => string.Join(", ", Names.Select(n => n.Name));

    public static bool TryParse(string text, out BareLoopVariant variant)
    {
        variant = BareLoopVariant.None;
        foreach (string part in text.Split('+'))
        {
            int index = Array.FindIndex(Names, n => n.Name == part);
            if (index < 0)
            {
                return false;
            }

            variant |= Names[index].Value;
        }

        return true;
    }

    public static string Describe(BareLoopVariant variant) =>
        variant == BareLoopVariant.None ? "none" : string.Join('+', Names.Where(n => n.Value != 0 && variant.HasFlag(n.Value)).Select(n => n.Name));
}
