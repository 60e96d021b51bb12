/* Ctrl-C while R waits in select() (Sys.sleep(), R's console reading a terminal, sockets).
 *
 * Around each such wait R installs a SIGINT handler of its own with signal(), and the handler
 * longjmps onto R's stack. In R's own process R runs on the main thread, which the kernel hands
 * a process-directed signal to. When .NET hosts R, R runs on a thread of its own, the handler
 * runs on whichever thread the kernel picks (the main one), and glibc aborts the longjmp onto
 * another thread's stack ("longjmp causes uninitialized stack frame"): a Ctrl-C at krbridge's
 * prompt ended the process. libR's calls of signal() are therefore routed through
 * routed_signal(): for SIGINT, R's handler is kept aside and a trampoline installed in its
 * place runs it on R's thread, sending a signal that lands on another thread on to R's.
 *
 * The route is libR's own import slot for signal(), rewritten once R is loaded: nothing but
 * libR's calls goes through it. Only a .NET program hosting R needs it, so only libkrbnative.so
 * holds this file. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <elf.h>
#include <link.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "krb_native.h"

#if defined(__aarch64__)
#define KRB_JUMP_SLOT R_AARCH64_JUMP_SLOT
#define KRB_GLOB_DAT R_AARCH64_GLOB_DAT
#else
#define KRB_JUMP_SLOT R_X86_64_JUMP_SLOT
#define KRB_GLOB_DAT R_X86_64_GLOB_DAT
#endif

typedef void (*krb_sighandler)(int);

static pthread_t r_thread;
/* The handler libR asked for while it is a function, else NULL; set and cleared on R's thread. */
static volatile krb_sighandler r_handler;
/* The disposition R's handler displaced, put back whole (flags and all) when R restores it:
 * signal() itself would drop SA_SIGINFO from the .NET runtime's handler. */
static struct sigaction displaced;

static void trampoline(int sig)
{
    /* A process that started with SIGINT ignored (a shell's background job) keeps ignoring it
     * during R's waits as at any other time. */
    if (krb_handler_of(&displaced) == (void *)SIG_IGN) return;
    if (!pthread_equal(pthread_self(), r_thread)) {
        pthread_kill(r_thread, sig);
        return;
    }
    krb_sighandler handler = r_handler;
    if (handler != NULL) handler(sig);
}

static krb_sighandler routed_signal(int sig, krb_sighandler handler)
{
    if (sig != SIGINT) return signal(sig, handler);
    struct sigaction now;
    if (sigaction(SIGINT, NULL, &now) != 0) return SIG_ERR;
    int routed = krb_handler_of(&now) == (void *)trampoline;
    krb_sighandler before = routed ? r_handler : (krb_sighandler)krb_handler_of(&now);
    if (routed && (void *)handler == krb_handler_of(&displaced)) {
        if (sigaction(SIGINT, &displaced, NULL) != 0) return SIG_ERR;
        r_handler = NULL;
        return before;
    }
    if (handler == SIG_DFL || handler == SIG_IGN || handler == SIG_ERR) {
        if (signal(SIGINT, handler) == SIG_ERR) return SIG_ERR;
        r_handler = NULL;
        return before;
    }
    if (!routed) displaced = now;
    r_handler = handler;
    struct sigaction act;
    memset(&act, 0, sizeof act);
    act.sa_handler = trampoline;
    sigemptyset(&act.sa_mask);
    /* As glibc's signal(): restarted calls, SIGINT blocked while its handler runs. */
    act.sa_flags = SA_RESTART;
    if (sigaction(SIGINT, &act, NULL) != 0) return SIG_ERR;
    return before;
}

/* A dynamic-section address: glibc relocates most of them in place, some loaders do not. */
static uintptr_t dynamic_address(uintptr_t value, uintptr_t base)
{
    return value < base ? value + base : value;
}

typedef struct relro_search { uintptr_t base, start, end; } relro_search;

static int find_relro(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    relro_search *s = data;
    if (info->dlpi_addr != s->base) return 0;
    for (int i = 0; i < info->dlpi_phnum; i++)
        if (info->dlpi_phdr[i].p_type == PT_GNU_RELRO) {
            s->start = s->base + info->dlpi_phdr[i].p_vaddr;
            s->end = s->start + info->dlpi_phdr[i].p_memsz;
        }
    return 1;
}

static int write_slot(void **slot, void *value, const relro_search *relro)
{
    uintptr_t at = (uintptr_t)slot;
    if (at < relro->start || at >= relro->end) {
        *slot = value;
        return 0;
    }
    /* The slot was made read-only once the loader had filled it. */
    uintptr_t page_size = (uintptr_t)sysconf(_SC_PAGESIZE);
    void *page = (void *)(at & ~(page_size - 1));
    if (mprotect(page, page_size, PROT_READ | PROT_WRITE) != 0) return -1;
    *slot = value;
    return mprotect(page, page_size, PROT_READ);
}

/* Points every slot of the object's relocation table that names `symbol` at `value`. */
static int rewrite_import(const ElfW(Rela) *table, size_t bytes, const ElfW(Sym) *symbols,
                          const char *strings, const char *symbol, void *value,
                          const relro_search *relro, int *found)
{
    for (size_t i = 0; i < bytes / sizeof *table; i++) {
        unsigned long type = ELF64_R_TYPE(table[i].r_info);
        if (type != KRB_JUMP_SLOT && type != KRB_GLOB_DAT) continue;
        if (strcmp(strings + symbols[ELF64_R_SYM(table[i].r_info)].st_name, symbol) != 0) continue;
        if (write_slot((void **)(relro->base + table[i].r_offset), value, relro) != 0) return -1;
        *found = 1;
    }
    return 0;
}

int krb_route_sigint(void *libr)
{
    struct link_map *map;
    if (dlinfo(libr, RTLD_DI_LINKMAP, &map) != 0) return -1;
    r_thread = pthread_self();
    uintptr_t base = map->l_addr;
    const ElfW(Sym) *symbols = NULL;
    const char *strings = NULL;
    const ElfW(Rela) *plt = NULL, *rela = NULL;
    size_t plt_bytes = 0, rela_bytes = 0;
    for (const ElfW(Dyn) *d = map->l_ld; d->d_tag != DT_NULL; d++) {
        switch (d->d_tag) {
        case DT_SYMTAB: symbols = (const ElfW(Sym) *)dynamic_address(d->d_un.d_ptr, base); break;
        case DT_STRTAB: strings = (const char *)dynamic_address(d->d_un.d_ptr, base); break;
        case DT_JMPREL: plt = (const ElfW(Rela) *)dynamic_address(d->d_un.d_ptr, base); break;
        case DT_PLTRELSZ: plt_bytes = d->d_un.d_val; break;
        case DT_RELA: rela = (const ElfW(Rela) *)dynamic_address(d->d_un.d_ptr, base); break;
        case DT_RELASZ: rela_bytes = d->d_un.d_val; break;
        }
    }
    if (symbols == NULL || strings == NULL) return -1;
    relro_search relro = { base, 0, 0 };
    dl_iterate_phdr(find_relro, &relro);
    int found = 0;
    if (plt != NULL && rewrite_import(plt, plt_bytes, symbols, strings, "signal", (void *)routed_signal, &relro, &found) != 0)
        return -1;
    if (rela != NULL && rewrite_import(rela, rela_bytes, symbols, strings, "signal", (void *)routed_signal, &relro, &found) != 0)
        return -1;
    return found ? 0 : -1;
}
