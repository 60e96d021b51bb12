/* The physical floor of a conversion, measured beside ours and NumPy in the same run: one plain
 * C loop on one core, casting R doubles to float (or float back to double, or copying doubles)
 * into a buffer that was allocated and touched once, so that neither an allocator nor first-touch
 * page faults are in it. The `_fresh` twins run the same loop into pages mapped for the call and
 * unmapped after it, which is where any conversion that returns new memory starts from; the gap
 * between the two is what fresh memory costs on this machine. From 2 MiB the fresh pages are
 * transparent huge pages (madvise), the cheapest new memory this machine gives: the engine asks
 * for them from 2 MiB (for its tensors and for the R vectors it fills), NumPy from 4 MiB, and on
 * this VM one 2 MiB page faults in at a small fraction of the cost of 512 pages of 4 KiB.
 * Compiled at bench time by bench/R/floor.R (R CMD SHLIB into bench/tmp/), called with .Call. */
#include <R.h>
#include <Rinternals.h>
#include <string.h>
#include <sys/mman.h>

static void release(SEXP buffer)
{
    void *data = R_ExternalPtrAddr(buffer);
    if (data) {
        munmap(data, (size_t) REAL(R_ExternalPtrProtected(buffer))[0]);
        R_ClearExternalPtr(buffer);
    }
}

/* A buffer of `bytes`, every page written once now so that later loops find it resident. */
SEXP floor_buffer(SEXP bytes)
{
    size_t size = (size_t) asReal(bytes);
    void *data = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (data == MAP_FAILED) error("floor: cannot map %.0f bytes", (double) size);
    memset(data, 0, size);
    SEXP keep = PROTECT(ScalarReal((double) size));
    SEXP buffer = PROTECT(R_MakeExternalPtr(data, R_NilValue, keep));
    R_RegisterCFinalizerEx(buffer, release, TRUE);
    UNPROTECT(2);
    return buffer;
}

static void *fresh(size_t size)
{
    void *data = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (data == MAP_FAILED) error("floor: cannot map %.0f bytes", (double) size);
    if (size >= (2u << 20)) madvise(data, size, MADV_HUGEPAGE);
    return data;
}

static void cast_to_float(const double *in, float *out, R_xlen_t n)
{
    for (R_xlen_t i = 0; i < n; i++) out[i] = (float) in[i];
}

static void cast_to_double(const float *in, double *out, R_xlen_t n)
{
    for (R_xlen_t i = 0; i < n; i++) out[i] = (double) in[i];
}

/* x: R doubles; buffer: floor_buffer() of at least 4 * length(x) bytes. */
SEXP floor_to_float(SEXP x, SEXP buffer)
{
    cast_to_float(REAL_RO(x), R_ExternalPtrAddr(buffer), XLENGTH(x));
    return R_NilValue;
}

/* floats: a buffer holding n floats; buffer: floor_buffer() of at least 8 * n bytes. */
SEXP floor_to_double(SEXP floats, SEXP buffer, SEXP n)
{
    cast_to_double(R_ExternalPtrAddr(floats), R_ExternalPtrAddr(buffer), (R_xlen_t) asReal(n));
    return R_NilValue;
}

/* x: R doubles; buffer: floor_buffer() of at least 8 * length(x) bytes. */
SEXP floor_copy(SEXP x, SEXP buffer)
{
    memcpy(R_ExternalPtrAddr(buffer), REAL_RO(x), (size_t) XLENGTH(x) * sizeof(double));
    return R_NilValue;
}

SEXP floor_to_float_fresh(SEXP x)
{
    R_xlen_t n = XLENGTH(x);
    float *out = fresh((size_t) n * sizeof(float));
    cast_to_float(REAL_RO(x), out, n);
    munmap(out, (size_t) n * sizeof(float));
    return R_NilValue;
}

SEXP floor_to_double_fresh(SEXP floats, SEXP n)
{
    R_xlen_t count = (R_xlen_t) asReal(n);
    double *out = fresh((size_t) count * sizeof(double));
    cast_to_double(R_ExternalPtrAddr(floats), out, count);
    munmap(out, (size_t) count * sizeof(double));
    return R_NilValue;
}

SEXP floor_copy_fresh(SEXP x)
{
    size_t size = (size_t) XLENGTH(x) * sizeof(double);
    void *out = fresh(size);
    memcpy(out, REAL_RO(x), size);
    munmap(out, size);
    return R_NilValue;
}
