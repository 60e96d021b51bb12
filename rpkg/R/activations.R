#' Activation functions as keras3 names them
#'
#' keras3's `activation_*()` functions (Keras's `keras.activations`), applied to tensors,
#' variables, R arrays and numbers. Each is the [op_activations] function of the same name, with
#' Keras's activation defaults where they differ: `activation_gelu()` is exact by default
#' (`approximate = FALSE`, where `op_gelu()` uses the tanh approximation), and
#' `activation_relu()` also takes a negative slope, a ceiling and a threshold:
#' `x` above `threshold` (else 0), limited to `max_value`, minus `negative_slope` times the
#' amount by which `x` falls below `threshold`. `activation_exponential()` is [op_exp()],
#' `activation_mish()` is `x * tanh(softplus(x))`, and `activation_linear()` gives `x` back
#' unchanged. `activation_hard_swish()` is `activation_hard_silu()`.
#'
#' @inheritParams op_activations
#' @param max_value `activation_relu()`'s ceiling, or `NULL` for none.
#' @param threshold Where `activation_relu()` starts to pass `x` on (below it, only the negative
#'   slope's part), and where `activation_hard_shrink()`, `activation_soft_shrink()` and
#'   `activation_threshold()` cut.
#' @return A tensor (`activation_linear()`: `x`).
#' @family nn ops
#' @examples
#' x <- op_array(c(-3, -1, 0, 2, 7))
#' activation_relu(x)
#' activation_relu(x, negative_slope = 0.1, max_value = 5, threshold = 1)
#' activation_gelu(x)
#' activation_mish(x)
#' activation_softmax(matrix(1:6, 2))
#' @name activations
NULL

#' @rdname activations
#' @export
activation_relu <- function(x, negative_slope = 0, max_value = NULL, threshold = 0) {
  x <- tensor_of(x)
  negative_slope <- one_number(negative_slope, "negative_slope")
  threshold <- one_number(threshold, "threshold")
  if (!is.null(max_value)) max_value <- one_number(max_value, "max_value")
  if (negative_slope != 0 && is.null(max_value) && threshold == 0) return(op_leaky_relu(x, negative_slope))
  # How far x falls below the threshold, which the negative slope scales (Keras's ReLU).
  below <- if (negative_slope != 0) op_relu(op_add(op_negative(x), threshold))
  clip <- !is.null(max_value)
  y <- if (threshold != 0) {
    op_where(op_greater(x, op_cast(threshold, x$dtype)), x, op_cast(0L, x$dtype))
  } else if (clip && max_value == 6) {
    clip <- FALSE
    op_relu6(x)
  } else {
    op_relu(x)
  }
  if (clip) y <- op_clip(y, op_cast(0, y$dtype), op_cast(max_value, y$dtype))
  if (negative_slope != 0) y <- op_subtract(y, op_multiply(negative_slope, below))
  y
}

#' @rdname activations
#' @export
activation_leaky_relu <- function(x, negative_slope = 0.2) op_leaky_relu(x, negative_slope)

#' @rdname activations
#' @export
activation_relu6 <- function(x) op_relu6(x)

#' @rdname activations
#' @export
activation_elu <- function(x, alpha = 1) op_elu(x, alpha)

#' @rdname activations
#' @export
activation_selu <- function(x) op_selu(x)

#' @rdname activations
#' @export
activation_celu <- function(x, alpha = 1) op_celu(x, alpha)

#' @rdname activations
#' @export
activation_gelu <- function(x, approximate = FALSE) op_gelu(x, approximate)

#' @rdname activations
#' @export
activation_glu <- function(x, axis = -1L) op_glu(x, axis)

#' @rdname activations
#' @export
activation_silu <- function(x) op_silu(x)

#' @rdname activations
#' @export
activation_hard_silu <- function(x) op_hard_silu(x)

#' @rdname activations
#' @export
activation_hard_swish <- activation_hard_silu

#' @rdname activations
#' @export
activation_mish <- function(x) {
  x <- tensor_of(x)
  op_multiply(x, op_tanh(op_softplus(x)))
}

#' @rdname activations
#' @export
activation_sigmoid <- function(x) op_sigmoid(x)

#' @rdname activations
#' @export
activation_hard_sigmoid <- function(x) op_hard_sigmoid(x)

#' @rdname activations
#' @export
activation_log_sigmoid <- function(x) op_log_sigmoid(x)

#' @rdname activations
#' @export
activation_sparse_sigmoid <- function(x) op_sparse_sigmoid(x)

#' @rdname activations
#' @export
activation_softplus <- function(x) op_softplus(x)

#' @rdname activations
#' @export
activation_sparse_plus <- function(x) op_sparse_plus(x)

#' @rdname activations
#' @export
activation_squareplus <- function(x, b = 4L) op_squareplus(x, b)

#' @rdname activations
#' @export
activation_softsign <- function(x) op_softsign(x)

#' @rdname activations
#' @export
activation_tanh <- function(x) op_tanh(x)

#' @rdname activations
#' @export
activation_hard_tanh <- function(x) op_hard_tanh(x)

#' @rdname activations
#' @export
activation_tanh_shrink <- function(x) op_tanh_shrink(x)

#' @rdname activations
#' @export
activation_hard_shrink <- function(x, threshold = 0.5) op_hard_shrink(x, threshold)

#' @rdname activations
#' @export
activation_soft_shrink <- function(x, threshold = 0.5) op_soft_shrink(x, threshold)

#' @rdname activations
#' @export
activation_threshold <- function(x, threshold, default_value) op_threshold(x, threshold, default_value)

#' @rdname activations
#' @export
activation_softmax <- function(x, axis = -1L) op_softmax(x, axis)

#' @rdname activations
#' @export
activation_log_softmax <- function(x, axis = -1L) op_log_softmax(x, axis)

#' @rdname activations
#' @export
activation_sparsemax <- function(x, axis = -1L) op_sparsemax(x, axis)

#' @rdname activations
#' @export
activation_exponential <- function(x) op_exp(x)

#' @rdname activations
#' @export
activation_linear <- function(x) x
