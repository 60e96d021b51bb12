/* R's own serialization of kerasbridge objects (saveRDS, save, serialize, caching packages).
 *
 * R writes an external pointer as its protected value and tag, never its address: read back,
 * it points nowhere. So every tensor, variable, initializer and seed generator also carries a
 * "saved state" object, an ALTREP raw vector of length 0 whose data1 is the object's pointer.
 * When R serializes it, it asks the engine for the object's state (an R list holding the data;
 * see the bridge's SavedObjects) and writes list(pointer, state); the pointer written there is
 * the same R object as the one in the object's slots, which R's serialization shares. When R
 * reads it back (loading kerasbridge first if needed: R looks up the class by package), the
 * engine makes the object again from its state and gives the restored pointer its address, so
 * everything read with it works at once.
 *
 * The memory of a large tensor, which the pointer keeps (see krb_build_pointer_object), sits in
 * a second kind of ALTREP object that serializes as nothing: the state already holds the data.
 *
 * ALTREP objects are written only by serialization version 3 (R's default since 3.6.0); with
 * version 2 both are written as empty raw vectors, and the objects read back cannot be used. */
#include "krb_shim.h"
#include <R_ext/Altrep.h>

static R_altrep_class_t saved_class, hidden_class;

static R_xlen_t empty_length(SEXP x) { (void)x; return 0; }

/* Length 0, but R code may still ask where the elements are. */
static void *empty_data(SEXP x, Rboolean writable)
{
    (void)x;
    (void)writable;
    static Rbyte none;
    return &none;
}

static const void *empty_data_or_null(SEXP x) { return empty_data(x, FALSE); }

static SEXP saved_of(SEXP ptr) { return R_new_altrep(saved_class, ptr, R_NilValue); }

static SEXP saved_duplicate(SEXP x, Rboolean deep)
{
    (void)deep;
    return saved_of(R_altrep_data1(x));
}

static SEXP saved_serialized_state(SEXP x)
{
    SEXP ptr = R_altrep_data1(x);
    SEXP state = PROTECT(krb_saved_state(ptr));
    SEXP pair = PROTECT(Rf_allocVector(VECSXP, 2));
    SET_VECTOR_ELT(pair, 0, ptr);
    SET_VECTOR_ELT(pair, 1, state);
    UNPROTECT(2);
    return pair;
}

static SEXP saved_unserialize(SEXP class, SEXP pair)
{
    (void)class;
    if (TYPEOF(pair) != VECSXP || XLENGTH(pair) != 2 || TYPEOF(VECTOR_ELT(pair, 0)) != EXTPTRSXP)
        krb_raise_condition("value_error", "The saved state of a kerasbridge object is damaged: it cannot be read back.", R_NilValue);
    SEXP ptr = VECTOR_ELT(pair, 0);
    /* A pointer read once carries its address from then on: an object that was written twice
     * in one stream (list(x, x)) is restored once. */
    if (R_ExternalPtrAddr(ptr) == NULL && VECTOR_ELT(pair, 1) != R_NilValue) krb_restore_saved(ptr, VECTOR_ELT(pair, 1));
    return saved_of(ptr);
}

static Rboolean saved_inspect(SEXP x, int pre, int deep, int pvec, void (*inspect_subtree)(SEXP, int, int, int))
{
    (void)pre;
    (void)deep;
    (void)pvec;
    (void)inspect_subtree;
    Rprintf(" kerasbridge saved state of %p\n", R_ExternalPtrAddr(R_altrep_data1(x)));
    return TRUE;
}

static SEXP hidden_duplicate(SEXP x, Rboolean deep)
{
    (void)deep;
    return R_new_altrep(hidden_class, R_altrep_data1(x), R_NilValue);
}

static SEXP hidden_serialized_state(SEXP x)
{
    (void)x;
    return R_NilValue;
}

static SEXP hidden_unserialize(SEXP class, SEXP state)
{
    (void)class;
    (void)state;
    return R_new_altrep(hidden_class, R_NilValue, R_NilValue);
}

static Rboolean hidden_inspect(SEXP x, int pre, int deep, int pvec, void (*inspect_subtree)(SEXP, int, int, int))
{
    (void)x;
    (void)pre;
    (void)deep;
    (void)pvec;
    (void)inspect_subtree;
    Rprintf(" kerasbridge tensor memory (not serialized)\n");
    return TRUE;
}

/* Registered without a DllInfo: R resets the classes of a DLL it unloads to methods that fail,
 * but this one stays mapped (stay_loaded() in krb_init.c), and objects made before an unload
 * must still serialize, be measured and be saved with the workspace. */
static R_altrep_class_t empty_raw_class(const char *name)
{
    R_altrep_class_t cls = R_make_altraw_class(name, "kerasbridge", NULL);
    R_set_altrep_Length_method(cls, empty_length);
    R_set_altvec_Dataptr_method(cls, empty_data);
    R_set_altvec_Dataptr_or_null_method(cls, empty_data_or_null);
    return cls;
}

void krb_register_saved_classes(void)
{
    /* Once per process: a reload of the package keeps the classes its objects already have. */
    static int registered = 0;
    if (registered) return;
    registered = 1;
    saved_class = empty_raw_class("kerasbridge_saved");
    R_set_altrep_Duplicate_method(saved_class, saved_duplicate);
    R_set_altrep_Serialized_state_method(saved_class, saved_serialized_state);
    R_set_altrep_Unserialize_method(saved_class, saved_unserialize);
    R_set_altrep_Inspect_method(saved_class, saved_inspect);

    hidden_class = empty_raw_class("kerasbridge_hidden");
    R_set_altrep_Duplicate_method(hidden_class, hidden_duplicate);
    R_set_altrep_Serialized_state_method(hidden_class, hidden_serialized_state);
    R_set_altrep_Unserialize_method(hidden_class, hidden_unserialize);
    R_set_altrep_Inspect_method(hidden_class, hidden_inspect);
}

/* The saved state of the object behind `ptr`, for objects the R package builds itself. */
SEXP krb_saved(SEXP ptr)
{
    if (TYPEOF(ptr) != EXTPTRSXP) krb_raise_condition("type_error", "A kerasbridge saved state needs an external pointer.", R_NilValue);
    return saved_of(ptr);
}

/* The templates the engine copies into the objects it makes: a saved state, and the hidden
 * memory, each carrying nothing yet. */
SEXP krb_saved_templates(void)
{
    SEXP templates = PROTECT(Rf_allocVector(VECSXP, 2));
    SET_VECTOR_ELT(templates, 0, R_new_altrep(saved_class, R_NilValue, R_NilValue));
    SET_VECTOR_ELT(templates, 1, R_new_altrep(hidden_class, R_NilValue, R_NilValue));
    UNPROTECT(1);
    return templates;
}
