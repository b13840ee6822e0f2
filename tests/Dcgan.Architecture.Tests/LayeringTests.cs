// The layering of docs/architecture.md, checked on the compiled assemblies.
using System.Reflection;

namespace Dcgan.Architecture.Tests;

public class LayeringTests
{
    [Fact]
    public void Namespaces_use_only_the_layers_below_them()
    {
        var graph = new NamespaceGraph(LayeringRules.Libraries, "Dcgan");
        graph.Violations(LayeringRules.Allowed).Should().BeEmpty();
    }

    [Fact]
    public void No_namespace_cycle()
    {
        new NamespaceGraph(LayeringRules.Libraries, "Dcgan").FindCycle().Should().BeNull();
    }

    [Fact]
    public void Assemblies_reference_no_higher_layer()
    {
        var violations = new List<string>();
        foreach ((Assembly assembly, string[] forbidden) in LayeringRules.ForbiddenReferences)
        {
            violations.AddRange(assembly.GetReferencedAssemblies()
                .Where(r => forbidden.Any(f => r.Name!.StartsWith(f, StringComparison.Ordinal)))
                .Select(r => $"{assembly.GetName().Name} references {r.Name}"));
        }

        violations.Should().BeEmpty();
    }

    [Fact]
    public void Each_namespace_lives_in_one_assembly()
    {
        // The one exception: src/Shared/Scalars.cs is compiled into every library that uses TorchSharp, as internal types.
        LayeringRules.Libraries.SelectMany(a => a.GetTypes()).Where(LayeringRules.IsSharedSource)
            .Should().OnlyContain(t => !t.IsPublic, "shared source must stay internal to each assembly");
        var owners = LayeringRules.Libraries
            .SelectMany(a => a.GetTypes().Where(t => t.Namespace is not null && !LayeringRules.IsSharedSource(t))
                .Select(t => (t.Namespace!, a.GetName().Name!)))
            .Distinct()
            .GroupBy(p => p.Item1)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key} is declared in {string.Join(" and ", g.Select(p => p.Item2))}");
        owners.Should().BeEmpty();
    }

    [Fact]
    public void Every_namespace_has_a_rule()
    {
        new NamespaceGraph(LayeringRules.Libraries, "Dcgan").Namespaces.Should().OnlyContain(n => LayeringRules.Allowed.ContainsKey(n));
    }

    [Fact]
    public void No_library_shows_its_internals_to_another_library()
    {
        // The packages are versioned separately: internals used across them could vanish under an upgrade of one
        // (MissingMethodException). Internals are shown to their own test project only.
        string[] libraries = LayeringRules.Libraries.Select(a => a.GetName().Name!).ToArray();
        var shown = LayeringRules.Libraries.SelectMany(a => a
            .GetCustomAttributes<System.Runtime.CompilerServices.InternalsVisibleToAttribute>()
            .Select(v => (Library: a.GetName().Name!, Friend: v.AssemblyName)));

        shown.Where(p => libraries.Contains(p.Friend) || p.Friend != p.Library + ".Tests")
            .Select(p => $"{p.Library} shows its internals to {p.Friend}")
            .Should().BeEmpty();
        shown.Should().NotBeEmpty("the check reads the attributes (each library has a test project)");
    }

    [Fact]
    public void The_checker_finds_a_forbidden_use_in_a_method_body_and_a_cycle()
    {
        // The fixture below breaks the rule on purpose: Models uses Training inside a method body only.
        var graph = new NamespaceGraph([typeof(LayeringTests).Assembly], "Dcgan.Architecture.Tests.LayeringFixture");
        var rules = new Dictionary<string, string[]>
        {
            ["Dcgan.Architecture.Tests.LayeringFixture.Models"] = [],
            ["Dcgan.Architecture.Tests.LayeringFixture.Training"] = ["Dcgan.Architecture.Tests.LayeringFixture.Models"],
        };

        graph.Violations(rules).Should().ContainSingle()
            .Which.Should().Contain("Models must not use Dcgan.Architecture.Tests.LayeringFixture.Training");
        graph.FindCycle().Should().Contain("LayeringFixture.Models -> ").And.Contain("LayeringFixture.Training");
    }
}
