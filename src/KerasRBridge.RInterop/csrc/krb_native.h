/* Native half of the KerasRBridge R interop layer.
 *
 * Every R API call that can raise an R error runs here, inside R_UnwindProtect, so that an R
 * error (a longjmp) never crosses a managed frame. On an error the unwind is stopped in these
 * C frames and parked as "pending"; the managed caller unwinds its own frames with an
 * exception, and the C code that called into managed code resumes R's unwind with
 * krb_take_pending() + R_ContinueUnwind() once no managed frame is left on the stack.
 *
 * Every SEXP these functions hand to managed code is already on the protection list: the
 * caller receives the list cell and releases it with krb_release() (O(1)).
 */
#ifndef KRB_NATIVE_H
#define KRB_NATIVE_H

#include <signal.h>
#include <stdint.h>
#include <Rinternals.h>

#define KRB_OK 0
#define KRB_RERROR 1    /* an R error or interrupt was caught; its unwind is pending */
#define KRB_PENDING 2   /* refused: an earlier unwind is still pending */
#define KRB_NOMEM 3     /* R refused an allocation; the message says why (nothing is pending) */

#define KRB_API_VERSION 9

/* An R object for a .NET object (see krb_build_pointer_object). */
typedef struct krb_pointer_request {
    void *address;       /* the handle the external pointer carries */
    SEXP tag;            /* the pointer's tag: what kind of object it holds */
    SEXP owner;          /* kept alive by the pointer, which then has no finalizer; or R_NilValue */
    int at_exit;         /* whether the finalizer also runs when R exits */
    SEXP prototype;      /* copied with the pointer in its slots; R_NilValue for the bare pointer */
    SEXP slots;          /* a list of attribute names (symbols) */
    SEXP templates;      /* per slot: R_NilValue for the pointer itself, or a list copied with the pointer first */
    SEXP remember_on;    /* an external pointer whose protected value becomes the object; or R_NilValue */
    SEXP keeps;          /* without an owner: kept alive by the pointer, which keeps its finalizer
                            (a tensor's memory in R, which R then frees with it); or R_NilValue */
    SEXP keeps_template; /* R_NilValue, or an ALTREP template that carries `keeps` as its data1
                            (so that R's serialization writes the object's state, not its memory) */
    SEXP reuse;          /* R_NilValue, or an external pointer with no address (restored by R's
                            unserialize) made to carry the address instead of a new pointer */
} krb_pointer_request;

/* Called by R's GC when an external pointer made by make_pointer_object dies. */
typedef void (*krb_free_hook)(void *address);

/* ---- forks (krb_fork.c). A forked child has a copy of the .NET runtime's memory but none of
 * its threads: managed code must never run there. What the child can still do is read the
 * engine's objects as they were at the fork, from this catalogue, which the engine makes in
 * the parent just before the fork (its data pinned) and drops just after. */

/* The engine's dtypes, numbered as its DType enum (KerasRBridge.Engine.DType). */
enum krb_dtype {
    KRB_FLOAT16, KRB_BFLOAT16, KRB_FLOAT32, KRB_FLOAT64, KRB_INT8, KRB_INT16, KRB_INT32,
    KRB_INT64, KRB_UINT8, KRB_UINT16, KRB_UINT32, KRB_UINT64, KRB_BOOL, KRB_COMPLEX64,
    KRB_COMPLEX128
};

/* A tensor, or a variable and its value, as R holds it (by its external pointer's address). */
typedef struct krb_fork_object {
    void *address;
    const void *data;           /* the value's elements, column-major; NULL before initialisation */
    const int64_t *shape;
    const char *dtype_name;
    const char *name, *path, *aggregation, *synchronization; /* a variable's */
    int64_t length;
    int rank;
    int dtype;                  /* enum krb_dtype */
    int r_type;                 /* the SEXPTYPE as.array() gives */
    int is_variable;
    int trainable, autocast;
} krb_fork_object;

typedef struct krb_fork_catalogue {
    const krb_fork_object *objects; /* by increasing address */
    int64_t count;
    SEXP tensor_tag, variable_tag;  /* the tags of the engine's current objects */
    SEXP tensor_prototype, slots, templates; /* to make a variable's $value */
} krb_fork_catalogue;

/* Called in the parent on R's thread just before a fork: the catalogue, or NULL. */
typedef const krb_fork_catalogue *(*krb_fork_prepare_hook)(void);
/* Called in the parent just after the fork: the catalogue may go. */
typedef void (*krb_fork_parent_hook)(void);

typedef struct krb_native_api {
    int version;
    int (*init)(void);
    void (*set_free_hook)(krb_free_hook hook);
    int (*keep)(SEXP x, SEXP *cell);
    void (*release)(SEXP cell);
    R_xlen_t (*kept_count)(void);
    int (*alloc_vector)(int type, R_xlen_t length, SEXP *cell);
    int (*set_attrib)(SEXP x, SEXP symbol, SEXP value);
    int (*get_attrib)(SEXP x, SEXP symbol, SEXP *cell);
    int (*install)(const char *name, SEXP *symbol);
    int (*mkchar_utf8)(const char *text, int length, SEXP *cell);
    int (*dataptr)(SEXP x, void **pointer);
    int (*eval)(SEXP expr, SEXP env, SEXP *cell);
    int (*call)(SEXP function, SEXP *args, const char **names, int count, SEXP env, SEXP *cell);
    int (*parse)(const char *text, int *parse_status, SEXP *cell);
    int (*check_interrupt)(void);
    int (*take_pending)(SEXP *token);
    const char *(*error_message)(void);
    int (*toplevel)(int (*body)(void *), void *data);
    int (*repl_step)(void);
    int (*find_var)(SEXP env, SEXP symbol, int *found, SEXP *cell);
    int (*exists_var)(SEXP env, SEXP symbol, int *exists);
    int (*define_var)(SEXP env, SEXP symbol, SEXP value);
    int (*list_vars)(SEXP env, int all, SEXP *cell);
    int (*new_env)(SEXP parent, SEXP *cell);
    int (*duplicate)(SEXP x, SEXP *cell);
    int (*make_pointer_object)(const krb_pointer_request *request, SEXP *cell);
    int (*scalar_string_utf8)(const char *text, int length, SEXP *cell);
    int (*try_alloc_vector)(int type, R_xlen_t length, SEXP *cell, char *why, size_t why_size);
    int (*collect)(void);
    /* See krb_build_pointer_object: for C code with no managed frame below it. */
    SEXP (*build_pointer_object)(const krb_pointer_request *request, SEXP *pointer);
    void (*set_fork_hooks)(krb_fork_prepare_hook prepare, krb_fork_parent_hook parent);
    /* Whether this process is a fork of the one the engine runs in. */
    int (*in_forked_child)(void);
    /* In a forked child, answers what can be read there (see krb_fork.c); else NULL, with
     * *error_class and *error_message set. C code with no managed frame below it only. */
    SEXP (*forked_call)(const char *entry, SEXP *args, int count, const char **error_class, const char **error_message);
    /* R's thread's id and the signal dispositions before the .NET runtime started, recorded by
     * whoever starts it inside R (call with before = 1, then 0 once it runs). */
    void (*note_signals)(int before);
    /* Writes text to R's console as R's messages go (REprintf): a progress bar. R's thread only. */
    void (*console_error)(const char *text);
    /* Routes libR's SIGINT handlers onto R's thread (krb_sigint.c), given libR's dlopen handle:
     * 0 done, -1 failed. A .NET host's, called on R's thread; NULL in the R package. */
    int (*route_sigint)(void *libr);
    /* Adds a pipe to R's input handlers that wake() writes to, so that R's waits return
     * (krb_wake.c): 0 done, -1 failed. A .NET host's, on R's thread; NULL in the R package. */
    int (*wake_setup)(void);
    /* Makes a wait of R's return now; any thread. NULL in the R package. */
    void (*wake)(void);
} krb_native_api;

const krb_native_api *krb_native_table(void);

/* Builds the object a request describes, unprotected, and sets *pointer (when not NULL) to
 * its external pointer as soon as that exists. It allocates, so it may raise an R error: only
 * C code with no managed frame below it may call it directly (the package's shim does, for an
 * entry point's result); managed code goes through make_pointer_object. */
SEXP krb_build_pointer_object(const krb_pointer_request *request, SEXP *pointer);

/* krb_repl.c, krb_sigint.c and krb_wake.c, in a .NET host's libkrbnative.so only */
int krb_repl_step(void);
int krb_route_sigint(void *libr);
int krb_wake_setup(void);
void krb_wake(void);

/* krb_fork.c */
int krb_fork_init(void);
void krb_fork_set_hooks(krb_fork_prepare_hook prepare, krb_fork_parent_hook parent);
int krb_in_forked_child(void);
SEXP krb_forked_call(const char *entry, SEXP *args, int count, const char **error_class, const char **error_message);
void krb_note_signals(int before);
/* The handler a disposition names (sa_sigaction or sa_handler, by SA_SIGINFO). */
void *krb_handler_of(const struct sigaction *a);
/* Whose code lies at an address: the .NET runtime's libraries (its PAL, JIT and System.*
 * natives), another shared object, or none the dynamic loader knows (managed code: JIT-compiled,
 * or ReadyToRun images the runtime maps itself). */
#define KRB_CODE_UNMAPPED 0
#define KRB_CODE_RUNTIME 1
#define KRB_CODE_NATIVE 2
int krb_code_owner(const void *address);

#endif
