#' @include objects.R
NULL

#' Tensors and shapes
#'
#' A variable's `$value` is a `kerasbridge_tensor`: an immutable array held by the engine.
#' Convert it with `as.array()`, `as.numeric()`, `as.integer()` or `as.logical()`; read its
#' `$shape`, `$dtype` and `$ndim`. Changing part of it (`value@r[1, ] <- 99`) makes a new
#' tensor and rebinds the name to it.
#'
#' Tensors and variables live in the .NET engine of the R session that made them. Restored in
#' another session (by `load()` or `readRDS()`), they print as objects from a previous session,
#' and using them is an error.
#'
#' @param x A tensor or variable.
#' @param ... Unused.
#' @return `as.array()` gives an R array with the tensor's dimensions.
#' @examples
#' v <- keras_variable(array(1:6, c(2, 3)))
#' t <- v$value
#' t
#' as.array(t)
#' dim(t)
#' @name kerasbridge_tensor
NULL

#' @rdname kerasbridge_tensor
#' @export
as.array.kerasbridge_object <- function(x, ...) .Call(krb_call1, "to_r", x)

#' @export
as.vector.kerasbridge_object <- function(x, mode = "any") as.vector(as.array(x), mode)

#' @export
as.double.kerasbridge_object <- function(x, ...) as.double(as.array(x))

#' @export
as.numeric.kerasbridge_object <- function(x, ...) as.double(as.array(x))

#' @export
as.integer.kerasbridge_object <- function(x, ...) as.integer(as.array(x))

#' @export
as.logical.kerasbridge_object <- function(x, ...) as.logical(as.array(x))

# Tools that describe objects (deparsers, pillar, IDE panes) ask for dim() and length(): an
# object from a previous session answers them as an empty one, having no data left.
#' @export
dim.kerasbridge_object <- function(x) {
  if (is_restored(x)) return(NULL)
  shape <- tensor_field(x, "shape")
  if (length(shape) == 0) NULL else shape
}

#' @export
length.kerasbridge_object <- function(x) {
  if (is_restored(x)) return(0L)
  as.integer(prod(tensor_field(x, "shape")))
}

tensor_field <- function(x, field) .Call(krb_call2, "tensor_field", x, field)

#' @rdname kerasbridge_tensor
#' @param name The attribute: `shape`, `dtype`, `ndim` or `numpy`.
#' @export
`$.kerasbridge_tensor` <- function(x, name) {
  switch(name,
    shape = new_shape(tensor_field(x, "shape")),
    numpy = function() as.array(x),
    tensor_field(x, name)
  )
}

#' @export
format.kerasbridge_object <- function(x, ...) {
  header <- .Call(krb_call1, "describe", x)
  if (!.Call(krb_call1, "usable", x)) return(header)
  paste(c(header, format_values(as.array(x))), collapse = "\n")
}

# The lines R prints for an array. An empty one of rank 2 or more gets one line: R would print
# a header for every row or slice, and max.print does not bound those.
format_values <- function(values) {
  if (length(values) == 0 && length(dim(values)) > 1)
    return(sprintf("<%s array of %s>", paste(dim(values), collapse = " x "), typeof(values)))
  utils::capture.output(print(values))
}

#' @export
print.kerasbridge_object <- function(x, ...) {
  cat(format(x, ...), "\n", sep = "")
  invisible(x)
}

methods::setMethod("show", "kerasbridge_object", function(object) print.kerasbridge_object(object))

#' @export
str.kerasbridge_object <- function(object, ...) {
  cat(.Call(krb_call1, "describe", object), "\n", sep = "")
  invisible()
}

#' Shapes
#'
#' `$shape` gives a `kerasbridge_shape`: integer dimensions that print as `shape(3, 3)`.
#' `shape()` makes one; `unlist()`, `as.integer()` and `as.numeric()` give plain numbers.
#'
#' @param ... Dimensions (numbers; `NA` for unknown).
#' @return A `kerasbridge_shape`.
#' @examples
#' s <- shape(3, 4)
#' s
#' as.integer(s)
#' @export
shape <- function(...) new_shape(.Call(krb_call1, "shape_new", list(...)))

new_shape <- function(dims) structure(as.list(dims), class = "kerasbridge_shape")

#' @export
format.kerasbridge_shape <- function(x, ...) {
  dims <- vapply(x, function(d) if (is.na(d)) "NA" else format(d, scientific = FALSE), "")
  sprintf("shape(%s)", paste(dims, collapse = ", "))
}

#' @export
print.kerasbridge_shape <- function(x, ...) {
  cat(format(x), "\n", sep = "")
  invisible(x)
}

#' @export
as.integer.kerasbridge_shape <- function(x, ...) as.integer(unlist(x))

#' @export
as.numeric.kerasbridge_shape <- function(x, ...) as.numeric(unlist(x))

#' @export
as.double.kerasbridge_shape <- function(x, ...) as.double(unlist(x))
