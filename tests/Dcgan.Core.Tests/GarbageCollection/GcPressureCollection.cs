// The xunit collection of the tests that start GcPressure: its collections and finalizers are process-wide, so these
// tests run alone (after the parallel ones), never next to another test class's code. Linked with GcPressure.cs.
namespace Dcgan.Core.Tests.GarbageCollection;

/// <summary>Tests under <see cref="GcPressure"/>: <c>[Collection(GcPressureCollection.Name)]</c>.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GcPressureCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "GC pressure";
}
