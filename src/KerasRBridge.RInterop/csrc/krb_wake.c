/* Waking R from a wait (Sys.sleep(), a socket, a child process) for REngine.Interrupt().
 *
 * The interrupt only sets R_interrupts_pending, which R checks when its select() returns: a
 * sleep of a minute ran its minute first. A pipe among R's input handlers makes the wait return
 * at once when a byte is written to it; Rsleep() then runs R_CheckUserInterrupt() and takes the
 * interrupt. Writing a byte is safe from any thread, and even from a signal handler. Only a
 * .NET program hosting R needs it, so only libkrbnative.so holds this file. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>
#include <Rinternals.h>
#include <R_ext/eventloop.h>
#include "krb_native.h"

/* An activity id no other input handler of R's uses (R's own are small numbers). */
#define KRB_WAKE_ACTIVITY 0x6b7262

static int wake_fds[2] = { -1, -1 };

static void drain(void *unused)
{
    (void)unused;
    char bytes[64];
    while (read(wake_fds[0], bytes, sizeof bytes) > 0) {}
}

int krb_wake_setup(void)
{
    if (wake_fds[0] >= 0) return 0;
    if (pipe2(wake_fds, O_NONBLOCK | O_CLOEXEC) != 0) return -1;
    if (addInputHandler(R_InputHandlers, wake_fds[0], drain, KRB_WAKE_ACTIVITY) == NULL) {
        close(wake_fds[0]);
        close(wake_fds[1]);
        wake_fds[0] = wake_fds[1] = -1;
        return -1;
    }
    return 0;
}

void krb_wake(void)
{
    if (wake_fds[1] < 0) return;
    char byte = 1;
    /* A full pipe already wakes R. */
    if (write(wake_fds[1], &byte, 1) < 0) return;
}
