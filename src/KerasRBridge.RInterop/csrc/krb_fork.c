/* Forks of the process the .NET engine runs in (parallel::mclapply, mcparallel, makeForkCluster,
 * and any fork(2) another library makes).
 *
 * The child of a fork has a copy of the runtime's memory but none of its threads, so no managed
 * code may run there: the runtime would wait for threads that do not exist, and its signal
 * handlers would forward the child's signals to the process id it cached, the parent's (an
 * mclapply child's SIGTERM killed the parent). Three handlers run around every fork:
 *
 * - before it, in the parent: the engine pins what R holds and describes it in a catalogue
 *   (only on R's thread, where the engine can run), and the signals whose handlers belong to
 *   the runtime are listed;
 * - in the child: those signals get back the dispositions R gave them before the runtime
 *   started (or the default), and the process is marked as a forked child, in which the
 *   package reads objects from the catalogue and refuses everything else;
 * - after it, in the parent: the engine drops the catalogue.
 *
 * Only async-signal-safe calls run in the child's handler.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include "krb_native.h"

/* ---- signals */

static struct sigaction before_runtime[NSIG], after_runtime[NSIG], planned[NSIG];
static int noted_before = 0, noted_after = 0;
static int replanned[NSIG];

void krb_note_signals(int before)
{
    struct sigaction *into = before ? before_runtime : after_runtime;
    for (int s = 1; s < NSIG; s++) sigaction(s, NULL, &into[s]);
    if (before) noted_before = 1;
    else noted_after = 1;
}

void *krb_handler_of(const struct sigaction *a)
{
    return (a->sa_flags & SA_SIGINFO) ? (void *)a->sa_sigaction : (void *)a->sa_handler;
}

int krb_code_owner(const void *address)
{
    Dl_info info;
    if (address == NULL || !dladdr(address, &info) || info.dli_fname == NULL) return KRB_CODE_UNMAPPED;
    return strstr(info.dli_fname, "libcoreclr") != NULL || strstr(info.dli_fname, "libclrjit") != NULL
        || strstr(info.dli_fname, "libSystem.") != NULL ? KRB_CODE_RUNTIME : KRB_CODE_NATIVE;
}

static int same_action(const struct sigaction *a, const struct sigaction *b)
{
    return krb_handler_of(a) == krb_handler_of(b) && ((a->sa_flags ^ b->sa_flags) & SA_SIGINFO) == 0;
}

/* Whether the handler lives in the .NET runtime (its PAL or System.Native). */
static int runtime_handler(const struct sigaction *a)
{
    void *h = krb_handler_of(a);
    if (h == (void *)SIG_DFL || h == (void *)SIG_IGN) return 0;
    return krb_code_owner(h) == KRB_CODE_RUNTIME;
}

/* Decided in the parent, where dladdr is safe: the child only applies it. */
static void plan_signals(void)
{
    for (int s = 1; s < NSIG; s++) {
        replanned[s] = 0;
        if (s == SIGKILL || s == SIGSTOP) continue;
        struct sigaction now;
        if (sigaction(s, NULL, &now) != 0) continue;
        if (runtime_handler(&now)) {
            if (noted_before && !runtime_handler(&before_runtime[s])) {
                planned[s] = before_runtime[s];
            } else {
                memset(&planned[s], 0, sizeof planned[s]);
                planned[s].sa_handler = SIG_DFL;
            }
            replanned[s] = 1;
        } else if (noted_before && noted_after && same_action(&now, &after_runtime[s])
                   && !same_action(&after_runtime[s], &before_runtime[s])) {
            /* A disposition the runtime set without a handler of its own (SIGPIPE ignored). */
            planned[s] = before_runtime[s];
            replanned[s] = 1;
        }
    }
}

static void apply_signal_plan(void)
{
    for (int s = 1; s < NSIG; s++)
        if (replanned[s]) sigaction(s, &planned[s], NULL);
}

/* ---- the handlers around a fork */

static volatile sig_atomic_t forked_child = 0;
static pthread_t r_thread;
static krb_fork_prepare_hook prepare_hook = NULL;
static krb_fork_parent_hook parent_hook = NULL;
static const krb_fork_catalogue *catalogue = NULL;
static int catalogue_made = 0;

/* Signals stay blocked from just before the fork until the child has its dispositions back:
 * one sent to the child as soon as its pid is known (pskill() of an mcparallel() job) would
 * otherwise reach the runtime's handler before the child's handler had run. */
static sigset_t mask_before_fork;
static int signals_blocked = 0;

static void block_signals(void)
{
    sigset_t all;
    sigfillset(&all);
    signals_blocked = pthread_sigmask(SIG_BLOCK, &all, &mask_before_fork) == 0;
}

static void unblock_signals(void)
{
    if (signals_blocked) pthread_sigmask(SIG_SETMASK, &mask_before_fork, NULL);
    signals_blocked = 0;
}

static void before_fork(void)
{
    if (forked_child) return;
    plan_signals();
    catalogue_made = 0;
    if (prepare_hook != NULL && pthread_equal(pthread_self(), r_thread)) {
        catalogue = prepare_hook();
        catalogue_made = 1;
    }
    block_signals();
}

static void after_fork_in_parent(void)
{
    if (forked_child) return;
    unblock_signals();
    if (!catalogue_made) return;
    catalogue_made = 0;
    catalogue = NULL;
    parent_hook();
}

static void after_fork_in_child(void)
{
    if (forked_child) return;
    forked_child = 1;
    apply_signal_plan();
    unblock_signals();
}

int krb_fork_init(void)
{
    static int registered = 0;
    r_thread = pthread_self();
    if (registered) return KRB_OK;
    if (pthread_atfork(before_fork, after_fork_in_parent, after_fork_in_child) != 0) return KRB_NOMEM;
    registered = 1;
    return KRB_OK;
}

void krb_fork_set_hooks(krb_fork_prepare_hook prepare, krb_fork_parent_hook parent)
{
    prepare_hook = prepare;
    parent_hook = parent;
}

int krb_in_forked_child(void) { return forked_child; }

/* ---- reading the catalogue in a child */

static const char *const fork_message =
    "The kerasbridge .NET engine does not run in a forked child process (parallel::mclapply(), "
    "mcparallel(), makeForkCluster()). Here only tensors and variables made before the fork can "
    "be read: as.array(), dim(), $value, $shape, $dtype, print(). To use the engine in parallel, "
    "use workers that load kerasbridge themselves: parallel::makePSOCKcluster() or callr::r().";

static char message_buffer[512];

/* Sets the error of a forked call; gives NULL, its result. */
static SEXP fail(const char **error_class, const char **error_message, const char *cls, const char *message)
{
    *error_class = cls;
    *error_message = message;
    return NULL;
}

static SEXP pointer_of(SEXP x)
{
    if (TYPEOF(x) == EXTPTRSXP) return x;
    if (Rf_isS4(x)) {
        SEXP ptr = Rf_getAttrib(x, Rf_install("ptr"));
        if (TYPEOF(ptr) == EXTPTRSXP) return ptr;
    }
    return R_NilValue;
}

/* The catalogue's object behind x; *as_tensor tells whether x stands for a tensor (a
 * variable's $value carries the variable's address under the tensor tag). */
static const krb_fork_object *find(SEXP x, int *as_tensor, const char **error_class, const char **error_message)
{
    SEXP ptr = pointer_of(x);
    if (catalogue == NULL) {
        fail(error_class, error_message, "forked_child_error", fork_message);
        return NULL;
    }
    SEXP tag = ptr == R_NilValue ? R_NilValue : R_ExternalPtrTag(ptr);
    if (tag != catalogue->tensor_tag && tag != catalogue->variable_tag) {
        fail(error_class, error_message, "type_error", "Argument `x` must be a kerasbridge tensor or variable.");
        return NULL;
    }
    void *address = R_ExternalPtrAddr(ptr);
    int64_t low = 0, high = catalogue->count - 1;
    while (low <= high) {
        int64_t middle = low + (high - low) / 2;
        const krb_fork_object *o = &catalogue->objects[middle];
        if (o->address == address) {
            *as_tensor = tag == catalogue->tensor_tag;
            return o;
        }
        if ((uintptr_t)o->address < (uintptr_t)address) low = middle + 1;
        else high = middle - 1;
    }
    fail(error_class, error_message, "value_error",
         "Argument `x` is a kerasbridge object whose data is not available in this forked child "
         "(from a previous session, or made after the fork).");
    return NULL;
}

static double half_to_double(uint16_t h)
{
    uint64_t sign = (uint64_t)(h >> 15) << 63;
    int exponent = (h >> 10) & 0x1f;
    uint64_t mantissa = h & 0x3ff;
    double magnitude;
    if (exponent == 0x1f) {
        /* Infinity or NaN, the payload kept as .NET keeps it. */
        uint64_t bits = sign | ((uint64_t)0x7ff << 52) | (mantissa << 42);
        memcpy(&magnitude, &bits, sizeof magnitude);
        return magnitude;
    }
    magnitude = exponent == 0 ? ldexp((double)mantissa, -24) : ldexp((double)(mantissa | 0x400), exponent - 25);
    return sign ? -magnitude : magnitude;
}

static double bfloat16_to_double(uint16_t b)
{
    uint32_t bits = (uint32_t)b << 16;
    float f;
    memcpy(&f, &bits, sizeof f);
    return f;
}

/* Element i as a double, for the dtypes R holds as doubles. */
static double element_double(int dtype, const void *data, int64_t i)
{
    switch (dtype) {
    case KRB_FLOAT16: return half_to_double(((const uint16_t *)data)[i]);
    case KRB_BFLOAT16: return bfloat16_to_double(((const uint16_t *)data)[i]);
    case KRB_FLOAT32: return ((const float *)data)[i];
    case KRB_FLOAT64: return ((const double *)data)[i];
    case KRB_INT64: return (double)((const int64_t *)data)[i];
    case KRB_UINT32: return ((const uint32_t *)data)[i];
    case KRB_UINT64: return (double)((const uint64_t *)data)[i];
    default: return NA_REAL;
    }
}

/* Element i as an int, for the dtypes R holds as integers or logicals. */
static int element_int(int dtype, const void *data, int64_t i)
{
    switch (dtype) {
    case KRB_INT8: return ((const int8_t *)data)[i];
    case KRB_INT16: return ((const int16_t *)data)[i];
    case KRB_INT32: return ((const int32_t *)data)[i];
    case KRB_UINT8: return ((const uint8_t *)data)[i];
    case KRB_UINT16: return ((const uint16_t *)data)[i];
    case KRB_BOOL: return ((const uint8_t *)data)[i] != 0;
    default: return NA_INTEGER;
    }
}

static Rcomplex element_complex(int dtype, const void *data, int64_t i)
{
    Rcomplex z;
    if (dtype == KRB_COMPLEX64) {
        z.r = ((const float *)data)[2 * i];
        z.i = ((const float *)data)[2 * i + 1];
    } else {
        z.r = ((const double *)data)[2 * i];
        z.i = ((const double *)data)[2 * i + 1];
    }
    return z;
}

static SEXP utf8_string(const char *text) { return Rf_ScalarString(Rf_mkCharCE(text, CE_UTF8)); }

static SEXP shape_value(const krb_fork_object *o)
{
    int fits = 1;
    for (int d = 0; d < o->rank; d++) fits = fits && o->shape[d] <= INT_MAX;
    SEXP shape = PROTECT(Rf_allocVector(fits ? INTSXP : REALSXP, o->rank));
    for (int d = 0; d < o->rank; d++) {
        if (fits) INTEGER(shape)[d] = (int)o->shape[d];
        else REAL(shape)[d] = (double)o->shape[d];
    }
    UNPROTECT(1);
    return shape;
}

static SEXP to_r(const krb_fork_object *o, const char **error_class, const char **error_message)
{
    if (o->data == NULL && o->length > 0)
        return fail(error_class, error_message, "value_error", "The variable has no value yet: it was never initialised before the fork.");
    for (int d = 0; d < o->rank; d++)
        if (o->shape[d] > INT_MAX)
            return fail(error_class, error_message, "value_error", "A dimension is too large for an R array.");
    SEXP x = PROTECT(Rf_allocVector(o->r_type, (R_xlen_t)o->length));
    for (int64_t i = 0; i < o->length; i++) {
        switch (o->r_type) {
        case REALSXP: REAL(x)[i] = element_double(o->dtype, o->data, i); break;
        case INTSXP: INTEGER(x)[i] = element_int(o->dtype, o->data, i); break;
        case LGLSXP: LOGICAL(x)[i] = element_int(o->dtype, o->data, i); break;
        default: COMPLEX(x)[i] = element_complex(o->dtype, o->data, i); break;
        }
    }
    if (o->rank >= 1) {
        SEXP dim = PROTECT(Rf_allocVector(INTSXP, o->rank));
        for (int d = 0; d < o->rank; d++) INTEGER(dim)[d] = (int)o->shape[d];
        Rf_setAttrib(x, R_DimSymbol, dim);
        UNPROTECT(1);
    }
    UNPROTECT(1);
    return x;
}

static SEXP no_attribute(const char *kind, SEXP field, const char **error_class, const char **error_message)
{
    snprintf(message_buffer, sizeof message_buffer, "'%s' object has no attribute '%.200s'", kind, CHAR(STRING_ELT(field, 0)));
    return fail(error_class, error_message, "attribute_error", message_buffer);
}

static SEXP tensor_field(const krb_fork_object *o, SEXP field, const char **error_class, const char **error_message)
{
    const char *name = CHAR(STRING_ELT(field, 0));
    if (strcmp(name, "dtype") == 0) return utf8_string(o->dtype_name);
    if (strcmp(name, "ndim") == 0) return Rf_ScalarInteger(o->rank);
    if (strcmp(name, "shape") == 0) return shape_value(o);
    return NULL;
}

static SEXP value_tensor(const krb_fork_object *o, SEXP variable)
{
    krb_pointer_request request = {
        o->address, catalogue->tensor_tag, pointer_of(variable), 0,
        catalogue->tensor_prototype, catalogue->slots, catalogue->templates, R_NilValue, R_NilValue,
        R_NilValue, R_NilValue
    };
    return krb_build_pointer_object(&request, NULL);
}

static SEXP variable_field(const krb_fork_object *o, SEXP x, SEXP field, const char **error_class, const char **error_message)
{
    const char *name = CHAR(STRING_ELT(field, 0));
    SEXP common = tensor_field(o, field, error_class, error_message);
    if (common != NULL) return common;
    if (strcmp(name, "name") == 0) return utf8_string(o->name);
    if (strcmp(name, "path") == 0) return utf8_string(o->path);
    if (strcmp(name, "aggregation") == 0) return utf8_string(o->aggregation);
    if (strcmp(name, "synchronization") == 0) return utf8_string(o->synchronization);
    if (strcmp(name, "trainable") == 0) return Rf_ScalarLogical(o->trainable);
    if (strcmp(name, "autocast") == 0) return Rf_ScalarLogical(o->autocast);
    if (strcmp(name, "value") == 0) return value_tensor(o, x);
    return no_attribute("Variable", field, error_class, error_message);
}

/* The header print() shows above the values, as the engine's describe entry words it. */
static SEXP header(const krb_fork_object *o, int as_tensor)
{
    char shape[256] = "(";
    size_t used = 1;
    for (int d = 0; d < o->rank && used < sizeof shape - 32; d++)
        used += (size_t)snprintf(shape + used, sizeof shape - used, "%s%lld", d > 0 ? ", " : "", (long long)o->shape[d]);
    snprintf(shape + used, sizeof shape - used, o->rank == 1 ? ",)" : ")");
    if (o->is_variable && !as_tensor)
        snprintf(message_buffer, sizeof message_buffer, "<Variable path=%s, shape=%s, dtype=%s>", o->path, shape, o->dtype_name);
    else
        snprintf(message_buffer, sizeof message_buffer, "<Tensor shape=%s, dtype=%s>", shape, o->dtype_name);
    return utf8_string(message_buffer);
}

/* What R's serialization writes for a tensor or variable (the bridge's SavedObjects, format 1),
 * made from the catalogue: a forked child cannot ask the engine, and parallel::mclapply()
 * serializes what its workers return. The fields and their order are SavedObjects'; the tests
 * compare what a child returns with the parent's object. */
static SEXP saved_state(const krb_fork_object *o, int as_tensor, const char **error_class, const char **error_message)
{
    static const int element_sizes[] = { 2, 2, 4, 8, 1, 2, 4, 8, 1, 2, 4, 8, 1, 8, 16 };
    if (o->data == NULL || o->dtype < 0 || o->dtype > KRB_COMPLEX128)
        return fail(error_class, error_message, "value_error", "This object cannot be saved in a forked child.");
    int variable = o->is_variable && !as_tensor;
    const char *names[] = { "format", "kind", "dtype", "shape", "data", "name", "path", "trainable", "autocast",
                            "aggregation", "synchronization" };
    int n = variable ? 11 : 5;
    SEXP state = PROTECT(Rf_allocVector(VECSXP, n));
    SEXP state_names = PROTECT(Rf_allocVector(STRSXP, n));
    for (int i = 0; i < n; i++) SET_STRING_ELT(state_names, i, Rf_mkChar(names[i]));
    Rf_setAttrib(state, R_NamesSymbol, state_names);
    SET_VECTOR_ELT(state, 0, Rf_ScalarInteger(1));
    SET_VECTOR_ELT(state, 1, utf8_string(variable ? "variable" : "tensor"));
    SET_VECTOR_ELT(state, 2, utf8_string(o->dtype_name));
    SEXP shape = Rf_allocVector(REALSXP, o->rank);
    SET_VECTOR_ELT(state, 3, shape);
    for (int d = 0; d < o->rank; d++) REAL(shape)[d] = (double)o->shape[d];
    R_xlen_t bytes = (R_xlen_t)o->length * element_sizes[o->dtype];
    SEXP data = Rf_allocVector(RAWSXP, bytes);
    SET_VECTOR_ELT(state, 4, data);
    if (bytes > 0) memcpy(RAW(data), o->data, (size_t)bytes);
    if (variable) {
        SET_VECTOR_ELT(state, 5, utf8_string(o->name));
        SET_VECTOR_ELT(state, 6, utf8_string(o->path));
        SET_VECTOR_ELT(state, 7, Rf_ScalarLogical(o->trainable));
        SET_VECTOR_ELT(state, 8, Rf_ScalarLogical(o->autocast));
        SET_VECTOR_ELT(state, 9, utf8_string(o->aggregation));
        SET_VECTOR_ELT(state, 10, utf8_string(o->synchronization));
    }
    UNPROTECT(2);
    return state;
}

static int is_string(SEXP x) { return TYPEOF(x) == STRSXP && XLENGTH(x) == 1 && STRING_ELT(x, 0) != NA_STRING; }

SEXP krb_forked_call(const char *entry, SEXP *args, int count, const char **error_class, const char **error_message)
{
    int reads = strcmp(entry, "to_r") == 0 || strcmp(entry, "describe") == 0 || strcmp(entry, "usable") == 0 ||
                strcmp(entry, "tensor_field") == 0 || strcmp(entry, "variable_field") == 0 ||
                strcmp(entry, "object_state") == 0;
    if (!reads || count < 1) return fail(error_class, error_message, "forked_child_error", fork_message);
    int as_tensor = 0;
    const krb_fork_object *o = find(args[0], &as_tensor, error_class, error_message);
    if (o == NULL) return NULL;
    if (strcmp(entry, "to_r") == 0) return to_r(o, error_class, error_message);
    if (strcmp(entry, "describe") == 0) return header(o, as_tensor);
    if (strcmp(entry, "usable") == 0) return Rf_ScalarLogical(TRUE);
    if (strcmp(entry, "object_state") == 0) return saved_state(o, as_tensor, error_class, error_message);
    if (count < 2 || !is_string(args[1]))
        return fail(error_class, error_message, "type_error", "The attribute must be named by a single string.");
    if (strcmp(entry, "tensor_field") == 0) {
        SEXP value = tensor_field(o, args[1], error_class, error_message);
        return value != NULL ? value : no_attribute("Tensor", args[1], error_class, error_message);
    }
    if (as_tensor || !o->is_variable)
        return fail(error_class, error_message, "type_error", "Argument `variable` must be a kerasbridge variable.");
    return variable_field(o, args[0], args[1], error_class, error_message);
}
