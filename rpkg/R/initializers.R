#' @include objects.R
NULL

#' Initializers
#'
#' Initializers make the starting value of a variable from a shape and a dtype. Pass one as
#' `keras_variable(initializer = ...)` (with `shape`), or call it directly:
#' `initializer_ones()(c(2, 2), "float32")`.
#'
#' @return A `kerasbridge_initializer`.
#' @examples
#' v <- keras_variable(initializer_ones(), shape = c(2, 3))
#' v
#' initializer_zeros()(c(2, 2))
#' @name initializers
NULL

new_initializer <- function(ptr) wrap_object(ptr, "initializer")

#' @rdname initializers
#' @export
initializer_ones <- function() new_initializer(.Call(krb_call1, .krb$initializer_get, "ones"))

#' @rdname initializers
#' @export
initializer_zeros <- function() new_initializer(.Call(krb_call1, .krb$initializer_get, "zeros"))

#' @export
print.kerasbridge_initializer <- function(x, ...) {
  cat(.Call(krb_call1, .krb$describe, x@ptr), "\n", sep = "")
  invisible(x)
}

methods::setMethod("show", "kerasbridge_initializer", function(object) print.kerasbridge_initializer(object))
