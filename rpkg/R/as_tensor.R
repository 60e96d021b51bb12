#' @include objects.R
NULL

#' Coerce to a tensor, as keras3's `as_tensor()`
#'
#' keras3 exports TensorFlow's `as_tensor()`; this is the same conversion on the engine's tensors.
#' R doubles become float64 (numbers and vectors too, unlike [op_convert_to_tensor()], which
#' gives a number [config_floatx()]), integers int32, logicals bool; a tensor stays as it is and
#' a variable gives its value.
#'
#' With `dtype`, real values are cast saturating ([op_saturate_cast()]): out-of-range values
#' take the dtype's least or greatest value instead of wrapping. R doubles going to an integer
#' dtype are first truncated to R integers when the dtype fits in one (as TensorFlow's R package
#' does: R warns and gives `NA` out of R's integer range), and doubles with `NA` or `NaN` cannot
#' go to an integer dtype.
#'
#' With `shape`, the values are laid out in row-major (C) order, as [op_reshape()] does; one
#' dimension may be unknown (`NA`, `NULL` in a list or [shape()], or `-1`). A single value fills
#' a fully known shape.
#'
#' @param x A tensor, variable, R array, vector or number.
#' @param dtype `NULL` or a dtype name, such as `"int32"`.
#' @param ... Unused, as in TensorFlow's R package.
#' @param shape `NULL`, or the shape of the result: a numeric vector, list or [shape()].
#' @param name Unused: TensorFlow's name for the tensor in a graph; there are no graphs here.
#' @return A tensor.
#' @examples
#' as_tensor(42)
#' as_tensor(42, "int32")
#' as_tensor(c(-1.7, 300), "uint8")
#' as_tensor(1:6, shape = c(2, 3))
#' as_tensor(0, shape = c(2, 2))
#' as_tensor(1:6, shape = c(NA, 2))
#' @export
as_tensor <- function(x, dtype = NULL, ..., shape = NULL, name = NULL) {
  if (!is.null(dtype)) dtype <- standardize_dtype(dtype)
  if (!is.null(dtype) && is.double(x) && !is_kerasbridge_object(x) && grepl("int", dtype)) {
    if (dtype_limits(dtype)[[2L]] <= .Machine$integer.max) storage.mode(x) <- "integer"
    if (anyNA(x))
      raise_bridge_error("value_error", sprintf("Converting R numbers with NA or NaN values to an integer dtype is not supported. Received: dtype=%s", dtype))
  }
  x <- if (is_kerasbridge_object(x)) op_convert_to_tensor(x)
       else if (is.double(x)) op_array(x, "float64")
       else op_array(x)
  if (!is.null(dtype) && !identical(op_dtype(x), dtype))
    x <- if (is_real_dtype(op_dtype(x)) && is_real_dtype(dtype)) op_saturate_cast(x, dtype) else op_cast(x, dtype)
  if (is.null(shape)) return(x)
  # Doubles, not R integers: a dimension of 2^31 must reach the engine, not become NA (unknown).
  dims <- if (is.numeric(shape)) as.numeric(ifelse(shape < 0, NA, shape)) else {
    # Anything but a vector, list or tensor goes to shape() whole, to be refused there: as.list()
    # of a function gives its arguments and body, and of most S4 objects fails.
    parts <- if (is.atomic(shape) || is.list(shape) || is_kerasbridge_object(shape)) as.list(shape) else list(shape)
    vapply(unclass(do.call(kerasbridge::shape, parts)), function(d) if (is.null(d)) NA_real_ else as.numeric(d), 0)
  }
  if (identical(as.numeric(dim(x)), dims)) return(x)
  if (op_ndim(x) == 0L && !anyNA(dims)) return(op_full(dims, x, dtype = op_dtype(x)))
  op_reshape(x, ifelse(is.na(dims), -1, dims))
}

# Integer and floating dtypes, between which TensorFlow's as_tensor() casts saturating.
is_real_dtype <- function(dtype) grepl("^(u?int|float|bfloat)", dtype)
