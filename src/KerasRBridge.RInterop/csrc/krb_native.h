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

#include <Rinternals.h>

#define KRB_OK 0
#define KRB_RERROR 1    /* an R error or interrupt was caught; its unwind is pending */
#define KRB_PENDING 2   /* refused: an earlier unwind is still pending */
#define KRB_NOMEM 3     /* R refused an allocation; the message says why (nothing is pending) */

#define KRB_API_VERSION 3

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
} krb_pointer_request;

/* Called by R's GC when an external pointer made by make_pointer_object dies. */
typedef void (*krb_free_hook)(void *address);

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
} krb_native_api;

const krb_native_api *krb_native_table(void);

/* Builds the object a request describes, unprotected, and sets *pointer (when not NULL) to
 * its external pointer as soon as that exists. It allocates, so it may raise an R error: only
 * C code with no managed frame below it may call it directly (the package's shim does, for an
 * entry point's result); managed code goes through make_pointer_object. */
SEXP krb_build_pointer_object(const krb_pointer_request *request, SEXP *pointer);

#endif
