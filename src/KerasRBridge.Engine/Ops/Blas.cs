using System.Runtime.InteropServices;

namespace KerasRBridge.Engine;

/// <summary>
/// The optimized BLAS the engine's matrix products go through, found once at run time: the
/// library <c>KERASBRIDGE_BLAS</c> names (<c>none</c> keeps the engine's own kernel), else the
/// BLAS already loaded in the process (the one R links, when R hosts the engine) unless it is the
/// reference BLAS, else Debian's OpenBLAS. Without one, products use the engine's vectorised
/// kernel.
/// </summary>
/// <remarks>
/// Tensors are column-major, as BLAS's matrices, so a product is one <c>?gemm</c> call with no
/// transposition. The reference BLAS is passed over because the engine's kernel is several times
/// faster than it.
/// </remarks>
internal static unsafe class Blas
{
    private const string Variable = "KERASBRIDGE_BLAS";

    // The Fortran ABI: every argument by reference, then the hidden lengths of the two
    // character arguments.
    private static readonly delegate* unmanaged<byte*, byte*, int*, int*, int*, float*, float*, int*, float*, int*, float*, float*, int*, nuint, nuint, void> Sgemm;
    private static readonly delegate* unmanaged<byte*, byte*, int*, int*, int*, double*, double*, int*, double*, int*, double*, double*, int*, nuint, nuint, void> Dgemm;

    /// <summary>What products use, for people and benchmark reports.</summary>
    internal static string Description { get; }

    /// <summary>The library's handle, 0 when products use the engine's kernel.</summary>
    internal static nint Library { get; }

    static Blas()
    {
        var (library, description) = Find();
        Description = description;
        Library = library;
        if (library == 0) return;
        Sgemm = (delegate* unmanaged<byte*, byte*, int*, int*, int*, float*, float*, int*, float*, int*, float*, float*, int*, nuint, nuint, void>)
            NativeLibrary.GetExport(library, "sgemm_");
        Dgemm = (delegate* unmanaged<byte*, byte*, int*, int*, int*, double*, double*, int*, double*, int*, double*, double*, int*, nuint, nuint, void>)
            NativeLibrary.GetExport(library, "dgemm_");
    }

    /// <summary>
    /// <c>c = a b</c> for column-major <c>a</c> (m x k), <c>b</c> (k x n) and <c>c</c> (m x n)
    /// through BLAS, when a BLAS is in use and <typeparamref name="T"/> is float32 or float64;
    /// false otherwise, and <paramref name="c"/> is untouched.
    /// </summary>
    internal static bool TryGemm<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n) where T : unmanaged
    {
        if (Sgemm == null || (typeof(T) != typeof(float) && typeof(T) != typeof(double))) return false;
        if (m == 0 || n == 0) return true;
        if (k == 0)
        {
            c.Clear();
            return true;
        }
        // BLAS stops the process (xerbla) on a leading dimension below 1, so none is.
        byte none = (byte)'N';
        int lda = m, ldb = k, ldc = m;
        fixed (T* pa = a, pb = b, pc = c)
        {
            if (typeof(T) == typeof(float))
            {
                float one = 1, zero = 0;
                Sgemm(&none, &none, &m, &n, &k, &one, (float*)pa, &lda, (float*)pb, &ldb, &zero, (float*)pc, &ldc, 1, 1);
            }
            else
            {
                double one = 1, zero = 0;
                Dgemm(&none, &none, &m, &n, &k, &one, (double*)pa, &lda, (double*)pb, &ldb, &zero, (double*)pc, &ldc, 1, 1);
            }
        }
        return true;
    }

    private static (nint Library, string Description) Find()
    {
        const string Kernel = "the engine's vectorised kernel";
        var named = Environment.GetEnvironmentVariable(Variable);
        if (string.Equals(named, "none", StringComparison.OrdinalIgnoreCase))
            return (0, $"{Kernel} ({Variable}=none)");
        if (!string.IsNullOrEmpty(named))
        {
            return NativeLibrary.TryLoad(named, out var chosen) && HasGemm(chosen)
                ? (chosen, $"BLAS {named} ({Variable})")
                : (0, $"{Kernel} ({Variable}={named} could not be loaded or has no sgemm_/dgemm_)");
        }

        var loaded = LoadedBlasPath();
        if (loaded is not null && !IsReference(loaded) && NativeLibrary.TryLoad(loaded, out var linked) && HasGemm(linked))
            return (linked, $"BLAS {loaded} (already loaded in the process)");
        foreach (var name in DebianOpenBlas)
        {
            if (NativeLibrary.TryLoad(name, out var openBlas) && HasGemm(openBlas))
                return (openBlas, $"OpenBLAS {name}");
        }
        return (0, loaded is null
            ? $"{Kernel} (no optimized BLAS found)"
            : $"{Kernel} (the process's BLAS {loaded} is the reference BLAS, slower than the kernel)");
    }

    // Debian's packages libopenblas0-pthread, -openmp and -serial all provide this name.
    private static readonly string[] DebianOpenBlas = ["libopenblas.so.0", "/usr/lib/x86_64-linux-gnu/libopenblas.so.0", "/usr/lib/aarch64-linux-gnu/libopenblas.so.0"];

    private static bool HasGemm(nint library) =>
        NativeLibrary.TryGetExport(library, "sgemm_", out _) && NativeLibrary.TryGetExport(library, "dgemm_", out _);

    /// <summary>The file of the <c>dgemm_</c> the process already has loaded, if any.</summary>
    private static string? LoadedBlasPath()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return null;
        if (!NativeLibrary.TryGetExport(NativeLibrary.GetMainProgramHandle(), "dgemm_", out var symbol)) return null;
        try
        {
            if (DlAddr(symbol, out var info) == 0 || info.FileName == 0) return null;
            var path = Marshal.PtrToStringUTF8(info.FileName);
            return path is null ? null : Path.GetFullPath(new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or IOException)
        {
            return null;
        }
    }

    // R's own libRblas and the netlib BLAS Debian installs under blas/ are the reference BLAS.
    private static bool IsReference(string path) =>
        Path.GetFileName(path).StartsWith("libRblas", StringComparison.Ordinal) ||
        Path.GetFileName(Path.GetDirectoryName(path)) == "blas";

    [StructLayout(LayoutKind.Sequential)]
    private struct DlInfo
    {
        public nint FileName;
        public nint FileBase;
        public nint SymbolName;
        public nint SymbolAddress;
    }

    [DllImport("libc", EntryPoint = "dladdr")]
    private static extern int DlAddr(nint address, out DlInfo info);
}
