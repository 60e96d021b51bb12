/* The R package's side of the bridge: what the managed engine hands back when it attaches. */
#ifndef KRB_SHIM_H
#define KRB_SHIM_H

#include "krb_native.h"
#include <R_ext/Rdynload.h>

#define KRB_MANAGED_VERSION 3

#define KRB_CALL_OK 0
#define KRB_CALL_UNWIND 1  /* *result is an unwind token to resume with R_ContinueUnwind */
#define KRB_CALL_ERROR 2   /* error_class / error_message say what went wrong; *result is the
                              R condition that caused it, or R_NilValue */
#define KRB_CALL_BUILD 3   /* the result is the object *build describes, for the shim to make */

typedef struct krb_managed_api {
    int version;
    int (*dispatch)(int entry, SEXP *args, int count, SEXP *result,
                    const char **error_class, const char **error_message);
    /* Most entry points return a new tensor or variable. Building its R object here, once the
     * managed frames are gone, needs neither a guard against R errors nor protection while
     * managed code finishes; the engine has already registered the handle. */
    const krb_pointer_request *build;
    /* The native helpers the engine runs on: one set per process, whichever copy of them
     * the engine bound first (a .NET host's libkrbnative.so, or the first package to start
     * the engine). Objects are built and counted with these, so that their finalizers reach
     * the engine. */
    const krb_native_api *native;
    /* A warning the last call left for R (NumPy's ComplexWarning, say), or NULL; the shim
     * raises it once the call's result is made, and clears it. */
    const char *warning_class;
    const char *warning_message;
} krb_managed_api;

/* The managed engine's attach function: given the native helpers of this package, it returns
 * its entry points, or NULL with the reason in why. Reached through hostfxr when R hosts .NET,
 * or registered by the host as the "(embedding)" routine KRB_HOST_ATTACH when .NET hosts R. */
typedef krb_managed_api *(*krb_attach_fn)(const krb_native_api *native, char *why, size_t why_size);

#define KRB_HOST_ATTACH "krb_host_attach"

/* Starts the .NET runtime and loads the engine on a thread of its own (krb_clr.c): 0, with the
 * reason in why, when no .NET runtime is found; then, on R's thread, the engine's attach
 * function once the thread is done, or NULL with the reason. */
int krb_begin_clr(const char *dotnet_dir, char *why, size_t why_size);
krb_attach_fn krb_join_clr(char *why, size_t why_size);
/* Waits for the thread, if it runs, attaching nothing. */
void krb_await_clr(void);

/* Signals (krb_signals.c): what R had is noted before the runtime starts; once the runtime's
 * handlers are in place, R's handler gets back the overflows of R's C stack, and SIGPIPE is
 * handled rather than ignored, so that the programs R starts do not inherit its being ignored. */
void krb_signals_note_r(void);
void krb_signals_give_back(void);
/* Set once R's handler has had a fault; krb_segv_rearm() then puts the routing back where R's
 * handler reset SIGSEGV to its default action. */
extern volatile sig_atomic_t krb_segv_rearm_pending;
void krb_segv_rearm(void);

/* Raises an R error of class c(error_class, "kerasbridge_error", "error", "condition")
 * through the package's raise_bridge_error() (krb_init.c); parent: the R condition that caused
 * it, or R_NilValue. Does not return. */
void krb_raise_condition(const char *error_class, const char *message, SEXP parent) __attribute__((noreturn));

/* R's serialization of kerasbridge objects (krb_saved.c). */
void krb_register_saved_classes(void);
SEXP krb_saved(SEXP ptr);
SEXP krb_saved_templates(void);
/* The state the engine saves for the object behind ptr, or R_NilValue where the engine cannot
 * run (not started, or a forked child) or the pointer reaches no object. */
SEXP krb_saved_state(SEXP ptr);
/* Makes the object again from its state and gives ptr its address; raises an R error if the
 * state cannot be read. In a forked child, where the engine cannot run, ptr stays unusable. */
void krb_restore_saved(SEXP ptr, SEXP state);

#endif
