#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include "krb_native.h"
#include <R_ext/Altrep.h>
#include <R_ext/Parse.h>
#include <R_ext/Utils.h>
#include <Rversion.h>

/* ---- protection list: a doubly linked pairlist (CAR = previous, CDR = next, TAG = object)
 * hanging from a preserved head, so that insert and release are O(1). Released cells wait on a
 * free list for reuse: most calls into the engine keep and release a few objects, and taking a
 * warm cell costs no allocation (so cannot fail) where a fresh cons would touch cold memory. */

#define KRB_FREE_CELLS_MAX 1024

static SEXP krb_head = NULL;
static SEXP krb_free = NULL; /* head of the free cells, linked through CDR */
static int krb_free_count = 0;
static R_xlen_t krb_count = 0;
static SEXP krb_token = NULL;
static int krb_pending = 0;
static krb_free_hook krb_hook = NULL;

static SEXP link_cell(SEXP cell, SEXP x)
{
    SEXP next = CDR(krb_head);
    SETCAR(cell, krb_head);
    SETCDR(cell, next);
    SET_TAG(cell, x);
    SETCDR(krb_head, cell);
    if (next != R_NilValue) SETCAR(next, cell);
    krb_count++;
    return cell;
}

/* Needs no allocation, so raises no R error, while a free cell is waiting. */
static SEXP insert_cell(SEXP x)
{
    if (krb_free_count > 0) {
        SEXP cell = CDR(krb_free);
        SETCDR(krb_free, CDR(cell));
        krb_free_count--;
        return link_cell(cell, x);
    }
    PROTECT(x);
    SEXP cell = link_cell(Rf_cons(R_NilValue, R_NilValue), x);
    UNPROTECT(1);
    return cell;
}

static void release_cell(SEXP cell)
{
    if (cell == NULL || cell == R_NilValue) return;
    SEXP prev = CAR(cell), next = CDR(cell);
    SETCDR(prev, next);
    if (next != R_NilValue) SETCAR(next, prev);
    SET_TAG(cell, R_NilValue);
    SETCAR(cell, R_NilValue);
    if (krb_free_count < KRB_FREE_CELLS_MAX) {
        SETCDR(cell, CDR(krb_free));
        SETCDR(krb_free, cell);
        krb_free_count++;
    } else {
        SETCDR(cell, R_NilValue);
    }
    krb_count--;
}

/* ---- the guard: run a body under R_UnwindProtect and stop any unwind in this frame */

typedef struct guard {
    SEXP (*body)(void *);
    void *data;
    jmp_buf jump;
} guard;

static void stop_unwind(void *data, Rboolean jump)
{
    if (jump) longjmp(((guard *)data)->jump, 1);
}

static int run_guarded(SEXP (*body)(void *), void *data, SEXP *result)
{
    if (krb_pending) return KRB_PENDING;
    guard g;
    g.body = body;
    g.data = data;
    if (setjmp(g.jump)) {
        krb_pending = 1;
        return KRB_RERROR;
    }
    SEXP value = R_UnwindProtect(body, data, stop_unwind, &g, krb_token);
    if (result) *result = value;
    return KRB_OK;
}

/* A body whose value goes straight onto the protection list. */
typedef struct kept_body {
    SEXP (*make)(void *);
    void *data;
} kept_body;

static SEXP make_and_keep(void *data)
{
    kept_body *k = data;
    return insert_cell(k->make(k->data));
}

static int run_kept(SEXP (*make)(void *), void *data, SEXP *cell)
{
    kept_body k = { make, data };
    return run_guarded(make_and_keep, &k, cell);
}

/* ---- initialisation, run at the top level so that a failure cannot unwind into managed code */

static void init_body(void *unused)
{
    (void)unused;
    krb_head = Rf_cons(R_NilValue, R_NilValue);
    R_PreserveObject(krb_head);
    krb_free = Rf_cons(R_NilValue, R_NilValue);
    R_PreserveObject(krb_free);
    krb_token = R_MakeUnwindCont();
    R_PreserveObject(krb_token);
}

static int krb_init(void)
{
    if (krb_fork_init() != KRB_OK) return KRB_NOMEM;
    if (krb_head != NULL) return KRB_OK;
    return R_ToplevelExec(init_body, NULL) ? KRB_OK : KRB_RERROR;
}

static void krb_set_free_hook(krb_free_hook hook) { krb_hook = hook; }

static SEXP identity_body(void *x) { return (SEXP)x; }

static int krb_keep(SEXP x, SEXP *cell)
{
    if (krb_pending) return KRB_PENDING;
    if (krb_free_count > 0) { /* no allocation, so nothing that could raise an R error */
        *cell = insert_cell(x);
        return KRB_OK;
    }
    return run_kept(identity_body, x, cell);
}

static void krb_release(SEXP cell) { release_cell(cell); }

static R_xlen_t krb_kept_count(void) { return krb_count; }

typedef struct alloc_args { int type; R_xlen_t length; } alloc_args;

static SEXP alloc_body(void *data)
{
    alloc_args *a = data;
    return Rf_allocVector((SEXPTYPE)a->type, a->length);
}

static int krb_alloc_vector(int type, R_xlen_t length, SEXP *cell)
{
    alloc_args a = { type, length };
    return run_kept(alloc_body, &a, cell);
}

/* A large allocation that R refuses (memory limit, no memory) comes back as KRB_NOMEM with R's
 * message, not as an R error: the caller reports it in the user's terms, and R's own error
 * would already have been printed had nothing caught it. */
typedef struct try_alloc_args { int type; R_xlen_t length; char *why; size_t why_size; int failed; } try_alloc_args;

static SEXP try_alloc_attempt(void *data)
{
    try_alloc_args *a = data;
    return Rf_allocVector((SEXPTYPE)a->type, a->length);
}

static SEXP try_alloc_refused(SEXP condition, void *data)
{
    try_alloc_args *a = data;
    a->failed = 1;
    SEXP message = TYPEOF(condition) == VECSXP && XLENGTH(condition) > 0 ? VECTOR_ELT(condition, 0) : R_NilValue;
    const char *text = TYPEOF(message) == STRSXP && XLENGTH(message) > 0 ? CHAR(STRING_ELT(message, 0)) : "R could not allocate the vector";
    snprintf(a->why, a->why_size, "%s", text);
    return R_NilValue;
}

static SEXP try_alloc_body(void *data)
{
    try_alloc_args *a = data;
    SEXP value = R_tryCatchError(try_alloc_attempt, a, try_alloc_refused, a);
    return a->failed ? R_NilValue : insert_cell(value);
}

static int krb_try_alloc_vector(int type, R_xlen_t length, SEXP *cell, char *why, size_t why_size)
{
    try_alloc_args a = { type, length, why, why_size, 0 };
    int status = run_guarded(try_alloc_body, &a, cell);
    return status == KRB_OK && a.failed ? KRB_NOMEM : status;
}

typedef struct attrib_args { SEXP x, symbol, value; } attrib_args;

static SEXP set_attrib_body(void *data)
{
    attrib_args *a = data;
    Rf_setAttrib(a->x, a->symbol, a->value);
    return R_NilValue;
}

static int krb_set_attrib(SEXP x, SEXP symbol, SEXP value)
{
    attrib_args a = { x, symbol, value };
    return run_guarded(set_attrib_body, &a, NULL);
}

static SEXP get_attrib_body(void *data)
{
    attrib_args *a = data;
    return Rf_getAttrib(a->x, a->symbol);
}

static int krb_get_attrib(SEXP x, SEXP symbol, SEXP *cell)
{
    attrib_args a = { x, symbol, R_NilValue };
    return run_kept(get_attrib_body, &a, cell);
}

static SEXP install_body(void *name) { return Rf_install((const char *)name); }

static int krb_install(const char *name, SEXP *symbol)
{
    /* Symbols live for the whole session, so they need no protection. */
    return run_guarded(install_body, (void *)name, symbol);
}

typedef struct text_args { const char *text; int length; } text_args;

static SEXP mkchar_body(void *data)
{
    text_args *t = data;
    return Rf_mkCharLenCE(t->text, t->length, CE_UTF8);
}

static int krb_mkchar_utf8(const char *text, int length, SEXP *cell)
{
    text_args t = { text, length };
    return run_kept(mkchar_body, &t, cell);
}

static SEXP scalar_string_body(void *data)
{
    text_args *t = data;
    return Rf_ScalarString(Rf_mkCharLenCE(t->text, t->length, CE_UTF8));
}

/* A length-one character vector in one guarded call: strings (dtypes, names, paths) are the
 * commonest small results of the engine. */
static int krb_scalar_string_utf8(const char *text, int length, SEXP *cell)
{
    text_args t = { text, length };
    return run_kept(scalar_string_body, &t, cell);
}

typedef struct dataptr_args { SEXP x; void *pointer; } dataptr_args;

/* The writable data of an atomic vector, through R's typed accessors (DATAPTR itself is not part
 * of R's API); for an ALTREP object they expand it, which allocates. NULL for other types. */
static void *writable_data(SEXP x)
{
    switch (TYPEOF(x)) {
    case LGLSXP: return LOGICAL(x);
    case INTSXP: return INTEGER(x);
    case REALSXP: return REAL(x);
    case CPLXSXP: return COMPLEX(x);
    case RAWSXP: return RAW(x);
    default: return NULL;
    }
}

static SEXP dataptr_body(void *data)
{
    dataptr_args *d = data;
    d->pointer = writable_data(d->x);
    return R_NilValue;
}

static int krb_dataptr(SEXP x, void **pointer)
{
    const void *direct = DATAPTR_OR_NULL(x);
    if (direct != NULL) {
        *pointer = (void *)direct;
        return KRB_OK;
    }
    dataptr_args d = { x, NULL };
    int status = run_guarded(dataptr_body, &d, NULL);
    *pointer = d.pointer;
    return status;
}

typedef struct eval_args { SEXP expr, env; } eval_args;

static SEXP eval_body(void *data)
{
    eval_args *e = data;
    return Rf_eval(e->expr, e->env);
}

static int krb_eval(SEXP expr, SEXP env, SEXP *cell)
{
    eval_args e = { expr, env };
    return run_kept(eval_body, &e, cell);
}

typedef struct call_args {
    SEXP function;
    SEXP *args;
    const char **names;
    int count;
    SEXP env;
} call_args;

static SEXP call_body(void *data)
{
    call_args *c = data;
    SEXP call = PROTECT(Rf_allocVector(LANGSXP, c->count + 1));
    SETCAR(call, c->function);
    SEXP node = CDR(call);
    for (int i = 0; i < c->count; i++, node = CDR(node)) {
        /* Arguments are values: a symbol or a call among them must not be evaluated. */
        int type = TYPEOF(c->args[i]);
        SETCAR(node, type == SYMSXP || type == LANGSXP ? Rf_lang2(R_QuoteSymbol, c->args[i]) : c->args[i]);
        if (c->names != NULL && c->names[i] != NULL && c->names[i][0] != '\0')
            SET_TAG(node, Rf_install(c->names[i]));
    }
    SEXP value = Rf_eval(call, c->env);
    UNPROTECT(1);
    return value;
}

static int krb_call(SEXP function, SEXP *args, const char **names, int count, SEXP env, SEXP *cell)
{
    call_args c = { function, args, names, count, env };
    return run_kept(call_body, &c, cell);
}

typedef struct parse_args { const char *text; ParseStatus status; } parse_args;

static SEXP parse_body(void *data)
{
    parse_args *p = data;
    SEXP text = PROTECT(Rf_mkString(p->text));
    SEXP exprs = R_ParseVector(text, -1, &p->status, R_NilValue);
    UNPROTECT(1);
    return exprs;
}

static int krb_parse(const char *text, int *parse_status, SEXP *cell)
{
    parse_args p = { text, PARSE_NULL };
    int status = run_kept(parse_body, &p, cell);
    *parse_status = (int)p.status;
    return status;
}

static void extptr_finalizer(SEXP ptr)
{
    void *address = R_ExternalPtrAddr(ptr);
    /* A forked child cannot run the engine: what it holds goes with the process. */
    if (address == NULL || krb_in_forked_child()) return;
    R_ClearExternalPtr(ptr);
    if (krb_hook != NULL) krb_hook(address);
}

/* A copy of a template carrying `content`: an ALTREP template (the package's saved state of
 * an object, or its hidden memory) as its data1, a list template as its first element. */
static SEXP from_template(SEXP template, SEXP content)
{
    SEXP value = PROTECT(Rf_shallow_duplicate(template));
    if (ALTREP(value)) R_set_altrep_data1(value, content);
    else SET_VECTOR_ELT(value, 0, content);
    UNPROTECT(1);
    return value;
}

/* An external pointer, alone or carried by a copy of a prototype object: each of the
 * prototype's `slots` gets the pointer itself (template NULL) or a copy of its template
 * carrying the pointer (from_template). One native call instead of one per step, because
 * every tensor the engine hands to R is made this way.
 * A pointer with an `owner` has no finalizer of its own: it keeps the owner (another pointer
 * made here) alive, and the owner's finalizer frees it. R's finalizers cost more than the
 * rest of a small tensor together, so small tensors share one.
 * A pointer that `keeps` memory R should free with it (a tensor's R vector) has its finalizer
 * on a second pointer, held with that memory in a list (`prot`, element 0 and 1): R keeps all
 * that a finalizable object reaches until the finalizer has run, which would keep the memory
 * for one collection more, where R frees its own arrays at once. The memory sits in a copy of
 * `keeps_template`, which R's serialization writes as nothing: the object's saved state
 * holds its data once.
 * A `reuse` pointer (restored by unserialize, and already reached from the objects read with
 * it) is given the address instead of a new pointer being made.
 * *pointer (when not NULL) is set, as soon as it exists, to the pointer whose finalizer frees
 * the address. */
SEXP krb_build_pointer_object(const krb_pointer_request *r, SEXP *pointer)
{
    SEXP prot = r->owner;
    int protected = 0;
    if (r->owner == R_NilValue && r->keeps != R_NilValue) {
        SEXP release = PROTECT(R_MakeExternalPtr(r->address, R_NilValue, R_NilValue));
        if (pointer != NULL) *pointer = release;
        R_RegisterCFinalizerEx(release, extptr_finalizer, r->at_exit ? TRUE : FALSE);
        SEXP kept = r->keeps_template != R_NilValue ? from_template(r->keeps_template, r->keeps) : r->keeps;
        PROTECT(kept);
        prot = PROTECT(Rf_allocVector(VECSXP, 2));
        SET_VECTOR_ELT(prot, 0, release);
        SET_VECTOR_ELT(prot, 1, kept);
        protected = 3;
    }
    SEXP ptr = r->reuse;
    if (ptr != R_NilValue) {
        R_SetExternalPtrAddr(ptr, r->address);
        R_SetExternalPtrTag(ptr, r->tag);
        R_SetExternalPtrProtected(ptr, prot);
    } else {
        ptr = R_MakeExternalPtr(r->address, r->tag, prot);
    }
    PROTECT(ptr);
    protected++;
    if (prot == R_NilValue) {
        if (pointer != NULL) *pointer = ptr;
        R_RegisterCFinalizerEx(ptr, extptr_finalizer, r->at_exit ? TRUE : FALSE);
    }
    SEXP object = ptr;
    if (r->prototype != R_NilValue) {
        object = PROTECT(Rf_shallow_duplicate(r->prototype));
        for (R_xlen_t i = 0; i < XLENGTH(r->slots); i++) {
            SEXP template = VECTOR_ELT(r->templates, i);
            SEXP value = PROTECT(template != R_NilValue ? from_template(template, ptr) : ptr);
            Rf_setAttrib(object, VECTOR_ELT(r->slots, i), value);
            UNPROTECT(1);
        }
        UNPROTECT(1);
    }
    if (r->remember_on != R_NilValue) R_SetExternalPtrProtected(r->remember_on, object);
    UNPROTECT(protected);
    return object;
}

typedef struct pointer_object_args {
    const krb_pointer_request *request;
    SEXP ptr; /* set once made, so that a failure can disarm its finalizer */
} pointer_object_args;

static SEXP pointer_object_body(void *data)
{
    pointer_object_args *a = data;
    return insert_cell(krb_build_pointer_object(a->request, &a->ptr));
}

static int krb_make_pointer_object(const krb_pointer_request *request, SEXP *cell)
{
    pointer_object_args a = { request, NULL };
    int status = run_guarded(pointer_object_body, &a, cell);
    /* The caller still owns the address after a failure: the pointer, if made, must not free it. */
    if (status != KRB_OK && a.ptr != NULL) R_ClearExternalPtr(a.ptr);
    return status;
}

/* R looks at its time limits (setTimeLimit()) on every sixth check only, skipping five
 * (TIME_CHECK_SKIP in R_CheckTimeLimits) because R checks often; the engine's polls come every
 * 20 ms at most, so each counts for six: a limit is then seen within R's own 50 ms. A pending
 * interrupt is taken at the first. */
static SEXP interrupt_body(void *unused)
{
    (void)unused;
    for (int i = 0; i < 6; i++) R_CheckUserInterrupt();
    return R_NilValue;
}

static int krb_check_interrupt(void) { return run_guarded(interrupt_body, NULL, NULL); }

static SEXP collect_body(void *unused)
{
    (void)unused;
    R_gc();
    return R_NilValue;
}

static int krb_collect(void) { return run_guarded(collect_body, NULL, NULL); }

static int krb_take_pending(SEXP *token)
{
    if (!krb_pending) return 0;
    krb_pending = 0;
    *token = krb_token;
    return 1;
}

static const char *krb_error_message(void) { return R_curErrorBuf(); }

/* ---- running managed work at R's top level (when .NET hosts R) */

typedef struct toplevel_args { int (*body)(void *); void *data; int status; } toplevel_args;

static void toplevel_body(void *data)
{
    toplevel_args *t = data;
    t->status = t->body(t->data);
    SEXP token;
    /* The managed body has returned, so its frames are gone: let the parked unwind reach
     * this top-level context, which is where R would have sent it. */
    if (krb_take_pending(&token)) R_ContinueUnwind(token);
}

static int krb_toplevel(int (*body)(void *), void *data)
{
    toplevel_args t = { body, data, KRB_OK };
    if (!R_ToplevelExec(toplevel_body, &t)) return KRB_RERROR;
    return t.status;
}

/* ---- environments */

typedef struct var_args { SEXP env, symbol, value; int flag; } var_args;

static SEXP find_var_body(void *data)
{
    var_args *v = data;
    v->flag = R_existsVarInFrame(v->env, v->symbol);
    if (!v->flag) return NULL;
    /* A lazy-loaded or delayed binding is a promise: both force it, as get() does. */
#if R_VERSION >= R_Version(4, 5, 0)
    return insert_cell(R_getVar(v->symbol, v->env, FALSE));
#else
    /* get(name, -1L, env, "any", FALSE): before R_getVar, the API's way to a variable's value. */
    SEXP name = PROTECT(Rf_ScalarString(PRINTNAME(v->symbol)));
    SEXP pos = PROTECT(Rf_ScalarInteger(-1));
    SEXP mode = PROTECT(Rf_mkString("any"));
    SEXP inherits = PROTECT(Rf_ScalarLogical(FALSE));
    SEXP call = PROTECT(Rf_lang6(Rf_install("get"), name, pos, v->env, mode, inherits));
    SEXP value = Rf_eval(call, R_BaseEnv);
    UNPROTECT(5);
    return insert_cell(value);
#endif
}

static int krb_find_var(SEXP env, SEXP symbol, int *found, SEXP *cell)
{
    var_args v = { env, symbol, R_NilValue, 0 };
    int status = run_guarded(find_var_body, &v, cell);
    *found = v.flag;
    return status;
}

static SEXP exists_var_body(void *data)
{
    var_args *v = data;
    v->flag = R_existsVarInFrame(v->env, v->symbol);
    return R_NilValue;
}

static int krb_exists_var(SEXP env, SEXP symbol, int *exists)
{
    var_args v = { env, symbol, R_NilValue, 0 };
    int status = run_guarded(exists_var_body, &v, NULL);
    *exists = v.flag;
    return status;
}

static SEXP define_var_body(void *data)
{
    var_args *v = data;
    Rf_defineVar(v->symbol, v->value, v->env);
    return R_NilValue;
}

static int krb_define_var(SEXP env, SEXP symbol, SEXP value)
{
    var_args v = { env, symbol, value, 0 };
    return run_guarded(define_var_body, &v, NULL);
}

static SEXP list_vars_body(void *data)
{
    var_args *v = data;
    return R_lsInternal3(v->env, v->flag ? TRUE : FALSE, TRUE);
}

static int krb_list_vars(SEXP env, int all, SEXP *cell)
{
    var_args v = { env, R_NilValue, R_NilValue, all };
    return run_kept(list_vars_body, &v, cell);
}

static SEXP new_env_body(void *parent) { return R_NewEnv((SEXP)parent, TRUE, 0); }

static int krb_new_env(SEXP parent, SEXP *cell) { return run_kept(new_env_body, parent, cell); }

/* ---- copies that .NET may write into */

static size_t element_size(int type)
{
    switch (type) {
    case LGLSXP: case INTSXP: return sizeof(int);
    case REALSXP: return sizeof(double);
    case CPLXSXP: return sizeof(Rcomplex);
    case RAWSXP: return sizeof(Rbyte);
    default: return 0;
    }
}

static SEXP duplicate_body(void *data)
{
    SEXP x = data;
    size_t size = element_size(TYPEOF(x));
    /* The duplicate of an ALTREP vector (such as 1:n) can stay compact, and R may then answer
     * from the compact form after .NET has written into its expanded data: copy atomic ALTREP
     * vectors into an ordinary one. */
    if (!ALTREP(x) || size == 0) return Rf_duplicate(x);
    R_xlen_t n = XLENGTH(x);
    SEXP copy = PROTECT(Rf_allocVector(TYPEOF(x), n));
    if (n > 0) memcpy(writable_data(copy), DATAPTR_RO(x), (size_t)n * size);
    DUPLICATE_ATTRIB(copy, x);
    UNPROTECT(1);
    return copy;
}

static int krb_duplicate(SEXP x, SEXP *cell) { return run_kept(duplicate_body, x, cell); }

/* REprintf raises no R error: it writes through R's console (a host's, when .NET hosts R). */
static void krb_console_error(const char *text) { REprintf("%s", text); }

static const krb_native_api krb_api = {
    KRB_API_VERSION,
    krb_init,
    krb_set_free_hook,
    krb_keep,
    krb_release,
    krb_kept_count,
    krb_alloc_vector,
    krb_set_attrib,
    krb_get_attrib,
    krb_install,
    krb_mkchar_utf8,
    krb_dataptr,
    krb_eval,
    krb_call,
    krb_parse,
    krb_check_interrupt,
    krb_take_pending,
    krb_error_message,
    krb_toplevel,
#ifdef KRB_R_PACKAGE
    NULL,
#else
    krb_repl_step,
#endif
    krb_find_var,
    krb_exists_var,
    krb_define_var,
    krb_list_vars,
    krb_new_env,
    krb_duplicate,
    krb_make_pointer_object,
    krb_scalar_string_utf8,
    krb_try_alloc_vector,
    krb_collect,
    krb_build_pointer_object,
    krb_fork_set_hooks,
    krb_in_forked_child,
    krb_forked_call,
    krb_note_signals,
    krb_console_error,
#ifdef KRB_R_PACKAGE
    NULL,
    NULL,
    NULL,
#else
    krb_route_sigint,
    krb_wake_setup,
    krb_wake,
#endif
};

const krb_native_api *krb_native_table(void) { return &krb_api; }
