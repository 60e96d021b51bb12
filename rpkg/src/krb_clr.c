/* Starting the .NET runtime inside R and reaching the managed engine's attach function.
 *
 * Only a .NET 10 runtime is needed, no SDK: the shim finds hostfxr itself (nethost, which would
 * find it, ships in the SDK only) and declares the few hosting types it uses, as the .NET
 * hosting API documents them (hostfxr.h, coreclr_delegates.h). */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include "krb_shim.h"

#define KRB_ASSEMBLY "KerasRBridge.Bridge"
#define KRB_ENTRY_TYPE "KerasRBridge.Bridge.NativeEntry, KerasRBridge.Bridge"

/* ---- the hosting API (hostfxr and the runtime's delegates), as documented */

typedef void *fxr_handle;
typedef struct fxr_parameters {
    size_t size;
    const char *host_path;
    const char *dotnet_root;
} fxr_parameters;
typedef int32_t (*fxr_initialize_fn)(const char *runtime_config, const fxr_parameters *parameters, fxr_handle *context);
typedef int32_t (*fxr_get_delegate_fn)(fxr_handle context, int type, void **delegate);
typedef int32_t (*fxr_close_fn)(fxr_handle context);
typedef int (*load_function_fn)(const char *assembly, const char *type, const char *method, const char *delegate_type,
                                 void *reserved, void **delegate);
#define FXR_LOAD_ASSEMBLY_AND_GET_FUNCTION_POINTER 5
#define UNMANAGED_CALLERS_ONLY ((const char *)-1)
/* hostfxr's status when the runtime config names a framework version not installed. */
#define FXR_FRAMEWORK_MISSING ((int32_t)0x80008096)

static void *fail(char *why, size_t why_size, const char *what, int code)
{
    struct rlimit space;
    int limited = code != 0 && getrlimit(RLIMIT_AS, &space) == 0 && space.rlim_cur != RLIM_INFINITY;
    /* The runtime reserves tens of gigabytes of address space it does not use; a limit on the
     * address space (ulimit -v) is the usual reason it cannot start where it is installed. */
    if (limited)
        snprintf(why, why_size, "%s (code 0x%x): the process's address space is limited to %llu MB (ulimit -v), "
                 "and the .NET runtime reserves more than that; raise or remove the limit",
                 what, (unsigned)code, (unsigned long long)(space.rlim_cur >> 20));
    else
        snprintf(why, why_size, "%s (code 0x%x)", what, (unsigned)code);
    return NULL;
}

/* ---- finding hostfxr: the newest version under the first .NET root that has one */

static int newest_fxr(const char *root, char *path, size_t size)
{
    char dir[PATH_MAX];
    if (snprintf(dir, sizeof dir, "%s/host/fxr", root) >= (int)sizeof dir) return 0;
    DIR *d = opendir(dir);
    if (d == NULL) return 0;
    char best[256] = "";
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (e->d_name[0] < '0' || e->d_name[0] > '9' || strlen(e->d_name) >= sizeof best) continue;
        char candidate[PATH_MAX];
        if (snprintf(candidate, sizeof candidate, "%s/%s/libhostfxr.so", dir, e->d_name) >= (int)sizeof candidate) continue;
        if (access(candidate, R_OK) == 0 && (best[0] == '\0' || strverscmp(e->d_name, best) > 0)) strcpy(best, e->d_name);
    }
    closedir(d);
    if (best[0] == '\0') return 0;
    return snprintf(path, size, "%s/%s/libhostfxr.so", dir, best) < (int)size;
}

/* The folder of the `dotnet` found on the PATH, following links (/usr/bin/dotnet is often one). */
static int dotnet_on_path(char *root, size_t size)
{
    const char *path = getenv("PATH");
    if (path == NULL) return 0;
    char copy[8192];
    snprintf(copy, sizeof copy, "%s", path);
    for (char *save = NULL, *dir = strtok_r(copy, ":", &save); dir != NULL; dir = strtok_r(NULL, ":", &save)) {
        char candidate[PATH_MAX], resolved[PATH_MAX];
        if (snprintf(candidate, sizeof candidate, "%s/dotnet", dir) >= (int)sizeof candidate) continue;
        if (access(candidate, X_OK) != 0 || realpath(candidate, resolved) == NULL) continue;
        char *slash = strrchr(resolved, '/');
        if (slash == NULL) continue;
        *slash = '\0';
        return snprintf(root, size, "%s", resolved) < (int)size;
    }
    return 0;
}

/* Where .NET is looked for, in order: DOTNET_ROOT_X64 and DOTNET_ROOT (as .NET's own hosts read
 * them), the folder of `dotnet` on the PATH, the usual install folders, ~/.dotnet. */
static int find_hostfxr(char *root, size_t root_size, char *fxr, size_t fxr_size)
{
    char candidates[8][PATH_MAX];
    int n = 0;
    const char *variables[] = { "DOTNET_ROOT_X64", "DOTNET_ROOT" };
    for (int i = 0; i < 2; i++) {
        const char *value = getenv(variables[i]);
        if (value != NULL && value[0] != '\0' && snprintf(candidates[n], PATH_MAX, "%s", value) < PATH_MAX) n++;
    }
    if (dotnet_on_path(candidates[n], PATH_MAX)) n++;
    const char *usual[] = { "/usr/share/dotnet", "/usr/lib/dotnet", "/usr/local/share/dotnet", "/opt/dotnet" };
    for (int i = 0; i < 4; i++) snprintf(candidates[n++], PATH_MAX, "%s", usual[i]);
    const char *home = getenv("HOME");
    if (home != NULL && snprintf(candidates[n], PATH_MAX, "%s/.dotnet", home) < PATH_MAX) n++;
    for (int i = 0; i < n; i++) {
        if (newest_fxr(candidates[i], fxr, fxr_size)) {
            return snprintf(root, root_size, "%s", candidates[i]) < (int)root_size;
        }
    }
    return 0;
}

/* Whether the .NET root has a Microsoft.NETCore.App of version 10 or later: checked before the
 * thread starts, so that a missing runtime fails library() itself, naming what to install. */
static int has_runtime(const char *root)
{
    char dir[PATH_MAX];
    if (snprintf(dir, sizeof dir, "%s/shared/Microsoft.NETCore.App", root) >= (int)sizeof dir) return 0;
    DIR *d = opendir(dir);
    if (d == NULL) return 0;
    int found = 0;
    for (struct dirent *e; !found && (e = readdir(d)) != NULL;) found = atoi(e->d_name) >= 10;
    closedir(d);
    return found;
}

/* ---- starting the runtime on its own thread
 *
 * Starting .NET (hostfxr reading the runtime config, the runtime itself, the engine's assemblies
 * loaded into their own load context) takes most of the package's load time and touches nothing
 * of R's but the process environment. It runs on a thread of its own while R finishes loading the namespace (its S4 classes
 * and exports), and the engine attaches on R's thread when it is first needed. R waits for the
 * thread before loadNamespace() ends (krb_await_start, from the package's onLoad hook): the
 * runtime and its JIT copy `environ` as they start, and loadNamespace() ends by unsetting a
 * variable, which shortens `environ` under a copy in progress. A fork waits for the thread
 * first, so that no child holds a runtime half started. */

static struct {
    char dotnet_dir[PATH_MAX];
    char root[PATH_MAX];
    char fxr_path[PATH_MAX];
    krb_attach_fn attach;
    char why[1024];
} start;
static pthread_t start_thread;
static int start_running = 0;

static void *missing_runtime(char *why, size_t why_size)
{
    snprintf(why, why_size,
             "kerasbridge needs the .NET 10 runtime (Microsoft.NETCore.App 10), which is not under %.600s: install it "
             "(the package dotnet-runtime-10.0, or https://dot.net) or set DOTNET_ROOT to the folder that holds it.", start.root);
    return NULL;
}

static void *load_engine(void *unused)
{
    (void)unused;
    char *why = start.why;
    size_t why_size = sizeof start.why;
    void *fxr = dlopen(start.fxr_path, RTLD_NOW | RTLD_LOCAL);
    if (fxr == NULL) return fail(why, why_size, "could not load hostfxr", 0);
    fxr_initialize_fn init = (fxr_initialize_fn)dlsym(fxr, "hostfxr_initialize_for_runtime_config");
    fxr_get_delegate_fn get_delegate = (fxr_get_delegate_fn)dlsym(fxr, "hostfxr_get_runtime_delegate");
    fxr_close_fn close_fxr = (fxr_close_fn)dlsym(fxr, "hostfxr_close");
    if (init == NULL || get_delegate == NULL || close_fxr == NULL)
        return fail(why, why_size, "hostfxr lacks the hosting API", 0);

    char config[PATH_MAX], assembly[PATH_MAX];
    if (snprintf(config, sizeof config, "%s/%s.runtimeconfig.json", start.dotnet_dir, KRB_ASSEMBLY) >= (int)sizeof config ||
        snprintf(assembly, sizeof assembly, "%s/%s.dll", start.dotnet_dir, KRB_ASSEMBLY) >= (int)sizeof assembly)
        return fail(why, why_size, "the package's folder has too long a path", 0);

    fxr_parameters parameters = { sizeof parameters, NULL, start.root };
    fxr_handle context = NULL;
    int32_t rc = init(config, &parameters, &context);
    if (rc == FXR_FRAMEWORK_MISSING) return missing_runtime(why, why_size);
    /* 1 and 2 mean a runtime was already running in this process: still a success. */
    if (rc < 0 || context == NULL) return fail(why, why_size, "could not start the .NET runtime", rc);

    load_function_fn load = NULL;
    rc = get_delegate(context, FXR_LOAD_ASSEMBLY_AND_GET_FUNCTION_POINTER, (void **)&load);
    close_fxr(context);
    if (rc < 0 || load == NULL) return fail(why, why_size, "could not get the .NET loader", rc);

    krb_attach_fn attach = NULL;
    rc = load(assembly, KRB_ENTRY_TYPE, "Attach", UNMANAGED_CALLERS_ONLY, NULL, (void **)&attach);
    if (rc < 0 || attach == NULL) return fail(why, why_size, "could not load the KerasRBridge engine", rc);
    start.attach = attach;
    return NULL;
}

/* Once the runtime's handlers are in place: what they took from R is given back, and the
 * dispositions are recorded. Recorded after that, a forked child gives SIGSEGV and SIGPIPE back
 * to R's handlers as it does every disposition set while the runtime started (krb_fork.c). */
static void note_runtime_signals(void)
{
    krb_signals_give_back();
    krb_note_signals(0);
}

/* Waits for the thread, then records the signal dispositions the runtime left. */
static void join_start(void)
{
    if (!start_running) return;
    pthread_join(start_thread, NULL);
    start_running = 0;
    note_runtime_signals();
}

int krb_begin_clr(const char *dotnet_dir, char *why, size_t why_size)
{
    static int fork_waits = 0;
    memset(&start, 0, sizeof start);
    if (!find_hostfxr(start.root, sizeof start.root, start.fxr_path, sizeof start.fxr_path)) {
        snprintf(why, why_size,
                 "kerasbridge needs the .NET 10 runtime, and found none: install it (the package "
                 "dotnet-runtime-10.0, or https://dot.net) or set DOTNET_ROOT to the folder that holds it.");
        return 0;
    }
    if (!has_runtime(start.root)) {
        missing_runtime(why, why_size);
        return 0;
    }
    if (snprintf(start.dotnet_dir, sizeof start.dotnet_dir, "%s", dotnet_dir) >= (int)sizeof start.dotnet_dir) {
        snprintf(why, why_size, "the package's folder has too long a path");
        return 0;
    }
    /* The fork handlers (krb_fork.c) restore R's signal dispositions in a child; a fork's
     * prepare handlers run in the reverse order of their registration, so the wait registered
     * after them runs first and they see the runtime's handlers. */
    /* Nor may the process exit while the thread runs (a package loaded and never used): R waits
     * for it when it quits (krb_await_start, a finalizer run at exit), and atexit() as well. */
    if (!fork_waits) {
        if (krb_fork_init() != KRB_OK || pthread_atfork(join_start, NULL, NULL) != 0 || atexit(join_start) != 0) {
            snprintf(why, why_size, "could not register the package's fork handlers");
            return 0;
        }
        fork_waits = 1;
    }
    krb_note_signals(1);
    krb_signals_note_r();
    if (pthread_create(&start_thread, NULL, load_engine, NULL) == 0) {
        start_running = 1;
#ifdef __GLIBC__
        /* Named for whoever reads a core dump or /proc/PID/task (the package's tests do). */
        pthread_setname_np(start_thread, "krb-start");
#endif
    } else {
        load_engine(NULL);
        note_runtime_signals();
    }
    return 1;
}

void krb_await_clr(void) { join_start(); }

krb_attach_fn krb_join_clr(char *why, size_t why_size)
{
    join_start();
    if (start.attach == NULL) snprintf(why, why_size, "%s", start.why[0] != '\0' ? start.why : "The KerasRBridge engine failed to attach.");
    return start.attach;
}
