# Tensors and variables are S4 objects so that `x@r` and `x@py` work on R 4.2 as well as on
# R >= 4.3: the `r` and `py` slots hold indexers, and `[`/`[<-` on those do the work. The
# `saved` slot holds what R's serialization writes for the object (see src/krb_saved.c), so that
# saveRDS()/readRDS(), save()/load() and serialize() give back working objects.

methods::setClass("kerasbridge_object", representation("VIRTUAL", ptr = "externalptr", r = "ANY", py = "ANY", saved = "ANY"))
methods::setClass("kerasbridge_tensor", contains = "kerasbridge_object")
methods::setClass("kerasbridge_variable", contains = "kerasbridge_object")

# The engine builds these objects itself (copying the templates registered here), because
# building them in R would cost several times the engine call they wrap.
register_prototypes <- function() {
  templates <- prototypes()
  .Call(krb_call6, "register_prototypes", templates[[1]], templates[[2]], templates[[3]], templates[[4]],
        templates[[5]], templates[[6]])
}

# A tensor, a variable, an @r indexer, an @py indexer, a saved state and the hidden memory of a
# tensor, all empty.
prototypes <- function() {
  null_ptr <- methods::new("externalptr")
  # Unnamed (the pointer first, then whether indices are 1-based): a names attribute would be
  # one more allocation in every tensor the engine returns.
  indexer <- function(one_based) structure(list(NULL, one_based), class = "kerasbridge_indexer")
  c(list(methods::new("kerasbridge_tensor", ptr = null_ptr), methods::new("kerasbridge_variable", ptr = null_ptr),
         indexer(TRUE), indexer(FALSE)),
    .Call(krb_saved_templates))
}

# The saved state of an engine object R holds as a bare pointer (an initializer, a seed
# generator), kept beside the pointer in the object the package makes of it.
saved_state <- function(ptr) .Call(krb_saved, ptr)

# methods::is() costs tens of microseconds; every kerasbridge object is S4 with an externalptr slot.
is_kerasbridge_object <- function(x) isS4(x) && typeof(attr(x, "ptr", exact = TRUE)) == "externalptr"

# An object restored from a saved workspace or unserialized: R saves external pointers as NULL,
# and identical() compares external pointers by address.
is_restored <- function(x) identical(x@ptr, null_pointer)

null_pointer <- methods::new("externalptr")
