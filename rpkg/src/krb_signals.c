/* What the .NET runtime's signal handling would take from R, given back once it runs.
 *
 * Overflows of R's C stack. R turns an overflow of its C stack in code that does not check the
 * stack (unlist() of a list nested a million deep) into an error, from its SIGSEGV handler. The
 * runtime installs its own handler after R's and ends the process on any fault next to the stack
 * pointer ("Stack overflow."), before it would pass the fault on. So a handler goes in front of
 * the runtime's: the faults R's handler recovers from (on R's stack, in native code, on R's
 * thread) go to R's handler; every other fault goes to the runtime's, as before: a managed stack
 * overflow cannot be recovered from, and jumping over managed frames would corrupt the runtime.
 *
 * SIGPIPE. The runtime ignores it, so that a write to a closed pipe or socket fails with EPIPE
 * instead of ending the process; an ignored signal stays ignored in the programs R starts
 * (system(), pipe()), and `yes | head -n 1` never ended there. A handler that does nothing
 * keeps the runtime's EPIPE in this process and is reset to the default in a program it execs. */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <ucontext.h>
#include "krb_shim.h"

static struct sigaction r_action, runtime_action, front_action;
static int have_r_action = 0;

/* Set when a fault went to R's handler. R >= 4.3's handler resets SIGSEGV to the default action
 * as it starts (so that a fault inside it ends the process) and does not set it back when it
 * recovers: the routing, and the runtime's handler behind it, would be gone for the rest of the
 * session. The next engine call puts the routing back (krb_segv_rearm). */
volatile sig_atomic_t krb_segv_rearm_pending = 0;

/* R's thread and the extent of its stack, noted on that thread. */
static pthread_t r_thread;
static uintptr_t r_stack_low = 0, r_stack_high = 0;

static void note_r_stack(void)
{
    pthread_attr_t attributes;
    void *low = NULL;
    size_t size = 0;
    r_thread = pthread_self();
    if (pthread_getattr_np(r_thread, &attributes) != 0) return;
    if (pthread_attr_getstack(&attributes, &low, &size) == 0) {
        r_stack_low = (uintptr_t)low;
        r_stack_high = (uintptr_t)low + size;
    }
    pthread_attr_destroy(&attributes);
}

/* A fault on R's thread in the extent of its stack, or at most 16 MB beyond its end, as R's own
 * test allows (sigactionSegv in R's main.c): the stack could not grow there, because it reached
 * its limit or the address space did (ulimit -v). Nothing else faults there. */
static int beyond_r_stack(const siginfo_t *info)
{
    uintptr_t address = (uintptr_t)info->si_addr;
    if (r_stack_low == 0 || !pthread_equal(pthread_self(), r_thread)) return 0;
    return address < r_stack_high && address + 0x1000000 > r_stack_low;
}

/* Code in a shared object other than the runtime's, at the instruction that faulted. */
static int in_native_code(const void *context)
{
    const ucontext_t *uc = context;
#if defined(__x86_64__)
    const void *ip = (const void *)uc->uc_mcontext.gregs[REG_RIP];
#elif defined(__aarch64__)
    const void *ip = (const void *)uc->uc_mcontext.pc;
#else
    const void *ip = NULL;
#endif
    return krb_code_owner(ip) == KRB_CODE_NATIVE;
}

static void pass_on(const struct sigaction *to, int signal, siginfo_t *info, void *context)
{
    void *handler = krb_handler_of(to);
    if (handler == (void *)SIG_IGN) return;
    if (handler == (void *)SIG_DFL) {
        /* The fault happens again on return, and ends the process as it would have. */
        struct sigaction fallback;
        memset(&fallback, 0, sizeof fallback);
        fallback.sa_handler = SIG_DFL;
        sigaction(signal, &fallback, NULL);
        return;
    }
    if (to->sa_flags & SA_SIGINFO) to->sa_sigaction(signal, info, context);
    else to->sa_handler(signal);
}

static void route_segv(int signal, siginfo_t *info, void *context)
{
    if (beyond_r_stack(info) && in_native_code(context)) {
        krb_segv_rearm_pending = 1;
        /* R's handler jumps to the top level, and R's jumps keep the signal mask: the one this
         * handler runs with (the runtime's, which blocks the signal it suspends threads with
         * for a collection) would stay on R's thread. R's own runs with nothing blocked. */
        pthread_sigmask(SIG_SETMASK, &((const ucontext_t *)context)->uc_sigmask, NULL);
        pass_on(&r_action, signal, info, context);
    } else {
        pass_on(&runtime_action, signal, info, context);
    }
}

static struct sigaction r_pipe_action;

static void pipe_closed(int signal)
{
    (void)signal;
}

void krb_signals_note_r(void)
{
    note_r_stack();
    have_r_action = sigaction(SIGSEGV, NULL, &r_action) == 0 && (r_action.sa_flags & SA_SIGINFO) != 0
        && krb_handler_of(&r_action) != (void *)route_segv;
    if (sigaction(SIGPIPE, NULL, &r_pipe_action) != 0) r_pipe_action.sa_handler = SIG_IGN;
}

static void handle_pipe_signals(void)
{
    struct sigaction now, handled;
    if (krb_handler_of(&r_pipe_action) == (void *)SIG_IGN || sigaction(SIGPIPE, NULL, &now) != 0
        || krb_handler_of(&now) != (void *)SIG_IGN)
        return;
    memset(&handled, 0, sizeof handled);
    handled.sa_handler = pipe_closed;
    handled.sa_flags = SA_RESTART;
    sigemptyset(&handled.sa_mask);
    sigaction(SIGPIPE, &handled, NULL);
}

static void route_overflows(void)
{
    struct sigaction now;
    if (!have_r_action || sigaction(SIGSEGV, NULL, &now) != 0) return;
    /* Nothing to route where the runtime did not start, or the routing is in place. */
    if (krb_handler_of(&now) == krb_handler_of(&r_action) || krb_handler_of(&now) == (void *)route_segv) return;
    runtime_action = now;
    front_action = now;
    front_action.sa_sigaction = route_segv;
    front_action.sa_flags = now.sa_flags | SA_SIGINFO | SA_ONSTACK;
    sigaction(SIGSEGV, &front_action, NULL);
}

void krb_signals_give_back(void)
{
    route_overflows();
    handle_pipe_signals();
}

void krb_segv_rearm(void)
{
    krb_segv_rearm_pending = 0;
    struct sigaction now;
    /* Only where R's handler left the default: a handler installed since stays. */
    if (sigaction(SIGSEGV, NULL, &now) == 0 && krb_handler_of(&now) == (void *)SIG_DFL) sigaction(SIGSEGV, &front_action, NULL);
}
