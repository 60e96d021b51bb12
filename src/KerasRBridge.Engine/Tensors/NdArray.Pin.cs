using System.Buffers;
using System.Runtime.InteropServices;

namespace KerasRBridge.Engine;

public sealed partial class NdArray
{
    /// <summary>
    /// Keeps the elements where they are in memory until the handle is disposed: its pointer is
    /// the first element, column-major, for native code to read (never to write).
    /// </summary>
    public unsafe MemoryHandle Pin()
    {
        var handle = GCHandle.Alloc(_data, GCHandleType.Pinned);
        return new MemoryHandle((void*)handle.AddrOfPinnedObject(), handle);
    }
}
