using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Lifetime;

/// <summary>
/// The .NET objects R holds: each lives behind an R external pointer whose address is its slot
/// in a <see cref="HandleTable"/>, until R's garbage collector finalizes the pointer (its own,
/// or its group's: <see cref="HandleGroups"/>) and <see cref="Free"/> empties the slot.
/// </summary>
/// <remarks>Handles are made and freed on R's thread only (R's finalizers run there).</remarks>
internal static class Handles
{
    private static readonly HandleTable Table = new();
    private static long _live;

    /// <summary>The number of .NET objects R currently holds.</summary>
    internal static long LiveCount => Interlocked.Read(ref _live);

    /// <summary>
    /// A new handle for <paramref name="target"/> and the request for the R object that carries
    /// it: a copy of <paramref name="prototype"/> whose <paramref name="slots"/> hold the pointer
    /// (a NULL prototype gives the bare pointer). R holds the handle from now on: whoever makes
    /// the object (the shim after the entry returns, or <see cref="RPointers.Make"/>) must make
    /// it, or give the handle back with <see cref="Abandon"/>.
    /// </summary>
    internal static RPointerRequest Request(object target, Sexp prototype, Sexp slots, Sexp templates)
    {
        nint address = Table.Add(target);
        try
        {
            var request = RPointerRequest.Bare(address, PointerTags.For(target), atExit: true);
            request.Prototype = prototype;
            request.Slots = slots;
            request.Templates = templates;
            if (HandleGroups.Joins(target)) request.Owner = HandleGroups.Join(address);
            Interlocked.Increment(ref _live);
            return request;
        }
        catch
        {
            Table.Remove(address);
            throw;
        }
    }

    /// <summary>Gives back the handle of a request whose object R could not make. Only for
    /// objects that join no group (a variable): a group member is freed with its group.</summary>
    internal static void Abandon(in RPointerRequest request) => Free(request.Address);

    /// <summary>Frees a handle (for a group, its members' too); called by R's finalizer of the
    /// external pointer.</summary>
    internal static void Free(nint address)
    {
        if (Table.Get(address) is HandleGroups.Group group)
        {
            foreach (nint member in group.Members) Table.Remove(member);
            Interlocked.Add(ref _live, -group.Members.Length);
            RTensorMemory.HandlesFreed(group.Members.Length);
            Table.Remove(address);
            return;
        }
        RTensorMemory.LetGo(address, Table.Get(address)!);
        RTensorMemory.HandlesFreed(1);
        Table.Remove(address);
        Interlocked.Decrement(ref _live);
    }

    /// <summary>The object at <paramref name="address"/>; null for a freed or unknown address.</summary>
    internal static object? At(nint address) => Table.Get(address);

    /// <summary>A handle for one of the bridge's own objects (a finalizer group), which no R
    /// object wraps and <see cref="LiveCount"/> does not count.</summary>
    internal static nint AddInternal(object target) => Table.Add(target);

    /// <summary>Gives back a handle from <see cref="AddInternal"/> that was never used.</summary>
    internal static void RemoveInternal(nint address) => Table.Remove(address);

    /// <summary>Every object R holds, with its handle, by increasing handle.</summary>
    internal static IEnumerable<(nint Address, object Target)> Live() => Table.Live();
}
