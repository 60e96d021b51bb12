/* Registration of the package's .Call routines and their dispatch to the managed engine.
 *
 * This is the only place where the package raises R errors: after the managed call has
 * returned, so that no managed frame is on the stack when R unwinds. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <R_ext/Rdynload.h>
#include "krb_shim.h"

static krb_managed_api *managed = NULL;
static SEXP namespace_env = NULL;
/* The runtime is starting on its own thread; the engine attaches at its first use. */
static int engine_starting = 0;
/* Whether the package's R side (object templates, progress settings) is registered with the
 * attached engine. An interrupt or error while registering leaves it 0, and the next use
 * registers again: without the templates every object would come back a bare pointer. */
static int r_side_ready = 0, r_side_registering = 0;
/* Why it could not start, said again at every later use. */
static char start_failure[1024] = "";

/* parent: the R condition that caused the error (R_NilValue when none). */
void krb_raise_condition(const char *error_class, const char *message, SEXP parent)
{
    /* Before the namespace is known, raise_bridge_error() cannot be found: R's plain error. */
    if (namespace_env == NULL) Rf_error("%s", message);
    PROTECT(parent);
    SEXP class_value = PROTECT(Rf_ScalarString(Rf_mkCharCE(error_class, CE_UTF8)));
    SEXP message_value = PROTECT(Rf_ScalarString(Rf_mkCharCE(message, CE_UTF8)));
    SEXP call = PROTECT(Rf_lang4(Rf_install("raise_bridge_error"), class_value, message_value, parent));
    Rf_eval(call, namespace_env);
    UNPROTECT(4);
    Rf_error("%s", message);
}

/* A warning the engine left: raised as a classed R warning (which options(warn = 2) may turn
 * into an error, so only once the call's result exists). */
static void raise_warning(void)
{
    const char *error_class = managed->warning_class, *message = managed->warning_message;
    if (message == NULL) return;
    managed->warning_message = NULL;
    SEXP class_value = PROTECT(Rf_ScalarString(Rf_mkCharCE(error_class != NULL ? error_class : "warning", CE_UTF8)));
    SEXP message_value = PROTECT(Rf_ScalarString(Rf_mkCharCE(message, CE_UTF8)));
    SEXP call = PROTECT(Rf_lang3(Rf_install("raise_bridge_warning"), class_value, message_value));
    Rf_eval(call, namespace_env != NULL ? namespace_env : R_BaseEnv);
    UNPROTECT(3);
}

/* ---- entry points by name. R code names them with string literals, and a literal's CHARSXP
 * is R's one cached copy of that string (every ASCII string is cached, whatever encoding it
 * was declared in): its address finds the engine's number with no character compared and no
 * variable looked up. The engine's names stay preserved, so their addresses cannot be reused
 * by other strings. */

static SEXP *slot_names = NULL; /* open addressing by address; NULL marks a free slot */
static int *slot_numbers = NULL;
static uintptr_t slot_mask = 0;

static uintptr_t slot_of(SEXP name)
{
    /* Fibonacci hashing of the address: CHARSXPs are aligned, so the low bits carry nothing. */
    return (((uintptr_t)name >> 4) * (uintptr_t)0x9E3779B97F4A7C15ull >> 20) & slot_mask;
}

static void index_entry_names(SEXP names)
{
    R_xlen_t n = XLENGTH(names);
    uintptr_t size = 16;
    while (size < 2 * (uintptr_t)n) size *= 2;
    slot_names = calloc(size, sizeof *slot_names);
    slot_numbers = calloc(size, sizeof *slot_numbers);
    if (slot_names == NULL || slot_numbers == NULL) Rf_error("kerasbridge: out of memory indexing the entry points");
    slot_mask = size - 1;
    for (R_xlen_t i = 0; i < n; i++) {
        SEXP name = STRING_ELT(names, i);
        uintptr_t slot = slot_of(name);
        while (slot_names[slot] != NULL) slot = (slot + 1) & slot_mask;
        slot_names[slot] = name;
        slot_numbers[slot] = (int)i;
    }
}

/* Checks the engine just attached, and indexes its entry points (entry 0 lists them, in the
 * order of their numbers). */
static void accept_engine(void)
{
    if (managed->version != KRB_MANAGED_VERSION) {
        managed = NULL;
        krb_raise_condition("runtime_error", "The kerasbridge engine does not match this package's shim: reinstall kerasbridge.", R_NilValue);
    }
    SEXP names = R_NilValue;
    const char *error_class = NULL, *error_message = NULL;
    if (managed->dispatch(0, NULL, 0, &names, &error_class, &error_message) != KRB_CALL_OK || TYPEOF(names) != STRSXP) {
        /* Without its entry points the engine cannot be used: not attached. */
        managed = NULL;
        krb_raise_condition("runtime_error", "The kerasbridge engine did not list its entry points.", R_NilValue);
    }
    R_PreserveObject(names);
    index_entry_names(names);
}

static int entry_number(SEXP entry)
{
    if (TYPEOF(entry) == STRSXP && XLENGTH(entry) == 1 && STRING_ELT(entry, 0) != NA_STRING) {
        SEXP name = STRING_ELT(entry, 0);
        for (uintptr_t slot = slot_of(name); slot_names[slot] != NULL; slot = (slot + 1) & slot_mask)
            if (slot_names[slot] == name) return slot_numbers[slot];
        char message[512];
        snprintf(message, sizeof message, "kerasbridge has no entry point named \"%.400s\".", Rf_translateCharUTF8(name));
        krb_raise_condition("value_error", message, R_NilValue);
    }
    krb_raise_condition("type_error", "A kerasbridge entry point must be named by a single string.", R_NilValue);
    return -1;
}

/* In a forked child the engine cannot run: what can be read there is read from the catalogue
 * made at the fork, and anything else is a classed error. */
static SEXP forked_dispatch(SEXP entry, SEXP *args, int count)
{
    if (TYPEOF(entry) != STRSXP || XLENGTH(entry) != 1 || STRING_ELT(entry, 0) == NA_STRING)
        krb_raise_condition("type_error", "A kerasbridge entry point must be named by a single string.", R_NilValue);
    const char *error_class = NULL, *error_message = NULL;
    SEXP result = managed->native->forked_call(CHAR(STRING_ELT(entry, 0)), args, count, &error_class, &error_message);
    if (result == NULL) krb_raise_condition(error_class, error_message, R_NilValue);
    return result;
}

static void raise_not_running(void)
{
    krb_raise_condition("runtime_error", start_failure[0] != '\0' ? start_failure : "The kerasbridge engine is not running: load the package with library(kerasbridge).", R_NilValue);
}

static SEXP register_r_side(void *unused)
{
    (void)unused;
    SEXP call = PROTECT(Rf_lang1(Rf_install("engine_attached")));
    Rf_eval(call, namespace_env);
    UNPROTECT(1);
    r_side_ready = 1;
    return R_NilValue;
}

static void registering_ended(void *unused)
{
    (void)unused;
    r_side_registering = 0;
}

/* The package's R side of an attached engine: its object templates and progress settings. Its
 * own calls into the engine go through dispatch() while it runs, which must not start it again. */
static void engine_attached(void)
{
    r_side_ready = 0;
    r_side_registering = 1;
    R_ExecWithCleanup(register_r_side, NULL, registering_ended, NULL);
}

/* Attaches the engine whose runtime krb_start began starting, waiting for it if need be. */
static void finish_start(void)
{
    if (r_side_ready) return;
    if (!engine_starting) {
        if (managed != NULL && !r_side_registering && !krb_in_forked_child()) engine_attached();
        return;
    }
    if (krb_in_forked_child())
        krb_raise_condition("forked_child_error", "The kerasbridge .NET engine does not run in a forked child process (parallel::mclapply(), "
                        "mcparallel(), makeForkCluster()), and it had not started in the parent: the parent's first use of "
                        "kerasbridge starts it, so use kerasbridge before forking.", R_NilValue);
    engine_starting = 0;
    char why[1024] = "";
    krb_attach_fn attach = krb_join_clr(why, sizeof why);
    managed = attach != NULL ? attach(krb_native_table(), why, sizeof why) : NULL;
    if (managed == NULL) {
        snprintf(start_failure, sizeof start_failure, "%s", why[0] != '\0' ? why : "The KerasRBridge engine failed to attach.");
        raise_not_running();
    }
    accept_engine();
    engine_attached();
}

static SEXP dispatch(SEXP entry, SEXP *args, int count)
{
    finish_start();
    if (managed == NULL)
        raise_not_running();
    if (managed->native->in_forked_child()) return forked_dispatch(entry, args, count);
    if (krb_segv_rearm_pending) krb_segv_rearm();
    SEXP result = R_NilValue;
    const char *error_class = NULL, *error_message = NULL;
    int status = managed->dispatch(entry_number(entry), args, count, &result, &error_class, &error_message);
    /* A fault R's handler had in a callback during this call: put the routing back at once. */
    if (krb_segv_rearm_pending) krb_segv_rearm();
    if (status == KRB_CALL_BUILD) result = managed->native->build_pointer_object(managed->build, NULL);
    else if (status == KRB_CALL_UNWIND) R_ContinueUnwind(result);
    else if (status != KRB_CALL_OK)
        krb_raise_condition(error_class != NULL ? error_class : "runtime_error",
                        error_message != NULL ? error_message : "unknown error in the kerasbridge engine", result);
    if (managed->warning_message != NULL) {
        PROTECT(result);
        raise_warning();
        UNPROTECT(1);
    }
    return result;
}

/* An entry point called from the package's C code rather than from R. */
static SEXP dispatch_named(const char *entry, SEXP *args, int count)
{
    SEXP name = PROTECT(Rf_mkString(entry));
    SEXP result = dispatch(name, args, count);
    UNPROTECT(1);
    return result;
}

static int engine_can_run(void) { return managed != NULL && !managed->native->in_forked_child(); }

SEXP krb_saved_state(SEXP ptr)
{
    if (managed == NULL) return R_NilValue;
    if (managed->native->in_forked_child()) {
        /* What the catalogue holds (a tensor or variable made before the fork); anything else
         * is written without its data, as an object that cannot be used once read. */
        const char *error_class = NULL, *error_message = NULL;
        SEXP state = managed->native->forked_call("object_state", &ptr, 1, &error_class, &error_message);
        return state != NULL ? state : R_NilValue;
    }
    return dispatch_named("object_state", &ptr, 1);
}

void krb_restore_saved(SEXP ptr, SEXP state)
{
    /* R loads the package to find the saved state's class, unless its code is still mapped
     * after unloadNamespace(): then load it here, so that the object is made by the load that
     * will use it. */
    SEXP name = PROTECT(Rf_mkString("kerasbridge"));
    R_FindNamespace(name);
    UNPROTECT(1);
    finish_start();
    if (managed == NULL)
        raise_not_running();
    if (!engine_can_run()) return;
    SEXP args[] = { ptr, state };
    dispatch_named("object_restore", args, 2);
}

static SEXP krb_call0(SEXP e) { return dispatch(e, NULL, 0); }
static SEXP krb_call1(SEXP e, SEXP a) { SEXP v[] = { a }; return dispatch(e, v, 1); }
static SEXP krb_call2(SEXP e, SEXP a, SEXP b) { SEXP v[] = { a, b }; return dispatch(e, v, 2); }
static SEXP krb_call3(SEXP e, SEXP a, SEXP b, SEXP c) { SEXP v[] = { a, b, c }; return dispatch(e, v, 3); }
static SEXP krb_call4(SEXP e, SEXP a, SEXP b, SEXP c, SEXP d)
{ SEXP v[] = { a, b, c, d }; return dispatch(e, v, 4); }
static SEXP krb_call5(SEXP e, SEXP a, SEXP b, SEXP c, SEXP d, SEXP f)
{ SEXP v[] = { a, b, c, d, f }; return dispatch(e, v, 5); }
static SEXP krb_call6(SEXP e, SEXP a, SEXP b, SEXP c, SEXP d, SEXP f, SEXP g)
{ SEXP v[] = { a, b, c, d, f, g }; return dispatch(e, v, 6); }
static SEXP krb_call8(SEXP e, SEXP a, SEXP b, SEXP c, SEXP d, SEXP f, SEXP g, SEXP h, SEXP i)
{ SEXP v[] = { a, b, c, d, f, g, h, i }; return dispatch(e, v, 8); }

/* Attaches to the engine of a .NET program that hosts this R session, if there is one, and
 * otherwise begins starting the .NET runtime from the package's own assemblies (whose engine
 * attaches to one already running in the process, if another copy of the package started it)
 * at its first use. */
static SEXP krb_start(SEXP ns, SEXP dotnet_dir)
{
    /* A reload of the package (same shared object, kept mapped) brings a new namespace. */
    if (namespace_env != ns) {
        if (namespace_env != NULL) R_ReleaseObject(namespace_env);
        R_PreserveObject(ns);
        namespace_env = ns;
    }
    if (managed != NULL) {
        engine_attached();
        return Rf_ScalarLogical(TRUE);
    }
    if (engine_starting) return Rf_ScalarLogical(TRUE);

    char why[1024] = "";
    krb_attach_fn host_attach = (krb_attach_fn)R_FindSymbol(KRB_HOST_ATTACH, "(embedding)", NULL);
    if (host_attach != NULL) {
        managed = host_attach(krb_native_table(), why, sizeof why);
        if (managed == NULL) krb_raise_condition("runtime_error", why[0] != '\0' ? why : "The .NET program hosting R refused to attach kerasbridge.", R_NilValue);
        accept_engine();
        engine_attached();
        return Rf_ScalarLogical(FALSE);
    }
    if (!krb_begin_clr(CHAR(STRING_ELT(dotnet_dir, 0)), why, sizeof why))
        krb_raise_condition("runtime_error", why, R_NilValue);
    engine_starting = 1;
    return Rf_ScalarLogical(TRUE);
}

static SEXP krb_await_start(void)
{
    krb_await_clr();
    return R_NilValue;
}

static SEXP krb_kept_count(void) { return Rf_ScalarReal(managed == NULL ? 0.0 : (double)managed->native->kept_count()); }

static const R_CallMethodDef call_methods[] = {
    { "krb_start", (DL_FUNC)&krb_start, 2 },
    { "krb_kept_count", (DL_FUNC)&krb_kept_count, 0 },
    { "krb_await_start", (DL_FUNC)&krb_await_start, 0 },
    { "krb_saved", (DL_FUNC)&krb_saved, 1 },
    { "krb_saved_templates", (DL_FUNC)&krb_saved_templates, 0 },
    { "krb_call0", (DL_FUNC)&krb_call0, 1 },
    { "krb_call1", (DL_FUNC)&krb_call1, 2 },
    { "krb_call2", (DL_FUNC)&krb_call2, 3 },
    { "krb_call3", (DL_FUNC)&krb_call3, 4 },
    { "krb_call4", (DL_FUNC)&krb_call4, 5 },
    { "krb_call5", (DL_FUNC)&krb_call5, 6 },
    { "krb_call6", (DL_FUNC)&krb_call6, 7 },
    { "krb_call8", (DL_FUNC)&krb_call8, 9 },
    { NULL, NULL, 0 }
};

/* The package's code stays mapped once loaded: the finalizers of the objects R holds, and the
 * handlers run around a fork, point into it, and would point into nothing once
 * dyn.unload() (detach(unload = TRUE), pkgload::unload()) had unmapped it. */
static void stay_loaded(void)
{
    Dl_info self;
    if (dladdr((void *)&stay_loaded, &self) && self.dli_fname != NULL)
        dlopen(self.dli_fname, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
}

void R_init_kerasbridge(DllInfo *dll)
{
    stay_loaded();
    R_registerRoutines(dll, NULL, call_methods, NULL, NULL);
    krb_register_saved_classes();
    R_useDynamicSymbols(dll, FALSE);
    R_forceSymbols(dll, TRUE);
}
