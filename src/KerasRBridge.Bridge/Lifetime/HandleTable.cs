namespace KerasRBridge.Bridge.Lifetime;

/// <summary>
/// The .NET objects R holds, by number: an external pointer's address is its object's slot
/// number plus one, so that 0 stays R's null address. Freed slots are reused.
/// </summary>
/// <remarks>
/// A slot costs an array store where a <see cref="System.Runtime.InteropServices.GCHandle"/>
/// costs a call into the runtime's handle table, to make and again to free; small tensors make
/// one per call. An address that is no slot reads as no object instead of crashing.
/// Used on R's thread only, as <see cref="Handles"/> is.
/// </remarks>
internal sealed class HandleTable
{
    private object?[] _slots = new object?[256];
    private int[] _free = new int[256];
    private int _freeCount, _used;

    /// <summary>Puts <paramref name="target"/> in a slot; returns its address (never 0).</summary>
    internal nint Add(object target)
    {
        int slot;
        if (_freeCount > 0)
        {
            slot = _free[--_freeCount];
        }
        else
        {
            if (_used == _slots.Length) Array.Resize(ref _slots, _slots.Length * 2);
            slot = _used++;
        }
        _slots[slot] = target;
        return slot + 1;
    }

    /// <summary>The object at <paramref name="address"/>; null for 0, a freed slot, or an
    /// address that was never handed out.</summary>
    internal object? Get(nint address) => (nuint)(address - 1) < (nuint)_used ? _slots[address - 1] : null;

    /// <summary>Every object held, with its address, by increasing address.</summary>
    internal IEnumerable<(nint Address, object Target)> Live()
    {
        for (int slot = 0; slot < _used; slot++)
            if (_slots[slot] is { } target) yield return (slot + 1, target);
    }

    /// <summary>Empties the slot at <paramref name="address"/> for reuse.</summary>
    /// <exception cref="ArgumentException">No object is there.</exception>
    internal void Remove(nint address)
    {
        if (Get(address) is null) throw new ArgumentException($"No .NET object is held at address {address}.", nameof(address));
        int slot = (int)(address - 1);
        _slots[slot] = null;
        if (_freeCount == _free.Length) Array.Resize(ref _free, _free.Length * 2);
        _free[_freeCount++] = slot;
    }
}
