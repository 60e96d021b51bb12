using KerasRBridge.Bridge.Conversion;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Lifetime;

/// <summary>
/// Tensor memory of <see cref="WarmBlocks.MinBytes"/> or more, as R keeps it: a warm native block
/// (<see cref="WarmBlocks"/>) behind an R external pointer that also keeps a raw vector of the
/// same size, which the tensor never writes.
/// </summary>
/// <remarks>
/// The vector is how R's collector counts the block: R collects as these tensors pile up, as it
/// would for its own arrays, and the memory limit it sets covers them. Nothing reads or writes it,
/// and its pages are given back as it is made (it may sit on memory R freed earlier, which glibc's
/// heap keeps mapped; see FreshMemory), so it costs address space, not memory.
/// The pointer is made as a tensor's is (<see cref="RPointerRequest.Keeps"/>): the vector sits
/// beside the pointer whose finalizer gives the block back, so R frees the vector in the
/// collection that finds the block unreachable, and the block returns right after it.
/// </remarks>
internal sealed class RBlock
{
    private static Sexp _tag;

    private readonly nint _address;
    private readonly long _bytes;

    private RBlock(nint address, long bytes)
    {
        _address = address;
        _bytes = bytes;
    }

    /// <summary>A new block of <paramref name="bytes"/>, kept by the returned R object (protected by .NET).</summary>
    /// <exception cref="InsufficientMemoryException">R's memory limit, or the system, has no room for it.</exception>
    internal static unsafe RObject Make(long bytes)
    {
        using var counted = RValues.Allocate(SexpType.Raw, bytes);
        // Nothing reads or writes it; its pages may be memory R freed earlier, still mapped.
        FreshMemory.ReleasePages(RValues.DataOf(counted.Sexp), bytes);
        nint address = WarmBlocks.Rent(bytes);
        nint handle = Handles.AddInternal(new RBlock(address, bytes));
        try
        {
            if (_tag == Sexp.Zero) _tag = RValues.Symbol("kerasbridge_tensor_memory");
            // Not at exit: tensors may still be in use by exit code, and the process frees all.
            var request = RPointerRequest.Bare(handle, _tag, atExit: false);
            request.Keeps = counted.Sexp;
            return RPointers.Make(request);
        }
        catch
        {
            Handles.RemoveInternal(handle);
            WarmBlocks.Return(address, bytes);
            throw;
        }
    }

    /// <summary>The memory of the block that <paramref name="keeper"/> (from <see cref="Make"/>) keeps.</summary>
    internal static unsafe void* DataOf(Sexp keeper) => (void*)((RBlock)Handles.At(RPointers.Address(keeper))!)._address;

    /// <summary>R has collected the block's pointer: the block goes back for reuse.</summary>
    internal void Released() => WarmBlocks.Return(_address, _bytes);
}
