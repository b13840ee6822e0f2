// GeneratorPoolRegistrations: which generator pools a service collection holds (null for the default pool, else the
// name of a keyed one), so that one hosted service starts them all and a second registration of a name adds nothing.
namespace Dcgan.Serving;

/// <summary>The names of the registered pools, in registration order; null stands for the default (unnamed) pool.</summary>
internal sealed class GeneratorPoolRegistrations
{
    private readonly List<string?> _names = [];

    public IReadOnlyList<string?> Names => _names;

    /// <summary>Records <paramref name="name"/>; false when it was registered already.</summary>
    public bool Add(string? name)
    {
        if (_names.Contains(name))
        {
            return false;
        }

        _names.Add(name);
        return true;
    }
}
