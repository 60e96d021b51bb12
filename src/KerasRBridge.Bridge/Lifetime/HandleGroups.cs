using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Lifetime;

/// <summary>
/// Small tensors share one R finalizer, in groups of <see cref="Capacity"/>: each member's
/// pointer keeps the group's pointer alive (its <c>prot</c>), whose finalizer frees the whole
/// group once R reaches none of them.
/// </summary>
/// <remarks>
/// R's finalizers cost more than the rest of a small tensor together (about 1 µs each, in the
/// collection and in running them), and small tensors are what per-call work makes
/// (<c>v$assign()</c>, operators on small values). A member that outlives its group's others
/// keeps their .NET objects too, at most a few tens of kilobytes. The group being filled is kept
/// until it is full or <see cref="Settle"/> lets it go; groups are not finalized at exit, so
/// members stay usable by exit code.
/// </remarks>
internal static class HandleGroups
{
    /// <summary>Tensors of at most this many bytes join a group.</summary>
    internal const long MaxMemberBytes = 1024;

    private const int Capacity = 32;

    /// <summary>The handles of small tensors sharing one finalizer.</summary>
    internal sealed class Group
    {
        private readonly nint[] _members = new nint[Capacity];
        private int _count;

        internal bool IsFull => _count == Capacity;

        internal ReadOnlySpan<nint> Members => _members.AsSpan(0, _count);

        /// <summary>The group's own external pointer, kept while the group is open.</summary>
        internal RObject Pointer = null!;

        internal void Add(nint member) => _members[_count++] = member;
    }

    private static Group? _open;

    private static Sexp _tag;

    /// <summary>Whether <paramref name="target"/> shares a group's finalizer.</summary>
    internal static bool Joins(object target) => target is NdArray { NBytes: <= MaxMemberBytes };

    /// <summary>Adds a member to the open group (a full one is let go first, a new one made);
    /// returns the group's pointer, which the member's pointer must keep alive.</summary>
    internal static Sexp Join(nint member)
    {
        var group = Open();
        group.Add(member);
        return group.Pointer.Sexp;
    }

    private static Group Open()
    {
        if (_open is { IsFull: false } open) return open;
        Settle();
        var group = new Group();
        nint address = Handles.AddInternal(group);
        try
        {
            if (_tag == Sexp.Zero) _tag = RValues.Symbol("kerasbridge_handle_group");
            // Not at exit: members may still be reachable then, and must stay usable.
            group.Pointer = RPointers.Make(RPointerRequest.Bare(address, _tag, atExit: false));
        }
        catch
        {
            Handles.RemoveInternal(address);
            throw;
        }
        return _open = group;
    }

    /// <summary>Lets go of the group being filled, so that R's next collection frees it if no
    /// member is reachable; the next small tensor starts a new group.</summary>
    internal static void Settle()
    {
        _open?.Pointer.Dispose();
        _open = null;
    }
}
