// NamespaceGraph: which Dcgan namespaces use which, read from compiled assemblies (see TypeDependencies).
using System.Reflection;

namespace Dcgan.Architecture.Tests;

/// <summary>The namespace-to-namespace uses of a set of assemblies, restricted to namespaces with a given prefix.</summary>
internal sealed class NamespaceGraph
{
    private readonly Dictionary<string, Dictionary<string, string>> _uses = new(StringComparer.Ordinal);

    /// <summary>Reads every type of <paramref name="assemblies"/> whose namespace starts with <paramref name="prefix"/>.</summary>
    public NamespaceGraph(IEnumerable<Assembly> assemblies, string prefix)
    {
        foreach (Type type in assemblies.SelectMany(a => a.GetTypes()).Where(t => Owns(t.Namespace, prefix)))
        {
            string from = type.Namespace!;
            Dictionary<string, string> targets = Targets(from);
            foreach (Type used in TypeDependencies.Of(type).Where(u => Owns(u.Namespace, prefix) && u.Namespace != from))
            {
                // Keep one example per edge, for the failure message.
                targets.TryAdd(used.Namespace!, $"{Name(type)} uses {Name(used)}");
            }
        }
    }

    /// <summary>Every namespace read.</summary>
    public IEnumerable<string> Namespaces => _uses.Keys;

    /// <summary>The namespaces <paramref name="from"/> uses, each with one example of a use.</summary>
    public IReadOnlyDictionary<string, string> Uses(string from) => _uses.TryGetValue(from, out var t) ? t : new Dictionary<string, string>();

    /// <summary>Uses that the rules do not allow: for each namespace with a rule, every use outside its allowed set.</summary>
    public IReadOnlyList<string> Violations(IReadOnlyDictionary<string, string[]> allowed)
    {
        var violations = new List<string>();
        foreach (string from in _uses.Keys.Order(StringComparer.Ordinal))
        {
            if (!allowed.TryGetValue(from, out string[]? ok))
            {
                violations.Add($"{from} has no layering rule: add it to the rules (and to docs/architecture.md).");
                continue;
            }

            violations.AddRange(_uses[from].Where(e => !ok.Contains(e.Key)).Select(e => $"{from} must not use {e.Key}: {e.Value}"));
        }

        return violations;
    }

    /// <summary>A cycle among the namespaces, as "A -> B -> A", or null when there is none.</summary>
    public string? FindCycle()
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the path, 2 = done
        var path = new List<string>();
        string? Visit(string n)
        {
            state[n] = 1;
            path.Add(n);
            foreach (string m in Uses(n).Keys.Order(StringComparer.Ordinal))
            {
                if (state.GetValueOrDefault(m) == 1)
                {
                    return string.Join(" -> ", path.Skip(path.IndexOf(m)).Append(m)) + $" ({Uses(n)[m]})";
                }

                if (state.GetValueOrDefault(m) == 0 && Visit(m) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[n] = 2;
            return null;
        }

        return _uses.Keys.Order(StringComparer.Ordinal).Where(n => state.GetValueOrDefault(n) == 0).Select(Visit).FirstOrDefault(c => c is not null);
    }

    private Dictionary<string, string> Targets(string from)
    {
        if (!_uses.TryGetValue(from, out var targets))
        {
            _uses[from] = targets = new Dictionary<string, string>(StringComparer.Ordinal);
        }

        return targets;
    }

    private static bool Owns(string? ns, string prefix) => ns is not null && (ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal));

    private static string Name(Type t) => (t.DeclaringType is { } d ? Name(d) + "+" : "") + t.Name;
}
