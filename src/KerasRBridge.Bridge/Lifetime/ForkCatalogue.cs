using KerasRBridge.Bridge.Results;
using KerasRBridge.Bridge.Arguments;
using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using KerasRBridge.Engine;
using KerasRBridge.Bridge.Conversion;
using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Lifetime;

/// <summary>
/// What a forked child of this process can still read (<c>krb_fork.c</c>). Just before a fork,
/// on R's thread, every tensor and variable R holds is pinned and described in native memory
/// (<c>krb_fork_catalogue</c>); just after it, in the parent, the pins and the description go.
/// The child reads its copy of that memory, and never runs managed code. Forks are common
/// (<c>mclapply</c> makes one per core, <c>processx</c> one per process it starts), so the
/// description is lean: no headers (the child formats them), one copy of each shared string,
/// memory in large blocks.
/// </summary>
internal static unsafe class ForkCatalogue
{
    /// <summary>As <c>krb_fork_object</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ObjectEntry
    {
        public nint Address;
        public void* Data;
        public long* Shape;
        public byte* DTypeName, Name, Path, Aggregation, Synchronization;
        public long Length;
        public int Rank, DType, RType, IsVariable, Trainable, Autocast;
    }

    /// <summary>As <c>krb_fork_catalogue</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Catalogue
    {
        public ObjectEntry* Objects;
        public long Count;
        public Sexp TensorTag, VariableTag, TensorPrototype, Slots, Templates;
    }

    private static readonly List<MemoryHandle> Pins = [];
    private static readonly List<nint> Blocks = [];

    internal static void Install() => RGuest.SetForkHooks(&Prepare, &AfterFork);

    [UnmanagedCallersOnly]
    private static nint Prepare()
    {
        try { return Build(); }
        catch (Exception e)
        {
            // The child then refuses to read, as it refuses everything else.
            Release();
            Console.Error.WriteLine($"kerasbridge: describing objects for a forked child failed: {e.Message}");
            return 0;
        }
    }

    [UnmanagedCallersOnly]
    private static void AfterFork() => Release();

    private static nint Build()
    {
        var live = Handles.Live().Where(e => e.Target is NdArray or Variable).ToList();
        var objects = (ObjectEntry*)Allocate(sizeof(ObjectEntry) * Math.Max(live.Count, 1));
        for (int i = 0; i < live.Count; i++) objects[i] = Describe(live[i].Address, live[i].Target);
        var catalogue = (Catalogue*)Allocate(sizeof(Catalogue));
        var (prototype, slots, templates) = RWrappers.TensorLayout;
        *catalogue = new Catalogue
        {
            Objects = objects,
            Count = live.Count,
            TensorTag = PointerTags.Tensor,
            VariableTag = PointerTags.Variable,
            TensorPrototype = prototype,
            Slots = slots,
            Templates = templates,
        };
        return (nint)catalogue;
    }

    private static ObjectEntry Describe(nint address, object target)
    {
        var variable = target as Variable;
        NdArray? value = variable is null ? (NdArray)target : variable.AssignedValue;
        DType dtype = value?.DType ?? variable!.DType;
        ReadOnlySpan<long> shape = value is null ? variable!.ShapeSpan : value.ShapeSpan;
        var entry = new ObjectEntry
        {
            Address = address,
            Shape = (long*)Allocate(sizeof(long) * Math.Max(shape.Length, 1)),
            DTypeName = Shared(DTypes.Name(dtype)),
            Length = NdArray.ElementCount(shape),
            Rank = shape.Length,
            DType = (int)dtype,
            RType = (int)RArrays.RTypeOf(dtype),
        };
        shape.CopyTo(new Span<long>(entry.Shape, shape.Length));
        if (value is not null) entry.Data = DataFor(value);
        if (variable is not null)
        {
            entry.IsVariable = 1;
            entry.Name = Text(variable.Name);
            entry.Path = Text(variable.Path);
            entry.Aggregation = Shared(variable.Aggregation);
            entry.Synchronization = Shared(variable.Synchronization);
            entry.Trainable = variable.Trainable ? 1 : 0;
            entry.Autocast = variable.Autocast ? 1 : 0;
        }
        return entry;
    }

    /// <summary>
    /// Where the child reads <paramref name="value"/>'s elements: its own memory, pinned; for a
    /// transpose not read yet, a copy in the catalogue's memory, since reading the transpose
    /// would allocate its memory in R here, inside <c>fork()</c>, where a failure would leave the
    /// child no object to read.
    /// </summary>
    private static void* DataFor(NdArray value)
    {
        if (value.StorageObject is IDeferredStorage { Source: not null } deferred)
        {
            void* copy = NativeMemory.Alloc((nuint)Math.Max(value.NBytes, 1));
            Blocks.Add((nint)copy);
            deferred.CopyTo(copy);
            return copy;
        }
        var pin = value.Pin();
        Pins.Add(pin);
        return pin.Pointer;
    }

    /// <summary>A NUL-terminated UTF-8 copy.</summary>
    private static byte* Text(string text)
    {
        int n = Encoding.UTF8.GetByteCount(text);
        var bytes = (byte*)Allocate(n + 1);
        Encoding.UTF8.GetBytes(text, new Span<byte>(bytes, n));
        bytes[n] = 0;
        return bytes;
    }

    /// <summary>One copy for all the objects that share a string (dtype names, aggregations).</summary>
    private static byte* Shared(string text)
    {
        if (Texts.TryGetValue(text, out nint known)) return (byte*)known;
        byte* bytes = Text(text);
        Texts[text] = (nint)bytes;
        return bytes;
    }

    private static readonly Dictionary<string, nint> Texts = [];

    private const int BlockBytes = 1 << 20;
    private static byte* _next, _end;

    /// <summary>Native memory from blocks of a megabyte, freed together.</summary>
    private static void* Allocate(int bytes)
    {
        bytes = (bytes + 7) & ~7;
        if (_end - _next < bytes)
        {
            int size = Math.Max(bytes, BlockBytes);
            _next = (byte*)NativeMemory.Alloc((nuint)size);
            _end = _next + size;
            Blocks.Add((nint)_next);
        }
        void* block = _next;
        _next += bytes;
        return block;
    }

    private static void Release()
    {
        foreach (var pin in Pins) pin.Dispose();
        Pins.Clear();
        foreach (nint block in Blocks) NativeMemory.Free((void*)block);
        Blocks.Clear();
        Texts.Clear();
        _next = _end = null;
    }
}
