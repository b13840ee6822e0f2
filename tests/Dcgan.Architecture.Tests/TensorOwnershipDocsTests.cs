// "No tensor crosses the public surface without an owner in its name or doc": every public or protected member of a
// shipped library that returns a tensor (alone or in a tuple) says in its XML doc (or the interface member it inherits
// its doc from) who owns or disposes the result: the caller, a dispose scope, or a call it lives only during.
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using TorchSharp;

namespace Dcgan.Architecture.Tests;

public partial class TensorOwnershipDocsTests
{
    [Fact]
    public void Every_public_member_returning_a_tensor_names_its_owner()
    {
        List<string> members = [.. LayeringRules.Libraries.SelectMany(TensorReturningMembers)];

        members.Should().Contain(m => m.StartsWith("Dcgan.Models.IGenerator.Generate", StringComparison.Ordinal), "the scan must see the surface");
        members.Where(m => !Owned(m)).Should().BeEmpty("each of these returns a tensor without saying who owns it");
    }

    [Fact]
    public void A_doc_without_an_owner_is_caught()
    {
        OwnerWords().IsMatch("<summary>Images [N, C, s, s].</summary>").Should().BeFalse();
        OwnerWords().IsMatch("<returns>The tensor; the caller owns it.</returns>").Should().BeTrue();
    }

    private static readonly Dictionary<string, XDocument> Docs = [];

    private static IEnumerable<string> TensorReturningMembers(Assembly assembly)
    {
        const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (Type type in assembly.GetExportedTypes())
        {
            foreach (MethodInfo method in type.GetMethods(Declared).Where(m => (m.IsPublic || m.IsFamily) && !m.IsSpecialName))
            {
                if (CarriesTensor(method.ReturnType) && method.Name != "forward") // forward: TorchSharp's module idiom, Judge/Generate carry the contract
                {
                    yield return $"{type.FullName}.{method.Name}";
                }
            }

            foreach (PropertyInfo property in type.GetProperties(Declared).Where(p => p.GetMethod is { IsPublic: true } or { IsFamily: true }))
            {
                if (CarriesTensor(property.PropertyType))
                {
                    yield return $"{type.FullName}.{property.Name}";
                }
            }
        }
    }

    private static bool CarriesTensor(Type type) =>
        type == typeof(torch.Tensor)
        || (type.IsGenericType && typeof(ITuple).IsAssignableFrom(type) && type.GetGenericArguments().Any(CarriesTensor))
        || typeof(IEnumerable<torch.Tensor>).IsAssignableFrom(type);

    // The member's own doc text, or, for <inheritdoc/>, the docs of same-named members of its type's interfaces.
    private static bool Owned(string member)
    {
        Type type = LayeringRules.Libraries.Select(a => a.GetType(member[..member.LastIndexOf('.')])).First(t => t is not null)!;
        string name = member[(member.LastIndexOf('.') + 1)..];
        IEnumerable<Type> candidates = [type, .. type.GetInterfaces()];
        return candidates.Any(t => OwnerWords().IsMatch(DocOf(t, name)));
    }

    private static string DocOf(Type type, string name)
    {
        string file = Path.ChangeExtension(type.Assembly.Location, ".xml");
        if (!File.Exists(file))
        {
            return "";
        }

        if (!Docs.TryGetValue(file, out XDocument? doc))
        {
            Docs[file] = doc = XDocument.Load(file);
        }

        string prefix = $"{type.FullName}.{name}";
        return string.Join(" ", doc.Descendants("member")
            .Where(m => ((string?)m.Attribute("name"))?[2..] is { } id && (id == prefix || id.StartsWith(prefix + "(", StringComparison.Ordinal)))
            .Select(m => m.ToString()));
    }

    [GeneratedRegex(@"\bown(s|ed|er)?\b|dispose scope|dispose it|lives only|live in", RegexOptions.IgnoreCase)]
    private static partial Regex OwnerWords();
}
