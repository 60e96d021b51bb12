#' @include objects.R
NULL

#' Reductions
#'
#' keras3's reductions of tensors, variables, R arrays and numbers over some axes, or all.
#' `axis` is 1-based as everywhere in keras3 (negative counts from the end, `axis = 1` reduces
#' the rows of a matrix, giving one value per column); several axes may be given; `NULL`
#' reduces every element. With `keepdims = TRUE` the reduced axes stay, with length 1.
#'
#' Result dtypes follow Keras: `op_sum()` and `op_prod()` of bool, int8 and int16 give int32
#' (uint8 and uint16: uint32), other dtypes stay; `op_mean()`, `op_var()` and `op_std()` of
#' integers and bools give float32; `op_max()`, `op_min()` keep the dtype (NaN if any element is
#' NaN); `op_any()` and `op_all()` give bool; `op_count_nonzero()` int32; `op_logsumexp()` a float
#' dtype. `op_var()` and `op_std()` are the population figures (divided by n, as NumPy), not R's
#' `var()` and `sd()`, which divide by n - 1.
#'
#' @param x A tensor, variable, R array or number.
#' @param axis `NULL` (every axis) or the axes to reduce: whole numbers, 1-based, negative
#'   counting from the end.
#' @param keepdims Whether the reduced axes stay, with length 1.
#' @param initial For `op_max()`/`op_min()`: `NULL`, or a number the result is compared with
#'   (the result is at least, or at most, `initial`; a reduction of no elements gives it).
#' @param dtype For `op_prod()`: `NULL`, or the dtype to compute and return in.
#' @return A tensor.
#' @family numpy ops
#' @examples
#' x <- keras_variable(array(c(1, 4, 2, 8, 3, 6), c(2, 3)))
#' op_sum(x)
#' op_sum(x, axis = 1)
#' op_mean(x, axis = 2, keepdims = TRUE)
#' op_max(x, axis = -1)
#' op_std(x)
#' op_any(op_greater(x, 7))
#' op_count_nonzero(array(c(0, 1, 2, 0), c(2, 2)), axis = 2)
#' op_logsumexp(c(1, 2, 3))
#' @name op_reductions
NULL

reduce <- function(name, x, axis, keepdims) .Call(krb_call4, "op_reduce", name, x, axis, keepdims)

#' @rdname op_reductions
#' @export
op_sum <- function(x, axis = NULL, keepdims = FALSE) reduce("sum", x, axis, keepdims)

#' @rdname op_reductions
#' @export
op_mean <- function(x, axis = NULL, keepdims = FALSE) reduce("mean", x, axis, keepdims)

#' @rdname op_reductions
#' @export
op_max <- function(x, axis = NULL, keepdims = FALSE, initial = NULL) reduce("max", with_initial(x, axis, initial), axis, keepdims)

#' @rdname op_reductions
#' @export
op_min <- function(x, axis = NULL, keepdims = FALSE, initial = NULL) reduce("min", with_initial(x, axis, initial), axis, keepdims)

# NumPy's `initial` of max and min: one more element along each reduced axis, so that it joins
# the comparison and an empty reduction gives it, as `np.max(x, initial = )` does.
with_initial <- function(x, axis, initial) {
  if (is.null(initial)) return(x)
  x <- as_tensor(x)
  rank <- op_ndim(x)
  if (rank == 0L) return(op_pad(op_reshape(x, 1L), c(1L, 0L), constant_values = initial))
  axes <- if (is.null(axis)) seq_len(rank) else .Call(krb_call2, "axes_normalized", x, axis)
  widths <- matrix(0L, rank, 2L)
  widths[axes, 1L] <- 1L
  op_pad(x, widths, constant_values = initial)
}

#' @rdname op_reductions
#' @export
op_prod <- function(x, axis = NULL, keepdims = FALSE, dtype = NULL) {
  if (!is.null(dtype)) x <- op_cast(x, dtype)
  reduce("prod", x, axis, keepdims)
}

#' @rdname op_reductions
#' @export
op_var <- function(x, axis = NULL, keepdims = FALSE) reduce("var", x, axis, keepdims)

#' @rdname op_reductions
#' @export
op_std <- function(x, axis = NULL, keepdims = FALSE) reduce("std", x, axis, keepdims)

#' @rdname op_reductions
#' @export
op_any <- function(x, axis = NULL, keepdims = FALSE) reduce("any", x, axis, keepdims)

#' @rdname op_reductions
#' @export
op_all <- function(x, axis = NULL, keepdims = FALSE) reduce("all", x, axis, keepdims)

#' @rdname op_reductions
#' @export
op_logsumexp <- function(x, axis = NULL, keepdims = FALSE) reduce("logsumexp", x, axis, keepdims)

#' @rdname op_reductions
#' @export
op_count_nonzero <- function(x, axis = NULL) reduce("count_nonzero", x, axis, FALSE)

#' Cast to a dtype
#'
#' keras3's `op_cast()`: the values of a tensor, variable, R array or number as a tensor of
#' `dtype`. Floats to integers truncate toward zero, as NumPy's `astype`.
#'
#' @param x A tensor, variable, R array or number.
#' @param dtype A dtype name, such as `"float32"` or `"int64"`.
#' @return A tensor.
#' @family core ops
#' @examples
#' op_cast(c(1.7, -2.7), "int32")
#' op_cast(keras_variable(array(1:4, c(2, 2))), "float16")
#' @export
op_cast <- function(x, dtype) .Call(krb_call2, "op_cast", x, dtype)
