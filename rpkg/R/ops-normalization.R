#' @include ops-indexing.R
NULL

#' Normalizing tensors, and the signal-to-noise ratio
#'
#' keras3's `op_normalize()` divides `x` by its `order`-norm along `axis` (at least
#' `epsilon`, by default [config_epsilon()]). `op_rms_normalization()` divides by the root mean
#' square along `axis` (plus `epsilon` under the root) and multiplies by `scale`;
#' `op_layer_normalization()` subtracts the mean along `axis` and divides by the standard
#' deviation (the variance plus `epsilon` under the root), then multiplies by `gamma` and adds
#' `beta` (with `rms_scaling = TRUE`, it only divides by the root of the variance plus `epsilon`
#' and multiplies by `gamma`). These two compute in at least float32 and give back `x`'s dtype,
#' as Keras. `op_psnr()` is the peak signal-to-noise ratio of two tensors of one shape, in
#' decibels: `20 * log10(max_val) - 10 * log10(mean((x1 - x2)^2))`.
#'
#' @param x,x1,x2 Tensors, variables or R arrays.
#' @param axis The axis (or axes), 1-based (negative from the end).
#' @param order The norm: a whole number from 1.
#' @param epsilon A small number, or `NULL` for [config_epsilon()].
#' @param scale,gamma,beta `NULL` or tensors that broadcast along `axis`.
#' @param ... `rms_scaling = TRUE` for `op_layer_normalization()`'s scaling without centring.
#' @param max_val The largest value a signal can take.
#' @return A tensor (`op_psnr()`: a 0-d one).
#' @family nn ops
#' @examples
#' x <- rbind(c(3, 4), c(1, 0))
#' op_normalize(x)
#' op_normalize(x, order = 1)
#' op_rms_normalization(x)
#' op_layer_normalization(x, gamma = c(1, 2), beta = c(0, 1))
#' op_psnr(c(0, 0.5, 1), c(0, 0.4, 1), max_val = 1)
#' @name op_normalize
NULL

#' @rdname op_normalize
#' @export
op_normalize <- function(x, axis = -1L, order = 2L, epsilon = NULL) {
  if (!is.numeric(order) || length(order) != 1L || is.na(order) || order != trunc(order) || order < 1)
    raise_bridge_error("value_error", sprintf("Argument `order` must be an int >= 1. Received: order=%s", shown(order)))
  x <- at_least_rank(x, 1L)
  epsilon <- one_number(if (is.null(epsilon)) config_epsilon() else epsilon, "epsilon")
  if (order == 2) {
    squares <- op_sum(op_square(x), axis = axis, keepdims = TRUE)
    return(op_multiply(x, op_rsqrt(op_maximum(squares, epsilon^2))))
  }
  op_divide(x, op_maximum(op_norm(x, ord = as.integer(order), axis = axis, keepdims = TRUE), epsilon))
}

# Keras's normalizations compute in at least float32 and cast back.
computing_dtype <- function(dtype, name) {
  if (grepl("complex", dtype)) raise_bridge_error("type_error", sprintf("`%s` does not support dtype %s.", name, dtype))
  if (dtype == "float64") dtype else "float32"
}

#' @rdname op_normalize
#' @export
op_rms_normalization <- function(x, scale = NULL, axis = -1L, epsilon = NULL) {
  x <- tensor_of(x)
  original <- x$dtype
  x <- at_least_rank(op_cast(x, computing_dtype(original, "rms_normalization")), 1L)
  if (is.null(epsilon)) epsilon <- config_epsilon()
  outputs <- op_multiply(x, op_rsqrt(op_add(op_mean(op_square(x), axis = axis, keepdims = TRUE), epsilon)))
  if (!is.null(scale)) outputs <- op_multiply(outputs, op_cast(scale, x$dtype))
  op_cast(outputs, original)
}

#' @rdname op_normalize
#' @export
op_layer_normalization <- function(x, gamma = NULL, beta = NULL, axis = -1L, epsilon = NULL, ...) {
  x <- tensor_of(x)
  original <- x$dtype
  x <- op_cast(x, computing_dtype(original, "layer_normalization"))
  if (is.null(epsilon)) epsilon <- config_epsilon()
  axes <- .Call(krb_call2, "axes_normalized", x, axis)
  rank <- op_ndim(x)
  # Scales given for the normalized axes alone line up with them (Keras's reshape), unless
  # those axes are just the last, where broadcasting does it.
  along_axes <- function(v) {
    if (is.null(v)) return(NULL)
    v <- op_cast(as_array(v), x$dtype)
    if (op_ndim(v) == rank || identical(as.integer(axes), rank)) return(v)
    shape <- rep(1L, rank)
    shape[sort(axes)] <- as.integer(op_shape(x))[sort(axes)]
    op_reshape(v, shape)
  }
  gamma <- along_axes(gamma)
  beta <- along_axes(beta)
  if (isTRUE(list(...)$rms_scaling)) {
    raise_bridge_warning("user_warning", paste(
      "You passed `rms_scaling=True`, which is deprecated. This argument incorrectly scales the input by the variance,",
      "not the root mean square. To correctly use RMS Normalization, please use `op_rms_normalization()` instead."))
    outputs <- op_multiply(x, op_rsqrt(op_add(op_var(x, axis = axes, keepdims = TRUE), epsilon)))
    if (!is.null(gamma)) outputs <- op_multiply(outputs, gamma)
    return(op_cast(outputs, original))
  }
  moments <- op_moments(x, axes, keepdims = TRUE)
  inv <- op_rsqrt(op_add(moments[[2L]], epsilon))
  if (!is.null(gamma)) inv <- op_multiply(inv, gamma)
  shift <- op_multiply(op_negative(moments[[1L]]), inv)
  if (!is.null(beta)) shift <- op_add(shift, beta)
  op_cast(op_add(op_multiply(x, inv), shift), original)
}

#' @rdname op_normalize
#' @export
op_psnr <- function(x1, x2, max_val) {
  x1 <- tensor_of(x1)
  x2 <- tensor_of(x2)
  if (!identical(as.integer(op_shape(x1)), as.integer(op_shape(x2))))
    raise_bridge_error("value_error", sprintf("Input shapes %s and %s must match for PSNR calculation.",
                                              shape_text(x1), shape_text(x2)))
  mse <- op_mean(op_square(op_subtract(x1, x2)))
  op_subtract(op_multiply(20L, op_log10(op_cast(max_val, x2$dtype))), op_multiply(10L, op_log10(mse)))
}

#' Batch normalization with given statistics
#'
#' keras3's `op_batch_normalization()`: `(x - mean) / sqrt(variance + epsilon) * scale + offset`,
#' where `mean`, `variance`, `offset` and `scale` are vectors along `axis` of `x` (1-based,
#' negative from the end), as Keras computes it.
#'
#' @param x A tensor, variable or R array.
#' @param mean,variance Vectors as long as `x`'s `axis`.
#' @param axis The axis they run along.
#' @param offset,scale `NULL`, or vectors as long as `x`'s `axis`.
#' @param epsilon A small number added to the variance.
#' @return A tensor of `x`'s shape and, for a float `x`, its dtype.
#' @family nn ops
#' @examples
#' x <- rbind(c(0.1, 0.2, 0.3), c(0.4, 0.5, 0.6), c(0.7, 0.8, 0.9))
#' op_batch_normalization(x, mean = c(0.4, 0.5, 0.6), variance = c(0.67, 0.67, 0.67), axis = -1)
#' @export
op_batch_normalization <- function(x, mean, variance, axis, offset = NULL, scale = NULL, epsilon = 0.001) {
  x <- tensor_of(x)
  n <- axis_length(x, axis)
  axis <- one_axis(x, axis)
  along <- along_axis_shape(op_ndim(x), axis, n)
  as_along <- function(v, name) {
    v <- keras_tensor(as_array(v))
    if (op_size(v) == 1L) return(op_reshape(v, rep(1L, length(along))))
    if (op_size(v) != n)
      raise_bridge_error("value_error", sprintf("`%s` must have one value per element of axis %d of `x` (%d). Received: %s.shape=%s", name, axis, n, name, shape_text(v)))
    op_reshape(v, along)
  }
  inverse <- 1 / op_sqrt(as_along(variance, "variance") + epsilon)
  if (!is.null(scale)) inverse <- inverse * as_along(scale, "scale")
  shift <- -as_along(mean, "mean") * inverse
  if (!is.null(offset)) shift <- shift + as_along(offset, "offset")
  # In x's dtype, as Keras's BatchNorm gives it (TensorFlow takes the statistics in x's dtype).
  normalized <- x * inverse + shift
  if (grepl("float", op_dtype(x))) op_cast(normalized, op_dtype(x)) else normalized
}
