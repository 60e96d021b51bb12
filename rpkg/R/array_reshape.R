#' Reshape an R array in row-major order, as keras3's `array_reshape()`
#'
#' keras3 exports reticulate's `array_reshape()`, which reshapes with NumPy: the elements are
#' read and written in row-major (C) order by default, the last index changing fastest, as Keras
#' and [op_reshape()] lay them out. `dim(x) <- d` fills column-major instead, which is
#' `order = "F"` here. The result is an R array of the same type as `x`; one dimension may be
#' `-1`, worked out from the others. A tensor or variable gives an R array of its values.
#'
#' @param x An R array or vector, a data frame, or a tensor or variable.
#' @param dim The new dimensions: a vector, or a list of single numbers such as a [shape()].
#' @param order `"C"` (row-major) or `"F"` (column-major).
#' @return An R array with dimensions `dim`.
#' @examples
#' array_reshape(1:4, c(2, 2))
#' x <- matrix(1:6, 2, byrow = TRUE)
#' array_reshape(x, c(3, 2))
#' array_reshape(x, c(-1, 6))
#' array_reshape(1:4, c(2, 2), order = "F")
#' @export
array_reshape <- function(x, dim, order = c("C", "F")) {
  # The default is "C"; anything else must be one of the two (match.arg()'s errors are R's own).
  order <- choice(if (identical(order, c("C", "F"))) "C" else order, c("C", "F"), "order")
  if (is_kerasbridge_object(x)) x <- as.array(x)
  if (is.data.frame(x)) x <- as.matrix(x)
  if (!is.atomic(x) || is.null(x))
    raise_bridge_error("type_error", sprintf("`x` must be an R array, vector or tensor. Received: x=<%s>", class(x)[[1L]]))
  new_dim <- reshaped_dim(length(x), dim)
  if (order == "F") return(array(as.vector(x), new_dim))
  old_dim <- if (is.null(base::dim(x))) length(x) else base::dim(x)
  row_major(array(as.vector(x), old_dim), new_dim)
}

# NumPy's reading of a new shape for `n` elements: at most one -1, worked out from the rest.
reshaped_dim <- function(n, dim) {
  # reticulate reads the dimensions with as.integer(), which takes a list of single numbers.
  if (is.list(dim) && all(lengths(dim) == 1L) && all(vapply(dim, is.numeric, logical(1)))) dim <- unlist(dim)
  if (!is.numeric(dim) || anyNA(dim) || any(dim != trunc(dim)) || any(dim < -1))
    raise_bridge_error("value_error", sprintf("`dim` must be whole numbers, at most one of them -1. Received: dim=%s", shown(dim)))
  dim <- as.double(dim)
  unknown <- which(dim == -1)
  if (length(unknown) > 1L) raise_bridge_error("value_error", "can only specify one unknown dimension")
  known <- prod(dim[dim != -1])
  if (length(unknown) == 1L && known > 0 && n %% known == 0) dim[unknown] <- n / known
  if (length(unknown) == 1L && dim[unknown] == -1 || prod(dim) != n)
    raise_bridge_error("value_error", sprintf("cannot reshape array of size %.0f into shape %s", n, tuple_text(dim)))
  if (all(dim <= .Machine$integer.max)) as.integer(dim) else dim
}

# `x`'s elements in row-major order laid out row-major in an array of dimensions `dims`.
row_major <- function(x, dims) {
  old <- length(dim(x))
  values <- if (old > 1L) as.vector(aperm(x, old:1)) else as.vector(x)
  if (length(dims) < 2L) return(array(values, dims))
  aperm(array(values, rev(dims)), length(dims):1)
}
