#' @include objects.R
NULL

#' Activation functions
#'
#' keras3's neural-network activations, elementwise on tensors, variables, R arrays and
#' numbers. Float inputs keep their dtype, integer and bool inputs give [config_floatx()];
#' `op_relu()` and `op_relu6()` keep integer dtypes. `op_softmax()` and `op_log_softmax()` work
#' over `axis` (1-based; by default the last, so each row of a matrix sums to 1; `NULL`: all
#' elements together, as Keras's `axis=None`), as does
#' `op_sparsemax()`, which projects onto the probability simplex and so gives exact zeros (its
#' results sum to 1: Keras's backends compute the threshold from the sum of the running sums, so
#' where two or more logits stay above it theirs do not, `c(0.5, 0.2, 0.1)` giving 0.17, 0, 0
#' there and 0.57, 0.27, 0.17 here).
#' `op_softmax()` over one axis of length 1 gives ones and warns, as Keras does (a warning of
#' class `user_warning`); a list of axes, such as `list(2)`, does not warn, as Keras's tuple.
#' `op_hard_sigmoid()` is Keras 3's `relu6(x + 3) / 6`; `op_gelu()` uses the tanh approximation
#' unless `approximate = FALSE`; `op_selu()` uses Keras's constants (alpha 1.67326324, scale
#' 1.05070098). `op_hard_silu()` (also `op_hard_swish()`) is `x * op_hard_sigmoid(x)`;
#' `op_tanh_shrink()` is `x - tanh(x)`; `op_sparse_plus()` is 0 up to -1, `(x + 1)^2 / 4` below
#' 1, then `x`; `op_sparse_sigmoid()` is 0 up to -1, 1 from 1 and `(x + 1) / 2` between;
#' `op_hard_tanh()` limits `x` to `[-1, 1]` and keeps integer dtypes. `op_celu()` is `x` from 0
#' and `alpha * (exp(x / alpha) - 1)` below; `op_squareplus()` is `(x + sqrt(x^2 + b)) / 2`;
#' `op_glu()` splits `x` in two halves along `axis` and gives the first times the sigmoid of the
#' second. `op_hard_shrink()` keeps `x` where `abs(x) > threshold` and gives 0 elsewhere,
#' `op_soft_shrink()` also moves what it keeps `threshold` towards 0, and `op_threshold()` keeps
#' `x` where `x > threshold` and gives `default_value` elsewhere; these three (and `op_glu()`, as
#' Keras) keep `x`'s dtype.
#'
#' @param x A tensor, variable, R array or number.
#' @param approximate Whether `op_gelu()` uses the tanh approximation.
#' @param alpha The scale of the negative part of `op_elu()` and `op_celu()`.
#' @param b `op_squareplus()`'s smoothness.
#' @param threshold Where `op_hard_shrink()`, `op_soft_shrink()` and `op_threshold()` cut.
#' @param default_value `op_threshold()`'s value at and below `threshold`.
#' @param negative_slope The slope of the negative part of `op_leaky_relu()`.
#' @param axis The axis (or axes) `op_softmax()`, `op_log_softmax()` and `op_sparsemax()` normalise over; the
#'   axis `op_glu()` splits.
#' @return A tensor.
#' @family nn ops
#' @examples
#' x <- keras_variable(array(c(-2, -0.5, 0, 1.5, 3, 8), c(2, 3)))
#' op_relu(x)
#' op_sigmoid(x)
#' op_gelu(x)
#' op_leaky_relu(x, negative_slope = 0.1)
#' op_hard_silu(x)
#' op_sparse_plus(x)
#' op_hard_tanh(x)
#' op_celu(x)
#' op_squareplus(x)
#' op_glu(x, axis = 1)
#' op_soft_shrink(x, threshold = 1)
#' op_threshold(x, 1, default_value = -1)
#' op_softmax(x)
#' op_log_softmax(x, axis = 1)
#' op_sparsemax(c(1, 2, 3))
#' @name op_activations
NULL

#' @rdname op_activations
#' @export
op_relu <- function(x) .Call(krb_call2, "op_unary", "relu", x)

#' @rdname op_activations
#' @export
op_relu6 <- function(x) .Call(krb_call2, "op_unary", "relu6", x)

#' @rdname op_activations
#' @export
op_sigmoid <- function(x) .Call(krb_call2, "op_unary", "sigmoid", x)

#' @rdname op_activations
#' @export
op_softplus <- function(x) .Call(krb_call2, "op_unary", "softplus", x)

#' @rdname op_activations
#' @export
op_softsign <- function(x) .Call(krb_call2, "op_unary", "softsign", x)

#' @rdname op_activations
#' @export
op_silu <- function(x) .Call(krb_call2, "op_unary", "silu", x)

#' @rdname op_activations
#' @export
op_log_sigmoid <- function(x) .Call(krb_call2, "op_unary", "log_sigmoid", x)

#' @rdname op_activations
#' @export
op_hard_sigmoid <- function(x) .Call(krb_call2, "op_unary", "hard_sigmoid", x)

#' @rdname op_activations
#' @export
op_selu <- function(x) .Call(krb_call2, "op_unary", "selu", x)

#' @rdname op_activations
#' @export
op_hard_silu <- function(x) .Call(krb_call2, "op_unary", "hard_silu", x)

#' @rdname op_activations
#' @export
op_hard_swish <- function(x) .Call(krb_call2, "op_unary", "hard_swish", x)

#' @rdname op_activations
#' @export
op_tanh_shrink <- function(x) .Call(krb_call2, "op_unary", "tanh_shrink", x)

#' @rdname op_activations
#' @export
op_sparse_plus <- function(x) .Call(krb_call2, "op_unary", "sparse_plus", x)

#' @rdname op_activations
#' @export
op_sparse_sigmoid <- function(x) .Call(krb_call2, "op_unary", "sparse_sigmoid", x)

#' @rdname op_activations
#' @export
op_hard_tanh <- function(x) .Call(krb_call2, "op_unary", "hard_tanh", x)

# keras3's activations of integers and bool compute in floatx.
floating <- function(x) {
  x <- tensor_of(x)
  if (is_float_dtype(x$dtype)) x else op_cast(x, config_floatx())
}

#' @rdname op_activations
#' @export
op_celu <- function(x, alpha = 1) {
  x <- floating(x)
  op_add(op_maximum(x, 0L), op_multiply(alpha, op_expm1(op_divide(op_minimum(x, 0L), alpha))))
}

#' @rdname op_activations
#' @export
op_squareplus <- function(x, b = 4L) {
  x <- floating(x)
  op_divide(op_add(x, op_sqrt(op_add(op_square(x), b))), 2L)
}

#' @rdname op_activations
#' @export
op_glu <- function(x, axis = -1L) {
  x <- tensor_of(x)
  if (axis_length(x, axis) %% 2L != 0L)
    raise_bridge_error("value_error", sprintf("axis size must be divisible by 2. Received: x.shape=%s with axis=%s",
                                              shape_text(x), shown(axis)))
  halves <- op_split(x, 2L, axis = axis)
  op_cast(op_multiply(halves[[1L]], op_sigmoid(halves[[2L]])), x$dtype)
}

#' @rdname op_activations
#' @export
op_hard_shrink <- function(x, threshold = 0.5) {
  x <- tensor_of(x)
  op_cast(op_where(op_greater(op_abs(x), threshold), x, 0L), x$dtype)
}

#' @rdname op_activations
#' @export
op_soft_shrink <- function(x, threshold = 0.5) {
  x <- tensor_of(x)
  shrunk <- op_where(op_greater(x, threshold), op_subtract(x, threshold),
                     op_where(op_less(x, op_negative(threshold)), op_add(x, threshold), 0L))
  op_cast(shrunk, x$dtype)
}

#' @rdname op_activations
#' @export
op_threshold <- function(x, threshold, default_value) {
  x <- tensor_of(x)
  op_cast(op_where(op_greater(x, threshold), x, default_value), x$dtype)
}

#' @rdname op_activations
#' @export
op_gelu <- function(x, approximate = TRUE) .Call(krb_call2, "op_gelu", x, approximate)

#' @rdname op_activations
#' @export
op_elu <- function(x, alpha = 1) .Call(krb_call2, "op_elu", x, alpha)

#' @rdname op_activations
#' @export
op_leaky_relu <- function(x, negative_slope = 0.2) .Call(krb_call2, "op_leaky_relu", x, negative_slope)

#' @rdname op_activations
#' @export
op_softmax <- function(x, axis = -1L) .Call(krb_call3, "op_softmax", x, axis, FALSE)

#' @rdname op_activations
#' @export
op_log_softmax <- function(x, axis = -1L) .Call(krb_call3, "op_softmax", x, axis, TRUE)

#' @rdname op_activations
#' @export
op_sparsemax <- function(x, axis = -1L) {
  logits <- floating(x)
  n <- axis_length(logits, axis)
  axis <- one_axis(logits, axis)
  ranks <- along_axis_shape(op_ndim(logits), axis, n)
  sorted <- op_negative(op_sort(op_negative(logits), axis = axis))
  cumulative <- op_cumsum(sorted, axis = axis)
  # The support: the sorted logits that stay above the threshold their running sum sets.
  support <- sorted - (cumulative - 1) / op_reshape(op_arange(n, dtype = op_dtype(logits)), ranks) > 0
  size <- op_sum(op_cast(support, op_dtype(logits)), axis = axis, keepdims = TRUE)
  # The support is a prefix of the sorted logits, so their sum is the running sum at its end.
  # Keras's backends sum the running sums instead, which leaves the simplex once the support
  # holds two or more logits (c(0.5, 0.2, 0.1) would give 0.17, 0, 0).
  threshold <- (op_sum(op_where(support, sorted, 0), axis = axis, keepdims = TRUE) - 1) / size
  op_maximum(logits - threshold, 0)
}

#' Choosing and limiting elements
#'
#' keras3's `op_where(condition, x1, x2)`: the elements of `x1` where `condition` is `TRUE`
#' (non-zero), else of `x2`, the three broadcast together, in the dtype `x1` and `x2` promote to.
#' With the condition only, `op_where(condition)` gives the positions of its non-zero elements
#' as Keras does (its `nonzero()`): a list of int32 tensors, one per axis, in row-major order
#' of the elements and 0-based, as keras3 passes them on unchanged. `op_nonzero()` gives the same
#' positions 1-based, as keras3 does, one row per element and one column per axis.
#' `op_select()` takes, element by element, from the first of `choicelist` whose condition in
#' `condlist` holds, else `default`.
#' `op_clip(x, x_min, x_max)`: `x` limited to the range, in `x`'s dtype (bool: int32).
#' `op_erf()`: the error function, and `op_erfinv()` its inverse, in a float dtype.
#'
#' @param condition A bool (or numeric) tensor, variable or R array.
#' @param x1,x2 Tensors, variables, R arrays or numbers to choose from.
#' @param x A tensor, variable, R array or number.
#' @param x_min,x_max The bounds: numbers, or arrays that broadcast against `x`.
#' @param condlist,choicelist Lists of the same length: conditions, and the values to take where
#'   each holds.
#' @param default The value where no condition holds.
#' @return A tensor.
#' @family numpy ops
#' @examples
#' x <- keras_variable(array(c(-2, 0.5, 3, 7), c(2, 2)))
#' op_where(op_greater(x, 0), x, 0)
#' op_clip(x, 0, 5)
#' op_erf(c(-1, 0, 1))
#' op_erfinv(c(-0.5, 0, 0.5))
#' op_where(matrix(c(TRUE, FALSE, TRUE, TRUE), 2))
#' op_nonzero(matrix(c(TRUE, FALSE, TRUE, TRUE), 2))
#' op_select(list(x < 0, x > 5), list(-x, x * 10), default = 0)
#' @name op_where
NULL

#' @rdname op_where
#' @export
op_where <- function(condition, x1 = NULL, x2 = NULL) {
  if (is.null(x1) && is.null(x2)) return(nonzero_positions(condition))
  if (is.null(x1) || is.null(x2))
    raise_bridge_error("value_error", "`x1` and `x2` either both should be `None` (NULL) or both should have non-None value. Received: one of them NULL")
  .Call(krb_call3, "op_where", condition, x1, x2)
}

# One 0-based int32 vector per axis, as keras3 passes Keras's `nonzero()` through.
nonzero_positions <- function(condition) {
  rows <- .Call(krb_call1, "nonzero_positions", condition)
  lapply(seq_len(axis_length(rows, 2L)), function(axis) op_take(rows, axis, axis = 2L))
}

#' @rdname op_where
#' @export
op_nonzero <- function(x) op_add(.Call(krb_call1, "nonzero_positions", x), 1L)

#' @rdname op_where
#' @export
op_select <- function(condlist, choicelist, default = 0L) {
  if (!is.list(condlist) || !is.list(choicelist))
    raise_bridge_error("type_error", sprintf("`condlist` and `choicelist` must be lists. Received: condlist=<%s>, choicelist=<%s>",
                                             class(condlist)[[1L]], class(choicelist)[[1L]]))
  if (!length(condlist) || !length(choicelist))
    raise_bridge_error("value_error", sprintf("condlist and choicelist must not be empty. Received: %d conditions and %d choices",
                                              length(condlist), length(choicelist)))
  if (length(condlist) != length(choicelist))
    raise_bridge_error("value_error", sprintf("list of cases must be same length as list of conditions. Received: %d conditions and %d choices",
                                              length(condlist), length(choicelist)))
  # keras3 passes a plain R number as an integer (as_integer(), truncating), so 42 beside int32
  # choices stays int32.
  chosen <- if (is.numeric(default) && !is_kerasbridge_object(default)) as.integer(default) else default
  # The first condition that holds wins, so the first is applied last.
  for (i in rev(seq_along(condlist))) chosen <- op_where(condlist[[i]], choicelist[[i]], chosen)
  tensor_of(chosen)
}

#' @rdname op_where
#' @export
op_clip <- function(x, x_min, x_max) .Call(krb_call3, "op_clip", x, x_min, x_max)

#' @rdname op_where
#' @export
op_erf <- function(x) .Call(krb_call2, "op_unary", "erf", x)

#' @rdname op_where
#' @export
op_erfinv <- function(x) .Call(krb_call2, "op_unary", "erfinv", x)

#' Scaled dot-product attention
#'
#' keras3's `op_dot_product_attention()`, as Keras computes it without flash attention: the
#' logits `query . key` over the head dimension times `scale` (default `1 / sqrt(H)`), plus
#' `bias`, with positions where `mask` is `FALSE` (and, with `is_causal`, later keys) set to a
#' large negative number, a softmax over the keys in float32, and the weighted sum of `value`.
#' Inputs have shape `(batch, sequence, heads, head_dim)`. As in Keras, `attn_logits_soft_cap`
#' (JAX on TPUs only there) must be `NULL`.
#'
#' @param query A tensor of shape `(B, T, N, H)`.
#' @param key,value Tensors of shape `(B, S, N, H)`.
#' @param bias `NULL`, or a tensor that broadcasts to the logits' shape `(B, N, T, S)`.
#' @param mask `NULL`, or a boolean tensor that broadcasts to `(B, N, T, S)`: `TRUE` to attend.
#' @param scale `NULL`, or the logits' scale.
#' @param is_causal Whether each query attends only to keys at or before its position.
#' @param flash_attention `NULL` or `FALSE`: flash attention is not available here.
#' @param attn_logits_soft_cap Must be `NULL`.
#' @return A tensor of `query`'s shape.
#' @family nn ops
#' @examples
#' q <- random_normal(c(2, 4, 1, 8), seed = 1)
#' out <- op_dot_product_attention(q, q, q, is_causal = TRUE)
#' op_shape(out)
#' @export
op_dot_product_attention <- function(query, key, value, bias = NULL, mask = NULL, scale = NULL, is_causal = FALSE,
                                     flash_attention = NULL, attn_logits_soft_cap = NULL) {
  if (isTRUE(flash_attention)) raise_bridge_error("value_error", "Flash attention is not supported by this engine.")
  if (!is.null(attn_logits_soft_cap)) raise_bridge_error("value_error", "attn_logits_soft_cap is only supported for JAX on TPU. Set attn_logits_soft_cap=None.")
  is_causal <- flag(is_causal, "is_causal")
  query <- tensor_of(query); key <- tensor_of(key); value <- tensor_of(value)
  if (op_ndim(query) != 4L || op_ndim(key) != 4L || op_ndim(value) != 4L)
    raise_bridge_error("value_error", sprintf("`dot_product_attention` only supports 4D inputs. Received: query.shape=%s, key.shape=%s, value.shape=%s.",
                                              shape_text(query), shape_text(key), shape_text(value)))
  dtype <- promoted_dtype(op_dtype(query), op_dtype(key), op_dtype(value))
  query <- op_cast(query, dtype); key <- op_cast(key, dtype); value <- op_cast(value, dtype)
  # Grouped-query attention, as Keras documents it: N query heads over K key/value heads, N a
  # multiple of K, query head n attending with key/value head n %/% (N / K) (0-based).
  heads <- as.integer(op_shape(query))[[3L]]; kv_heads <- as.integer(op_shape(key))[[3L]]
  if (heads != kv_heads) {
    if (kv_heads < 1L || heads %% kv_heads != 0L)
      raise_bridge_error("value_error", sprintf("The number of query heads must be a multiple of the number of key/value heads. Received: query.shape=%s, key.shape=%s.",
                                                shape_text(query), shape_text(key)))
    key <- op_repeat(key, heads %/% kv_heads, axis = 3L); value <- op_repeat(value, heads %/% kv_heads, axis = 3L)
  }
  head_dim <- as.integer(op_shape(key))[[4L]]
  if (is.null(scale)) scale <- 1 / sqrt(head_dim)
  logits_dtype <- promoted_dtype(dtype, "float32")
  logits <- op_cast(op_einsum("btnh,bsnh->bnts", query, key), logits_dtype) * scale
  if (!is.null(bias)) logits <- logits + op_cast(tensor_of(bias), logits_dtype)
  if (!is.null(mask) || is_causal) {
    shape <- as.integer(op_shape(logits))
    keep <- op_ones(shape, dtype = "bool")
    if (!is.null(mask)) keep <- op_logical_and(keep, op_cast(tensor_of(mask), "bool"))
    if (is_causal) keep <- op_logical_and(keep, op_reshape(op_tri(shape[[3L]], shape[[4L]], dtype = "bool"), c(1L, 1L, shape[3:4])))
    large_negative <- if (logits_dtype == "float16") -0.7 * 65500 else -0.7 * 3.38953e38
    logits <- op_where(keep, logits, op_cast(large_negative, logits_dtype))
  }
  # The last axis as a list: Keras's backends take the softmax without ops.softmax's warning
  # about an axis of size 1 (one key), which is for the user's own calls.
  probabilities <- op_cast(op_softmax(op_cast(logits, "float32"), axis = list(-1L)), dtype)
  op_einsum("bnts,bsnh->btnh", probabilities, value)
}
