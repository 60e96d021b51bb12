#' @useDynLib kerasbridge, .registration = TRUE
#' @importFrom methods new setClass setMethod signature is
#' @importFrom utils .DollarNames
NULL

.onLoad <- function(libname, pkgname) {
  start_engine(asNamespace(pkgname))
  fill_keras_module(keras, asNamespace(pkgname))
  borrow_infix_operators(asNamespace(pkgname))
}
