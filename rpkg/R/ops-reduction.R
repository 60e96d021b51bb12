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
#' `var()` and `sd()`, which divide by n - 1. Of complex numbers they are the mean of
#' `Mod(x - mean)^2` and its root: the variance in the complex dtype, the deviation real, as
#' TensorFlow gives them.
#'
#' @param x A tensor, variable, R array or number.
#' @param axis `NULL` (every axis) or the axes to reduce: whole numbers, 1-based, negative
#'   counting from the end. No axis (`integer(0)` or `list()`) reduces nothing, as Python's
#'   `axis=()` (keras3's `as_axis()` refuses it).
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
op_max <- function(x, axis = NULL, keepdims = FALSE, initial = NULL) extremum("max", x, axis, keepdims, initial)

#' @rdname op_reductions
#' @export
op_min <- function(x, axis = NULL, keepdims = FALSE, initial = NULL) extremum("min", x, axis, keepdims, initial)

# NumPy's `initial` of max and min: one more element along each reduced axis, so that it joins
# the comparison and an empty reduction gives it, as `np.max(x, initial = )` does.
extremum <- function(name, x, axis, keepdims, initial) {
  if (is.null(initial)) return(reduce(name, x, axis, keepdims))
  x <- tensor_of(x)
  rank <- op_ndim(x)
  axes <- if (is.null(axis)) seq_len(rank) else .Call(krb_call2, "axes_normalized", x, axis)
  # A scalar's reduction is a scalar, keepdims or not: the axis padded here is not its own.
  if (rank == 0L) return(reduce(name, op_pad(op_reshape(x, 1L), c(1L, 0L), constant_values = initial), NULL, FALSE))
  widths <- matrix(0L, rank, 2L)
  widths[axes, 1L] <- 1L
  reduce(name, op_pad(x, widths, constant_values = initial), axis, keepdims)
}

#' @rdname op_reductions
#' @export
op_prod <- function(x, axis = NULL, keepdims = FALSE, dtype = NULL) {
  if (is.null(dtype)) return(reduce("prod", x, axis, keepdims))
  # The product in `dtype` itself, as NumPy's prod(dtype=) and Keras give it: narrow integers
  # and bools would otherwise widen to int32 or uint32 as they do without `dtype`.
  op_cast(reduce("prod", op_cast(x, dtype), axis, keepdims), dtype)
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
#' `dtype`. Floats to integers truncate toward zero, as NumPy's `astype`; values the integer
#' dtype cannot hold wrap around as NumPy's (and TensorFlow's) casts leave them on x86-64
#' (`-22.5` becomes 234 as uint8, NaN and values beyond 32 bits become 0). `op_saturate_cast()`
#' first clips the values to what `dtype` can hold (as Keras does: to the nearest value of `x`'s
#' dtype within that range), so that out-of-range values become `dtype`'s least or greatest
#' value instead of wrapping around.
#'
#' @param x A tensor, variable, R array or number.
#' @param dtype A dtype name, such as `"float32"` or `"int64"`; `NULL` is [config_floatx()], as Keras's `standardize_dtype(None)`.
#' @return A tensor.
#' @family core ops
#' @examples
#' op_cast(c(1.7, -2.7), "int32")
#' op_cast(keras_variable(array(1:4, c(2, 2))), "float16")
#' op_cast(op_array(c(-22.5, 276.3), "float32"), "uint8")
#' op_saturate_cast(op_array(c(-22.5, 276.3), "float32"), "uint8")
#' @export
op_cast <- function(x, dtype) .Call(krb_call2, "op_cast", x, if (is.null(dtype)) config_floatx() else dtype)

# The least and greatest values of a dtype, as doubles (the 64-bit integer maxima round up).
dtype_limits <- function(dtype) switch(dtype,
  bool = c(0, 1), int8 = c(-2^7, 2^7 - 1), int16 = c(-2^15, 2^15 - 1), int32 = c(-2^31, 2^31 - 1), int64 = c(-2^63, 2^63),
  uint8 = c(0, 2^8 - 1), uint16 = c(0, 2^16 - 1), uint32 = c(0, 2^32 - 1), uint64 = c(0, 2^64),
  float16 = c(-65504, 65504), bfloat16 = c(-3.3895313892515355e38, 3.3895313892515355e38),
  float32 = c(-3.4028234663852886e38, 3.4028234663852886e38), float64 = c(-.Machine$double.xmax, .Machine$double.xmax),
  raise_bridge_error("value_error", sprintf("`op_saturate_cast()` casts between real dtypes. Received: dtype=%s", dtype)))

# Where a running maximum starts: -Inf for floats (and complex), else the dtype's least value.
least_value <- function(dtype) if (grepl("int|bool", dtype)) dtype_limits(dtype)[[1L]] else -Inf

#' @rdname op_cast
#' @export
op_saturate_cast <- function(x, dtype) {
  x <- tensor_of(x)
  from <- op_dtype(x)
  to <- standardize_dtype(dtype)
  bounds <- c(max(dtype_limits(from)[[1L]], dtype_limits(to)[[1L]]), min(dtype_limits(from)[[2L]], dtype_limits(to)[[2L]]))
  # Each bound as a value of x's dtype: a float one nudged toward zero while it rounds beyond
  # what `to` holds; an integer maximum of 2^63 or 2^64, which stands for 2^63 - 1 or 2^64 - 1
  # (no double holds them), built exactly from its halves. The least values (0, -2^63 at most)
  # are exact doubles.
  bound <- function(value, side) {
    if (!grepl("float", from)) {
      if (value < 2^63) return(op_cast(op_array(value, "float64"), from))
      half <- op_cast(op_array(value / 2, "float64"), from)
      return(half - 1L + half)
    }
    limit <- as.vector(as.array(op_cast(op_array(value, "float64"), from)))
    beyond <- if (side > 0) limit > dtype_limits(to)[[2L]] || (grepl("int64", to) && limit >= dtype_limits(to)[[2L]]) else limit < dtype_limits(to)[[1L]]
    if (beyond) {
      # The next value of x's float format toward zero: one unit in the last place less (half
      # of one below a power of two).
      digits <- c(float16 = 11, bfloat16 = 8, float32 = 24, float64 = 53)[[from]]
      exponent <- floor(log2(abs(limit)))
      limit <- limit - sign(limit) * 2^(exponent - digits + if (abs(limit) == 2^exponent) 0 else 1)
    }
    op_array(limit, from)
  }
  if (from == "bool") return(op_cast(x, to))
  op_cast(op_clip(x, bound(bounds[[1L]], -1), bound(bounds[[2L]], 1)), to)
}
