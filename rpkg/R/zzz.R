#' @useDynLib kerasbridge, .registration = TRUE
#' @importFrom methods new setClass setMethod setReplaceMethod signature is
#' @importFrom utils .DollarNames
NULL

.onLoad <- function(libname, pkgname) {
  start_engine(asNamespace(pkgname))
  addTaskCallback(quick_dispatch_keeper(), name = quick_dispatch_callback)
}

.onUnload <- function(libpath) {
  removeTaskCallback(quick_dispatch_callback)
}

# Once a package's S4 methods for a primitive are cached (after .onLoad, hence a load action),
# R dispatches them through the full generic (standardGeneric) on every call until the
# primitive's methods are "reset", as a setMethod() in the session would do; then R's C-level
# table lookup takes over. For `$` (`v$value`, `v$assign()`) that halves the per-call cost.
enable_quick_dispatch <- function(...) {
  for (f in c("$", "$<-", "%*%"))
    methods::setPrimitiveMethods(f, getExportedValue("base", f), "reset", methods::getGeneric(f), NULL)
}

methods::setLoadAction(enable_quick_dispatch, "kerasbridge_quick_dispatch")

# Any namespace loaded later with S4 methods for these primitives (Rcpp's, which reticulate
# loads) puts every class back on that slow path, so the reset is repeated after each top-level
# call that loaded a namespace. `count` is how the keeper sees namespaces (tests replace it).
quick_dispatch_callback <- "kerasbridge_quick_dispatch"

quick_dispatch_keeper <- function(count = function() length(loadedNamespaces())) {
  seen <- count()
  function(...) {
    now <- count()
    if (now != seen) {
      seen <<- now
      enable_quick_dispatch()
    }
    TRUE
  }
}
