#' @include ops-indexing.R
NULL

#' Joining tensors: stacks and appends
#'
#' keras3's `op_hstack()` joins tensors side by side: 1-d tensors end to end, others along their
#' second axis; `op_vstack()` joins them as rows, along the first axis, a 1-d tensor being one
#' row. Both take a list of tensors, or tensors as separate arguments, and R vectors as 1-d
#' arrays (doubles are float64), as keras3 does. `op_append()` appends `x2` to `x1` along
#' `axis`, or, when `axis` is `NULL`, joins both flattened in row-major order. Inputs promote to
#' a common dtype.
#'
#' @param xs A list of tensors, variables or R arrays; or one of them.
#' @param ... More tensors, variables or R arrays.
#' @param x1,x2 Tensors, variables or R arrays.
#' @param axis The axis, 1-based (negative from the end); `NULL` flattens both first.
#' @return A tensor.
#' @family numpy ops
#' @seealso [op_concatenate()]
#' @examples
#' op_hstack(c(1, 2), c(3, 4, 5))
#' op_vstack(c(1, 2), c(3, 4))
#' m <- matrix(1:4, 2)
#' op_hstack(list(m, m))
#' op_append(m, c(5L, 6L))
#' op_append(m, matrix(5:6, 1), axis = 1)
#' @name op_hstack
NULL

# keras3's list of tensors for the stacking ops: `xs` (a list, or one tensor) and any more given
# as further arguments; plain R vectors as 1-d arrays.
stacked_list <- function(xs, ...) {
  if (!is.list(xs)) xs <- list(xs)
  xs <- c(xs, list(...))
  names(xs) <- NULL
  lapply(xs, as_array)
}

# NumPy's atleast_1d / atleast_2d: a tensor of lower rank gets leading axes of length 1.
at_least_rank <- function(x, rank) {
  x <- as_tensor(x)
  shape <- as.integer(op_shape(x))
  if (length(shape) >= rank) x else op_reshape(x, c(rep(1L, rank - length(shape)), shape))
}

#' @rdname op_hstack
#' @export
op_hstack <- function(xs, ...) {
  xs <- lapply(stacked_list(xs, ...), at_least_rank, rank = 1L)
  op_concatenate(xs, axis = if (length(xs) && op_ndim(xs[[1L]]) == 1L) 1L else 2L)
}

#' @rdname op_hstack
#' @export
op_vstack <- function(xs, ...) op_concatenate(lapply(stacked_list(xs, ...), at_least_rank, rank = 2L), axis = 1L)

#' @rdname op_hstack
#' @export
op_append <- function(x1, x2, axis = NULL) {
  if (is.null(axis)) op_concatenate(list(flattened(x1), flattened(x2)), axis = 1L)
  else op_concatenate(list(as_array(x1), as_array(x2)), axis = axis)
}
