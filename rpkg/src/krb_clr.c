/* Starting the .NET runtime inside R and reaching the managed engine's attach function. */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include <nethost.h>
#include <hostfxr.h>
#include <coreclr_delegates.h>
#include "krb_shim.h"

#define KRB_ASSEMBLY "KerasRBridge.Bridge"
#define KRB_ENTRY_TYPE "KerasRBridge.Bridge.NativeEntry, KerasRBridge.Bridge"

static krb_managed_api *fail(char *why, size_t why_size, const char *what, int code)
{
    snprintf(why, why_size, "%s (code 0x%x)", what, (unsigned)code);
    return NULL;
}

krb_managed_api *krb_start_clr(const char *dotnet_dir, char *why, size_t why_size)
{
    char fxr_path[4096];
    size_t fxr_size = sizeof fxr_path;
    int rc = get_hostfxr_path(fxr_path, &fxr_size, NULL);
    if (rc != 0) return fail(why, why_size, "could not find the .NET runtime (hostfxr); install the .NET 10 runtime or set DOTNET_ROOT", rc);

    void *fxr = dlopen(fxr_path, RTLD_NOW | RTLD_LOCAL);
    if (fxr == NULL) return fail(why, why_size, "could not load hostfxr", 0);
    hostfxr_initialize_for_runtime_config_fn init =
        (hostfxr_initialize_for_runtime_config_fn)dlsym(fxr, "hostfxr_initialize_for_runtime_config");
    hostfxr_get_runtime_delegate_fn get_delegate =
        (hostfxr_get_runtime_delegate_fn)dlsym(fxr, "hostfxr_get_runtime_delegate");
    hostfxr_close_fn close_fxr = (hostfxr_close_fn)dlsym(fxr, "hostfxr_close");
    if (init == NULL || get_delegate == NULL || close_fxr == NULL)
        return fail(why, why_size, "hostfxr lacks the hosting API", 0);

    char config[4096], assembly[4096];
    snprintf(config, sizeof config, "%s/%s.runtimeconfig.json", dotnet_dir, KRB_ASSEMBLY);
    snprintf(assembly, sizeof assembly, "%s/%s.dll", dotnet_dir, KRB_ASSEMBLY);

    hostfxr_handle context = NULL;
    rc = init(config, NULL, &context);
    /* 1 and 2 mean a runtime was already running in this process: still a success. */
    if (rc < 0 || context == NULL) return fail(why, why_size, "could not start the .NET runtime", rc);

    load_assembly_and_get_function_pointer_fn load = NULL;
    rc = get_delegate(context, hdt_load_assembly_and_get_function_pointer, (void **)&load);
    close_fxr(context);
    if (rc < 0 || load == NULL) return fail(why, why_size, "could not get the .NET loader", rc);

    krb_attach_fn attach = NULL;
    rc = load(assembly, KRB_ENTRY_TYPE, "Attach", UNMANAGEDCALLERSONLY_METHOD, NULL, (void **)&attach);
    if (rc < 0 || attach == NULL) return fail(why, why_size, "could not load the KerasRBridge engine", rc);

    return attach(krb_native_table(), why, why_size);
}
