using System.Runtime.InteropServices;

namespace KerasRBridge.Engine;

/// <summary>
/// LAPACK's LU factorization and solve (<c>dgetrf</c>, <c>dgetrs</c>) and Cholesky factorization
/// (<c>dpotrf</c>) from the library
/// <see cref="Blas"/> chose, when it has them (OpenBLAS does): blocked, on the library's threads.
/// </summary>
internal static unsafe class Lapack
{
    private static readonly delegate* unmanaged<int*, int*, double*, int*, int*, int*, void> Dgetrf;
    private static readonly delegate* unmanaged<byte*, int*, int*, double*, int*, int*, double*, int*, int*, nuint, void> Dgetrs;
    private static readonly delegate* unmanaged<byte*, int*, double*, int*, int*, nuint, void> Dpotrf;

    static Lapack()
    {
        if (Blas.Library == 0
            || !NativeLibrary.TryGetExport(Blas.Library, "dgetrf_", out var getrf)
            || !NativeLibrary.TryGetExport(Blas.Library, "dgetrs_", out var getrs)
            || !NativeLibrary.TryGetExport(Blas.Library, "dpotrf_", out var potrf)) return;
        Dgetrf = (delegate* unmanaged<int*, int*, double*, int*, int*, int*, void>)getrf;
        Dgetrs = (delegate* unmanaged<byte*, int*, int*, double*, int*, int*, double*, int*, int*, nuint, void>)getrs;
        Dpotrf = (delegate* unmanaged<byte*, int*, double*, int*, int*, nuint, void>)potrf;
    }

    /// <summary>Whether the chosen library has these LAPACK routines.</summary>
    internal static bool Available => Dgetrf != null;

    /// <summary>
    /// Factors the column-major <paramref name="rows"/> x <paramref name="columns"/>
    /// <paramref name="lu"/> in place (unit-lower L below the diagonal, U on and above);
    /// <paramref name="pivots"/>[i] (0-based), one per step, is the row swapped with row i. False
    /// when a pivot is exactly zero; the factorization is complete all the same.
    /// </summary>
    internal static bool Factor(Span<double> lu, int rows, int columns, Span<int> pivots)
    {
        int info, lda = Math.Max(1, rows);
        fixed (double* a = lu)
        fixed (int* p = pivots)
            Dgetrf(&rows, &columns, a, &lda, p, &info);
        for (int i = 0; i < Math.Min(rows, columns); i++) pivots[i]--;
        return info == 0;
    }

    /// <summary>
    /// Overwrites the column-major n x <paramref name="count"/> <paramref name="columns"/> with the
    /// solutions of the factored system (<see cref="Factor"/>'s <paramref name="lu"/> and
    /// <paramref name="pivots"/>).
    /// </summary>
    internal static void Solve(ReadOnlySpan<double> lu, ReadOnlySpan<int> pivots, int n, Span<double> columns, int count)
    {
        Span<int> oneBased = n <= 1024 ? stackalloc int[n] : new int[n];
        for (int i = 0; i < n; i++) oneBased[i] = pivots[i] + 1;
        byte none = (byte)'N';
        int info, order = n, right = count, lda = Math.Max(1, n), ldb = Math.Max(1, n);
        fixed (double* a = lu)
        fixed (int* p = oneBased)
        fixed (double* b = columns)
            Dgetrs(&none, &order, &right, a, &lda, p, b, &ldb, &info, 1);
    }

    /// <summary>
    /// Overwrites the lower triangle of the column-major n x n <paramref name="a"/> with the
    /// Cholesky factor L of <c>a = L L^T</c>, read from that triangle; the upper one is left as
    /// it is. False when <paramref name="a"/> is not positive definite.
    /// </summary>
    internal static bool CholeskyLower(Span<double> a, int n)
    {
        byte lower = (byte)'L';
        int info, order = n, lda = Math.Max(1, n);
        fixed (double* p = a)
            Dpotrf(&lower, &order, p, &lda, &info, 1);
        return info == 0;
    }
}
