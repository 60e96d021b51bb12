#' Weight constraints
#'
#' keras3's `constraint_*()` functions (Keras's `keras.constraints`): each gives a function that
#' projects a weight tensor, as Keras's constraint objects are called, for a variable's
#' `constraint` (`v$constraint <- constraint_nonneg()`; Keras's optimizers apply it after each
#' update, this package has none, so call it yourself: `v$assign(v$constraint(v))`).
#' `constraint_maxnorm()` scales each slice along `axis` whose L2 norm exceeds `max_value` down to
#' it; `constraint_minmaxnorm()` moves each slice's norm into `[min_value, max_value]`, by
#' `rate` of the way; `constraint_unitnorm()` scales each slice to norm 1 (Keras's
#' [config_epsilon()] keeps an all-zero slice at 0); `constraint_nonneg()` sets negative weights
#' to 0. Axes are 1-based, as keras3's (`axis = 1`, the default, takes each column of a matrix).
#' [get_config()] gives a constraint's settings, [from_config()] makes it again.
#'
#' @param max_value The largest norm.
#' @param min_value The smallest norm.
#' @param rate How far towards `[min_value, max_value]` a norm moves: 1 all the way.
#' @param axis The axis (or axes) along which norms are taken, 1-based.
#' @return A function of a weight tensor (or variable, or R array) giving the projected tensor.
#' @examples
#' w <- keras_variable(matrix(c(3, 4, -1, 0), 2))
#' constraint_maxnorm(max_value = 2)(w)
#' constraint_unitnorm()(w)
#' constraint_nonneg()(w)
#' w$constraint <- constraint_minmaxnorm(min_value = 1, max_value = 2)
#' w$assign(w$constraint(w))
#' get_config(constraint_maxnorm(3))
#' @name constraints
NULL

#' @rdname constraints
#' @export
constraint_maxnorm <- function(max_value = 2L, axis = 1L) {
  weight_rule("MaxNorm", list(max_value = max_value, axis = axis), function(w) {
    norms <- slice_norms(w, axis)
    op_multiply(op_cast(w, norms$dtype), op_divide(op_clip(norms, 0, max_value), op_add(config_epsilon(), norms)))
  })
}

#' @rdname constraints
#' @export
constraint_minmaxnorm <- function(min_value = 0, max_value = 1, rate = 1, axis = 1L) {
  weight_rule("MinMaxNorm", list(min_value = min_value, max_value = max_value, rate = rate, axis = axis), function(w) {
    norms <- slice_norms(w, axis)
    desired <- op_add(op_multiply(rate, op_clip(norms, min_value, max_value)), op_multiply(1 - rate, norms))
    op_multiply(op_cast(w, norms$dtype), op_divide(desired, op_add(config_epsilon(), norms)))
  })
}

#' @rdname constraints
#' @export
constraint_nonneg <- function() weight_rule("NonNeg", list(), function(w) op_maximum(w, 0L))

#' @rdname constraints
#' @export
constraint_unitnorm <- function(axis = 1L) {
  weight_rule("UnitNorm", list(axis = axis), function(w) {
    norms <- slice_norms(w, axis)
    op_divide(op_cast(w, norms$dtype), op_add(config_epsilon(), norms))
  })
}

# The L2 norm of each slice of `w` along `axis`, kept as an axis of length 1 (Keras's constraints).
slice_norms <- function(w, axis) op_sqrt(op_sum(op_square(w), axis = axis, keepdims = TRUE))

#' Weight regularizers
#'
#' keras3's `regularizer_*()` functions (Keras's `keras.regularizers`): each gives a function of
#' a weight tensor returning the penalty Keras adds to a model's loss for it, a scalar tensor of
#' the weights' dtype, for a variable's `regularizer` (`v$regularizer <- regularizer_l2()`;
#' `v$regularizer(v)` computes it). `regularizer_l1()` is `l1 * sum(abs(x))`,
#' `regularizer_l2()` `l2 * sum(x^2)`, `regularizer_l1_l2()` both; `regularizer_orthogonal()`
#' penalizes how far the rows (`mode = "rows"`) or columns of a matrix are from orthogonal: the
#' mean absolute cosine between pairs, times `factor / 2`. The factors must be non-negative
#' numbers, as Keras checks. [get_config()] gives a regularizer's settings.
#'
#' @param l1,l2 The factors of the L1 and L2 penalties.
#' @param factor The factor of the orthogonality penalty.
#' @param mode `"rows"` or `"columns"`: which vectors should be orthogonal.
#' @return A function of a weight tensor (or variable, or R array) giving a scalar tensor.
#' @examples
#' w <- keras_variable(matrix(c(1, -2, 3, 0.5), 2))
#' regularizer_l1(0.1)(w)
#' regularizer_l2()(w)
#' regularizer_l1_l2(l1 = 0.01, l2 = 0.01)(w)
#' regularizer_orthogonal(factor = 1)(w)
#' w$regularizer <- regularizer_l2(0.5)
#' w$regularizer(w)
#' @name regularizers
NULL

#' @rdname regularizers
#' @export
regularizer_l1 <- function(l1 = 0.01) {
  l1 <- penalty_factor(if (is.null(l1)) 0.01 else l1, "l1")
  weight_rule("L1", list(l1 = l1), function(x) {
    x <- tensor_of(x)
    op_multiply(op_cast(l1, x$dtype), op_sum(op_abs(x)))
  })
}

#' @rdname regularizers
#' @export
regularizer_l2 <- function(l2 = 0.01) {
  l2 <- penalty_factor(if (is.null(l2)) 0.01 else l2, "l2")
  weight_rule("L2", list(l2 = l2), function(x) {
    x <- tensor_of(x)
    op_multiply(op_cast(l2, x$dtype), op_sum(op_square(x)))
  })
}

#' @rdname regularizers
#' @export
regularizer_l1_l2 <- function(l1 = 0, l2 = 0) {
  l1 <- penalty_factor(if (is.null(l1)) 0 else l1, "l1")
  l2 <- penalty_factor(if (is.null(l2)) 0 else l2, "l2")
  weight_rule("L1L2", list(l1 = l1, l2 = l2), function(x) {
    x <- tensor_of(x)
    penalty <- op_convert_to_tensor(0, x$dtype)
    if (l1 != 0) penalty <- op_add(penalty, op_multiply(op_cast(l1, x$dtype), op_sum(op_abs(x))))
    if (l2 != 0) penalty <- op_add(penalty, op_multiply(op_cast(l2, x$dtype), op_sum(op_square(x))))
    penalty
  })
}

#' @rdname regularizers
#' @export
regularizer_orthogonal <- function(factor = 0.01, mode = "rows") {
  factor <- penalty_factor(factor, "factor")
  if (!identical(mode, "rows") && !identical(mode, "columns"))
    raise_bridge_error("value_error", sprintf("Invalid value for argument `mode`. Expected one of {\"rows\", \"columns\"}. Received: mode=%s", shown(mode)))
  weight_rule("OrthogonalRegularizer", list(factor = factor, mode = mode), function(x) {
    x <- tensor_of(x)
    if (op_ndim(x) != 2L)
      raise_bridge_error("value_error", sprintf("Inputs to OrthogonalRegularizer must have rank 2. Received: inputs.shape=%s", shape_text(x)))
    rows <- mode == "rows"
    unit <- op_normalize(x, axis = if (rows) 2L else 1L)
    product <- if (rows) op_matmul(unit, op_transpose(unit)) else op_matmul(op_transpose(unit), unit)
    size <- op_shape(x)[[if (rows) 1L else 2L]]
    off_diagonal <- op_multiply(product, op_subtract(1, op_eye(size, dtype = x$dtype)))
    op_divide(op_multiply(factor * 0.5, op_sum(op_abs(off_diagonal))), size * (size - 1) / 2)
  })
}

# Keras's validate_float_arg(): a penalty factor is a finite number of at least 0.
penalty_factor <- function(value, name) {
  if (!is.numeric(value) || length(value) != 1L || is.object(value) || !is.finite(value) || value < 0)
    raise_bridge_error("value_error", sprintf("Invalid value for argument %s: expected a non-negative float.Received: %s=%s", name, name, shown(value)))
  as.double(value)
}

# A constraint or regularizer: a function of the weights that carries its Keras class and settings
# for get_config().
weight_rule <- function(class_name, config, rule) {
  structure(rule, class = c("kerasbridge_weight_rule", "function"), class_name = class_name, config = config)
}

# The constructors from_config() makes constraints and regularizers with, by Keras class.
weight_rule_makers <- list(MaxNorm = "constraint_maxnorm", MinMaxNorm = "constraint_minmaxnorm",
                           NonNeg = "constraint_nonneg", UnitNorm = "constraint_unitnorm",
                           L1 = "regularizer_l1", L2 = "regularizer_l2", L1L2 = "regularizer_l1_l2",
                           OrthogonalRegularizer = "regularizer_orthogonal")

#' @export
print.kerasbridge_weight_rule <- function(x, ...) {
  config <- attr(x, "config")
  cat(sprintf("<%s%s>\n", attr(x, "class_name"),
              if (length(config)) paste0(" ", paste(names(config), vapply(config, format, ""), sep = "=", collapse = ", ")) else ""))
  invisible(x)
}
