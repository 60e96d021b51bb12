#' @useDynLib kerasbridge, .registration = TRUE
#' @importFrom methods new setClass setMethod is
NULL

.onLoad <- function(libname, pkgname) {
  make_prototypes()
  start_engine(asNamespace(pkgname))
}
