namespace KerasRBridge.Benchmarks;

/// <summary>The yardstick every figure is a ratio to: copying the same bytes into a warm buffer.</summary>
internal static unsafe class Memcpy
{
    public static void Copy(void* source, byte[] target, long bytes)
    {
        fixed (byte* t = target) Buffer.MemoryCopy(source, t, target.Length, bytes);
    }

    public static void Copy<T>(T[] source, byte[] target) where T : unmanaged
    {
        fixed (T* s = source) Copy(s, target, (long)source.Length * sizeof(T));
    }
}
