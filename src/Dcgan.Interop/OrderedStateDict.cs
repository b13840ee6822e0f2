// OrderedStateDict: a Hashtable that enumerates in insertion order, so the pickled state dict keeps layer order (what
// PyTorch's own state_dict() and torch.load give) instead of the hash order of a plain Hashtable.
using System.Collections;

namespace Dcgan.Interop;

/// <summary>A <see cref="Hashtable"/> whose enumeration follows insertion order (PyBridge pickles a Hashtable).</summary>
internal sealed class OrderedStateDict : Hashtable
{
    private readonly List<object> _order = [];

    public override void Add(object key, object? value)
    {
        base.Add(key, value);
        _order.Add(key);
    }

    public override ICollection Keys => _order.ToArray();

    public override IDictionaryEnumerator GetEnumerator() => new Enumerator(this);

    private sealed class Enumerator(OrderedStateDict table) : IDictionaryEnumerator
    {
        private int _index = -1;

        public DictionaryEntry Entry => new(Key, Value);

        public object Key => table._order[_index];

        public object? Value => table[Key];

        public object Current => Entry;

        public bool MoveNext() => ++_index < table._order.Count;

        public void Reset() => _index = -1;
    }
}
