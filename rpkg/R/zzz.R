#' @useDynLib kerasbridge, .registration = TRUE
#' @importFrom methods new setClass setMethod setReplaceMethod signature is
#' @importFrom utils .DollarNames
NULL

.onLoad <- function(libname, pkgname) {
  start_engine(asNamespace(pkgname))
}

# Once a package's S4 methods for a primitive are cached (after .onLoad, hence a load action),
# R dispatches them through the full generic (standardGeneric) on every call until the
# primitive's methods are "reset", as a setMethod() in the session would do; then R's C-level
# table lookup takes over. For `$` (`v$value`, `v$assign()`) that halves the per-call cost.
enable_quick_dispatch <- function(ns) {
  for (f in c("$", "$<-", "%*%"))
    methods::setPrimitiveMethods(f, getExportedValue("base", f), "reset", methods::getGeneric(f), NULL)
}

methods::setLoadAction(enable_quick_dispatch, "kerasbridge_quick_dispatch")
