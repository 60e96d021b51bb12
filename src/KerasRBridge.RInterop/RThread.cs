using System.Collections.Concurrent;
using KerasRBridge.RInterop.Native;

namespace KerasRBridge.RInterop;

/// <summary>
/// R is single-threaded: this records which thread is R's, checks that R calls are made on
/// it, and holds the releases that other threads (the finalizer among them) may only queue.
/// </summary>
public static class RThread
{
    private static int _threadId = -1;
    private static readonly ConcurrentQueue<Sexp> PendingReleases = new();

    /// <summary>Whether R has been bound to a thread in this process.</summary>
    public static bool IsBound => _threadId != -1;

    /// <summary>Whether the calling thread is R's thread.</summary>
    public static bool IsCurrent => Environment.CurrentManagedThreadId == _threadId;

    /// <summary>The number of protection-list releases waiting for the R thread.</summary>
    public static int QueuedReleases => PendingReleases.Count;

    /// <summary>Makes the calling thread R's thread.</summary>
    internal static void Bind() => _threadId = Environment.CurrentManagedThreadId;

    /// <summary>Throws unless the calling thread is R's thread.</summary>
    /// <exception cref="InvalidOperationException">Called from another thread, or before R runs.</exception>
    public static void Ensure()
    {
        if (_threadId == -1)
            throw new InvalidOperationException("R is not running in this process: start it with REngine.Start(), or load kerasbridge from R.");
        if (!IsCurrent)
            throw new InvalidOperationException(
                $"R can only be called from its own thread (managed thread {_threadId}); this is thread {Environment.CurrentManagedThreadId}. Use REngine.Invoke to run code on R's thread.");
    }

    /// <summary>Releases a protection-list cell now if on R's thread, else queues it.</summary>
    internal static void Release(Sexp cell)
    {
        if (IsCurrent) NativeHelpers.Release(cell);
        else PendingReleases.Enqueue(cell);
    }

    /// <summary>Releases everything queued by other threads; R's thread calls this on every entry.</summary>
    public static void DrainReleases()
    {
        while (PendingReleases.TryDequeue(out Sexp cell)) NativeHelpers.Release(cell);
    }
}
