#' @include ops-reduction.R
NULL

#' Quantiles, medians and weighted averages
#'
#' keras3's `op_quantile()` gives the `q`-th quantiles (`q` between 0 and 1) of `x` over `axis`
#' (1-based; several axes together; `NULL`: every element), as NumPy's `quantile()`: `method`
#' `"linear"` interpolates between the two nearest sorted values, `"lower"`, `"higher"`,
#' `"nearest"` and `"midpoint"` pick or average them. The axes of `q` (a vector, an array or a
#' tensor) come first in the result. A reduction holding NaN gives NaN. `op_median()` is NumPy's
#' median: the middle value, or the mean of the middle two (NaN for no elements).
#' `op_average()` is the mean, or with `weights` the weighted mean: `weights` of `x`'s shape,
#' or with `axis` one weight per element along that axis. Integer and bool inputs give floatx
#' ([config_floatx()]), as Keras.
#'
#' @param x A tensor, variable, R array or number.
#' @param q Probabilities, between 0 and 1.
#' @param axis `NULL` or axes, 1-based (negative from the end); `op_average()` takes one.
#' @param method How a quantile between two sorted values is found.
#' @param keepdims Whether the reduced axes stay, with length 1.
#' @param weights `NULL`, or the weights.
#' @return A tensor.
#' @family numpy ops
#' @examples
#' x <- op_array(matrix(c(1, 4, 2, 8, 3, 6), 2))
#' op_median(x)
#' op_median(x, axis = 2)
#' op_quantile(x, c(0.25, 0.75), axis = 1)
#' op_average(c(1, 2, 3), weights = c(3, 1, 0))
#' @name op_quantile
NULL

#' @rdname op_quantile
#' @export
op_quantile <- function(x, q, axis = NULL, method = "linear", keepdims = FALSE) {
  methods <- c("linear", "lower", "higher", "midpoint", "nearest")
  if (!is.character(method) || length(method) != 1L || !method %in% methods)
    raise_bridge_error("value_error", sprintf("`method` must be one of %s. Received: method=%s", paste0("\"", methods, "\"", collapse = ", "), shown(method)))
  # A list is the Python list keras3 hands Keras: one axis, even of one element.
  if (is.list(q)) q <- array(if (length(q)) unlist(q) else numeric(), length(q))
  q_shape <- if (is_kerasbridge_object(q)) unlist(op_shape(q)) else if (!is.null(dim(q))) dim(q) else if (length(q) == 1L) integer() else length(q)
  q_array <- if (is_kerasbridge_object(q)) as.array(q) else q
  # In row-major order, as quantiles_along() lays the results out in q's shape.
  q_values <- if (is.numeric(q_array)) as.vector(row_major(q_array, length(q_array))) else q_array
  if (!is.numeric(q_values) || anyNA(q_values) || any(q_values < 0 | q_values > 1))
    raise_bridge_error("value_error", sprintf("Quantiles must be in the range [0, 1]. Received: q=%s", shown(q_values, nlines = 1L)))
  quantiles_along(float_tensor(x, "quantile"), q_values, q_shape, axis, method, keepdims)
}

#' @rdname op_quantile
#' @export
op_median <- function(x, axis = NULL, keepdims = FALSE)
  quantiles_along(float_tensor(x, "median"), 0.5, integer(), axis, "median", keepdims)

# The quantiles `q` of `x` over `axis`, as NumPy's quantile (`method`) or median ("median"):
# the reduced axes are merged into a last one, the order statistics the quantiles need selected
# along it, and the result has q's axes first, then the kept ones.
quantiles_along <- function(x, q, q_shape, axis, method, keepdims) {
  rank <- op_ndim(x)
  reduced <- if (is.null(axis)) seq_len(rank) else .Call(krb_call2, "axes_normalized", x, axis)
  kept <- setdiff(seq_len(rank), reduced)
  dims <- unlist(op_shape(x))
  # The merged length written out: a -1 cannot be worked out when a kept axis is empty.
  lines <- op_reshape(if (length(reduced)) op_transpose(x, c(kept, reduced)) else op_expand_dims(x, -1L), c(dims[kept], prod(dims[reduced])))
  n <- unlist(op_shape(lines))[[length(kept) + 1L]]
  result <- if (n == 0L) {
    # NumPy's median of nothing is NaN (with a warning); its quantile an IndexError.
    if (method != "median") raise_bridge_error("value_error", "Quantiles of no elements are undefined. Received: an empty reduction")
    op_full(c(dims[kept], length(q)), NaN, dtype = op_dtype(x))
  } else {
    position <- q * (n - 1)
    lower <- floor(position)
    upper <- ceiling(position)
    # NumPy interpolates towards the element after `lower` even at a whole position (with
    # weight 0, so that an infinite neighbour gives NaN, as Keras's backends give it).
    following <- pmin(lower + 1, n - 1)
    # Only the neighbours any method reads, selected as NumPy's partition does, not sorted.
    ranks <- sort(unique(c(lower, upper, following, round(position))))
    selected <- .Call(krb_call2, "sorted_at", lines, ranks)
    at <- function(i) op_take(selected, array(match(i, ranks), length(i)), axis = -1L)
    switch(method,
      lower = at(lower),
      higher = at(upper),
      nearest = at(round(position)),
      # NumPy's median: the middle value, or the mean of the middle two.
      median = if (n %% 2L) at(lower) else op_multiply(op_add(at(lower), at(upper)), 0.5),
      midpoint = lerp(at(lower), at(following), ifelse(lower == upper, 0, 0.5)),
      linear = lerp(at(lower), at(following), position - lower))
  }
  result <- op_where(op_any(op_isnan(lines), axis = -1L, keepdims = TRUE), NaN, result)
  if (flag(keepdims, "keepdims")) result <- op_reshape(result, c(ifelse(seq_len(rank) %in% reduced, 1L, dims), length(q)))
  # NumPy puts q's axes first (a single number has none).
  op_reshape(op_moveaxis(result, -1L, 1L), c(q_shape, unlist(op_shape(result))[-op_ndim(result)]))
}

# NumPy's interpolation between neighbours `a` and `b` at fractions `t` (along the last axis):
# from b's side where t >= 0.5, so that an infinite neighbour gives itself, not NaN.
lerp <- function(a, b, t) {
  diff <- op_subtract(b, a)
  weights <- function(w) op_array(array(w, length(w)), op_dtype(a))
  op_where(array(t >= 0.5, length(t)), op_subtract(b, op_multiply(diff, weights(1 - t))), op_add(a, op_multiply(diff, weights(t))))
}

#' @rdname op_quantile
#' @export
op_average <- function(x, axis = NULL, weights = NULL) {
  if (is.null(weights)) return(op_mean(float_tensor(x, "average"), axis = axis))
  x <- real_tensor(x, "average")
  weights <- real_tensor(weights, "average")
  # Keras averages in result_type(x, weights, float): float16 data keeps float16 with integer
  # weights, and integer data takes float16 weights' dtype.
  dtype <- float_dtype(promoted_dtype(op_dtype(x), op_dtype(weights)))
  x <- op_cast(x, dtype)
  weights <- op_cast(weights, dtype)
  if (!identical(unlist(op_shape(weights)), unlist(op_shape(x)))) {
    # Keras's messages, with the axis as it was given.
    if (is.null(axis))
      raise_bridge_error("value_error", sprintf("`weights` must have the same shape as `x` when `axis=None`, but received `weights.shape=%s` and `x.shape=%s`.",
                                                shape_text(weights), shape_text(x)))
    along <- .Call(krb_call2, "axes_normalized", x, axis)
    length_along <- if (length(along) == 1L) dim(x)[[along]] else "multiple axes"
    if (op_ndim(weights) != 1L || length(along) != 1L || unlist(op_shape(weights)) != length_along)
      raise_bridge_error("value_error", sprintf("`weights` must have the same size as `x` at axis=%s but received `weights.shape=%s` while x.shape at axis=%s is `%s`.",
                                                shown(axis), shape_text(weights), shown(axis), length_along))
    shape <- rep(1L, op_ndim(x))
    shape[along] <- -1L
    weights <- op_reshape(weights, shape)
  }
  op_divide(op_sum(op_multiply(x, weights), axis = axis), op_sum(op_multiply(op_ones_like(x), weights), axis = axis))
}

# A tensor of a float dtype: integers and bools become floatx, Keras's result_type(x, float)
# for quantile, median and average. Complex values are refused rather than cast to their real parts.
float_tensor <- function(x, name) {
  x <- real_tensor(x, name)
  op_cast(x, float_dtype(op_dtype(x)))
}

real_tensor <- function(x, name) {
  x <- tensor_of(x)
  if (grepl("complex", op_dtype(x)))
    raise_bridge_error("type_error", sprintf("`%s` does not support dtype %s.", name, op_dtype(x)))
  x
}
