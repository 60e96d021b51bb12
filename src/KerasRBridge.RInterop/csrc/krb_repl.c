/* One step of R's read-eval-print loop, inside a top-level context of its own: R's
 * R_ReplDLLinit leaves R_Toplevel's jump buffer in a frame that has already returned.
 *
 * Only a .NET program hosting R needs it, so only libkrbnative.so holds this file; the R package
 * leaves it out. It uses R's embedding interface (R_ReplDLLdo1, R_ReplDLLinit, R_Interactive)
 * and, for the reason below, R's protection stack, which no header declares: see
 * docs/interop.md, "R's API". */
#include <Rinterface.h>
#include <Rembedded.h>
#include "krb_native.h"

/* R_ReplDLLdo1 starts with R_PPStackTop = 0, as if nothing below it were protected: true in
 * R's own loop, not under top-level contexts, whose saved values sit on that stack. Writing
 * into those slots unprotects the values, and the context's closing UNPROTECT then leaves the
 * stack top negative (a crash a few steps later). The slots are stashed in a preserved list
 * for the step and put back after it. libR exports both variables; no header declares them. */
extern SEXP *R_PPStack;
extern int R_PPStackTop;

#define KRB_REPL_END (-1)
#define KRB_REPL_ERROR (-2)
#define KRB_REPL_HALT (-3)
#define KRB_REPL_INCOMPLETE 2

typedef struct repl_args { int result; SEXP stash; } repl_args;

static void put_back(SEXP stash, int depth)
{
    for (int i = 0; i < depth; i++) R_PPStack[i] = VECTOR_ELT(stash, i);
}

static void repl_body(void *data)
{
    repl_args *r = data;
    int depth = R_PPStackTop;
    SEXP stash = PROTECT(Rf_allocVector(VECSXP, depth));
    for (int i = 0; i < depth; i++) SET_VECTOR_ELT(stash, i, R_PPStack[i]);
    R_PreserveObject(stash);
    UNPROTECT(1);
    r->stash = stash;
    r->result = R_ReplDLLdo1();
    /* No allocation between here and the context's UNPROTECT, so the slots are never scanned
     * while they hold what the step left in them. */
    put_back(stash, depth);
    R_PPStackTop = depth;
}

static void end_of_input_body(void *unused)
{
    (void)unused;
    Rf_error("unexpected end of input");
}

static void halts_body(void *data)
{
    *(int *)data = !R_Interactive && Rf_GetOption1(Rf_install("error")) == R_NilValue;
}

/* What R's own loop does after an error: a non-interactive session without options(error)
 * ends ("Execution halted"); otherwise the loop starts afresh on the next line. */
static int after_error(void)
{
    int halts = 0;
    R_ToplevelExec(halts_body, &halts);
    R_ReplDLLinit();
    if (!halts) return KRB_REPL_ERROR;
    REprintf("Execution halted\n");
    return KRB_REPL_HALT;
}

int krb_repl_step(void)
{
    static int incomplete = 0;
    int depth = R_PPStackTop;
    repl_args r = { 0, NULL };
    Rboolean ok = R_ToplevelExec(repl_body, &r);
    if (r.stash != NULL) {
        if (!ok) put_back(r.stash, depth);
        R_ReleaseObject(r.stash);
    }
    if (!ok) {
        incomplete = 0;
        return after_error();
    }
    if (r.result == KRB_REPL_END && incomplete) {
        /* As R's loop does: input that ends inside an expression is an error. */
        incomplete = 0;
        R_ToplevelExec(end_of_input_body, NULL);
        return after_error() == KRB_REPL_HALT ? KRB_REPL_HALT : KRB_REPL_END;
    }
    incomplete = r.result == KRB_REPL_INCOMPLETE;
    return r.result;
}
