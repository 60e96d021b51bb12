#' @include objects.R
NULL

#' Tensors from R values, and what a tensor is
#'
#' `op_convert_to_tensor()` and `op_array()` make a tensor of an R value (or of a variable's
#' value) as keras3 does: a double R array is float64, a plain double vector or number takes
#' [config_floatx()] in `op_array()`, integers are int32, logicals bool; `op_convert_to_tensor()`
#' treats a vector of several numbers as a 1-d array (so doubles are float64). An integer
#' `dtype` truncates doubles first, as keras3 does. `op_shape()`, `op_dtype()`, `op_ndim()` and
#' `op_size()` describe a tensor, variable or R value as a tensor of it would be;
#' `op_is_tensor()` is `TRUE` for tensors and variables (a Keras variable is a tensor on
#' TensorFlow, keras3's usual backend), `FALSE` for R values.
#' `op_copy()` gives a tensor of the values, and `op_stop_gradient()` a tensor of a variable's
#' value (nothing here computes gradients), R values converted as `op_array()` converts them; `op_convert_to_array()` gives an R array, as does
#' `op_convert_to_numpy()`, its keras3 name (there is no NumPy here).
#'
#' @param x A tensor, variable, R array or number.
#' @param variable A variable, tensor, R array or number.
#' @param dtype `NULL` or a dtype name, such as `"float32"`.
#' @param sparse,ragged Accepted for keras3's signature. There are no sparse or ragged tensors
#'   here, so the result is dense whatever they say, as Keras's TensorFlow backend leaves a dense
#'   input dense with `sparse = TRUE` (and keras3 does not pass `ragged` on).
#' @return A tensor; `op_shape()` a [shape()], `op_dtype()` a string, `op_ndim()` and
#'   `op_size()` numbers, `op_is_tensor()` `TRUE` or `FALSE`, `op_convert_to_array()` an R array.
#' @family core ops
#' @examples
#' op_array(c(1, 2, 3))
#' op_convert_to_tensor(c(1, 2, 3))
#' op_convert_to_tensor(c(1.7, 2.2), dtype = "int32")
#' x <- op_array(matrix(1:6, 2))
#' op_shape(x)
#' op_dtype(x)
#' op_ndim(x)
#' op_size(x)
#' op_is_tensor(x)
#' v <- keras_variable(c(1, 2))
#' frozen <- op_stop_gradient(v)
#' v$assign(c(3, 4))
#' frozen
#' op_convert_to_array(op_copy(x))
#' @name op_convert_to_tensor
NULL

#' @rdname op_convert_to_tensor
#' @export
op_convert_to_tensor <- function(x, dtype = NULL, sparse = NULL, ragged = NULL) {
  if (is.atomic(x) && length(x) > 1L) x <- as.array(x)
  op_array(x, dtype)
}

# Doubles into an integer dtype are truncated in the engine, as keras3 truncates them with
# storage.mode<-, but without R's integer range: 3e9 makes an int64, and out of a dtype's
# range is a value_error, not NA.
#' @rdname op_convert_to_tensor
#' @export
op_array <- function(x, dtype = NULL) .Call(krb_call2, "op_convert", x, dtype)

#' @rdname op_convert_to_tensor
#' @export
op_shape <- function(x) if (is_kerasbridge_object(x)) x$shape else op_array(x)$shape

#' @rdname op_convert_to_tensor
#' @export
op_dtype <- function(x) if (is_kerasbridge_object(x)) x$dtype else op_array(x)$dtype

#' @rdname op_convert_to_tensor
#' @export
op_ndim <- function(x) length(op_shape(x))

#' @rdname op_convert_to_tensor
#' @export
op_size <- function(x) {
  n <- prod(as.numeric(unlist(op_shape(x))))
  # An R integer, as keras3 gives NumPy's Python int, where it fits one.
  if (n <= .Machine$integer.max) as.integer(n) else n
}

#' @rdname op_convert_to_tensor
#' @export
op_is_tensor <- function(x) inherits(x, c("kerasbridge_tensor", "kerasbridge_variable"))

#' @rdname op_convert_to_tensor
#' @export
op_copy <- function(x) op_array(x)

#' @rdname op_convert_to_tensor
#' @export
op_stop_gradient <- function(variable) op_array(variable)

#' @rdname op_convert_to_tensor
#' @export
op_convert_to_array <- function(x) numpy_values(if (is_kerasbridge_object(x)) x else op_convert_to_tensor(x))

#' @rdname op_convert_to_tensor
#' @export
op_convert_to_numpy <- op_convert_to_array

#' Tensors filled with a value
#'
#' keras3's `op_zeros()`, `op_ones()` and `op_full()` of a shape, and their `_like()` forms,
#' `op_empty()` (zeros here: its values are left unspecified in Keras),
#' which take the shape (and, unless `dtype` is given, the dtype) of `x`. The default dtype of
#' the shaped forms is [config_floatx()]. `fill_value` may also be an array that broadcasts to
#' the shape.
#'
#' @param shape A shape: a [shape()] or whole numbers.
#' @param fill_value The value to fill with.
#' @param x A tensor, variable, R array or number whose shape (and dtype) to take.
#' @param dtype `NULL` or a dtype name.
#' @return A tensor.
#' @family numpy ops
#' @examples
#' op_zeros(c(2, 3))
#' op_ones(shape(2), dtype = "int32")
#' op_full(c(2, 2), 7)
#' op_zeros_like(op_ones(c(2, 2), dtype = "int32"))
#' op_full_like(matrix(1:4, 2), 0.5, dtype = "float64")
#' @name op_full
NULL

#' @rdname op_full
#' @export
op_zeros <- function(shape, dtype = NULL) op_full(shape, 0, dtype)

#' @rdname op_full
#' @export
op_empty <- function(shape, dtype = NULL) op_zeros(shape, dtype)

#' @rdname op_full
#' @export
op_ones <- function(shape, dtype = NULL) op_full(shape, 1, dtype)

#' @rdname op_full
#' @export
op_full <- function(shape, fill_value, dtype = NULL) .Call(krb_call3, "op_full", shape, fill_value, dtype)

#' @rdname op_full
#' @export
op_zeros_like <- function(x, dtype = NULL) op_full_like(x, 0, dtype)

#' @rdname op_full
#' @export
op_ones_like <- function(x, dtype = NULL) op_full_like(x, 1, dtype)

#' @rdname op_full
#' @export
op_full_like <- function(x, fill_value, dtype = NULL) .Call(krb_call3, "op_full_like", x, fill_value, dtype)

#' Identity and triangular matrices
#'
#' keras3's `op_eye(N, M, k)`: an `N` x `M` matrix with ones on the `k`-th diagonal (0 the main
#' one, positive above it, negative below); `op_identity(n)`: the `n` x `n` identity;
#' `op_tri(N, M, k)`: ones at and below the `k`-th diagonal. `k` is an offset, not an index, so
#' it is not shifted to 1-based. The default dtype is [config_floatx()].
#'
#' @param N,n Number of rows.
#' @param M Number of columns (`NULL`: as many as rows).
#' @param k The diagonal: 0 the main one, positive above, negative below.
#' @param dtype `NULL` or a dtype name.
#' @return A tensor.
#' @family numpy ops
#' @examples
#' op_eye(3)
#' op_eye(2, 3, k = 1)
#' op_identity(2, dtype = "int32")
#' op_tri(3)
#' @name op_eye
NULL

#' @rdname op_eye
#' @export
op_eye <- function(N, M = NULL, k = 0L, dtype = NULL) .Call(krb_call4, "op_eye", N, M, k, dtype)

#' @rdname op_eye
#' @export
op_identity <- function(n, dtype = NULL) op_eye(n, dtype = dtype)

#' @rdname op_eye
#' @export
op_tri <- function(N, M = NULL, k = 0L, dtype = NULL) .Call(krb_call4, "op_tri", N, M, k, dtype)

#' Evenly spaced values
#'
#' keras3's `op_arange()` counts like R's `seq()`: it starts at 1 when given one number and
#' includes `end` when a step lands on it (`include_end = TRUE`, which moves `end` one step on,
#' as keras3 does: with a fractional step the last value may pass `end`, `op_arange(1, 2, 0.3)`
#' ending at 2.2); `op_arange(5, 1)` is empty (give `step = -1` to count down). An integer
#' `dtype` truncates `start` and `end` first, as keras3 does. The dtype is int32 when `start`,
#' `end` and `step` are all integers, else [config_floatx()]; with tensors among them, Keras's
#' `result_type()` of the three, R numbers being Python's weak ones (int32 tensors and integer
#' numbers give int32, float64 tensors float64). `op_linspace()` gives `num` values from `start` to `stop`,
#' `stop` included when `endpoint`; with `retstep = TRUE` it returns `list(values, step)`.
#' Arrays or tensors `start` and `stop` give `num` values between each pair of their elements
#' along a new axis, `axis` of the result (first by default), as NumPy's `linspace`, in
#' `dtype` or Keras's `result_type(start, stop, float)`.
#' `op_logspace()` gives `base` to the powers `op_linspace()` would give (computed in float64,
#' then cast to `dtype`, by default [config_floatx()]). `op_meshgrid()` gives a list of
#' coordinate grids, one per input vector: with `indexing = "ij"` the first input varies along
#' the first axis, with the default `"xy"` (Cartesian) along the second. As in keras3, double R
#' vectors become int64 (truncated).
#'
#' @param start,end,stop The first value, and the bound.
#' @param step The spacing.
#' @param dtype `NULL` or a dtype name.
#' @param include_end Whether `end` is included when a step lands on it (`TRUE` or `FALSE`).
#' @param num Number of values.
#' @param endpoint Whether `stop` is the last value.
#' @param retstep Whether to return the spacing too.
#' @param axis The axis of the result the values run along, for arrays `start` and `stop`
#'   (1-based, negative from the end); 1 for scalars.
#' @param base The base of `op_logspace()`'s powers.
#' @param ... `op_meshgrid()`'s 1-d inputs: tensors, variables or R vectors.
#' @param indexing `"xy"` or `"ij"`.
#' @return A tensor (`op_linspace(retstep = TRUE)`: a list of it and the step;
#'   `op_meshgrid()`: a list of tensors).
#' @family numpy ops
#' @examples
#' op_arange(5L)
#' op_arange(2, 10, 2)
#' op_arange(10L, 1L, -3L)
#' op_linspace(0, 1, num = 5)
#' op_linspace(0, 1, num = 4, endpoint = FALSE, retstep = TRUE)
#' op_linspace(c(0, 10), c(1, 20), num = 3)
#' op_logspace(0, 3, num = 4)
#' op_meshgrid(1:3, 4:5)
#' op_meshgrid(1:3, 4:5, indexing = "ij")
#' @name op_arange
NULL

#' @rdname op_arange
#' @export
op_arange <- function(start, end, step = 1L, dtype = NULL, include_end = TRUE) {
  if (missing(end)) {
    end <- start
    start <- if (is.double(end)) 1 else 1L
  }
  bounds <- list(start, end, step)
  tensors <- Filter(is_kerasbridge_object, bounds)
  if (is.null(dtype)) dtype <- if (length(tensors)) {
    # Keras's result_type(start, stop, step): the tensors' dtypes, R numbers beside them as
    # Python's weak int (R integers) and float.
    numbers <- lapply(Filter(Negate(is_kerasbridge_object), bounds), function(b) if (is.integer(b)) 0L else 0)
    do.call(promoted_dtype, c(lapply(tensors, op_dtype), numbers))
  } else if (is.integer(start) && is.integer(end) && is.integer(step)) "int32" else config_floatx()
  .Call(krb_call5, "op_arange", start, end, step, dtype, include_end)
}

#' @rdname op_arange
#' @export
op_linspace <- function(start, stop, num = 50L, endpoint = TRUE, retstep = FALSE, dtype = NULL, axis = 1L) {
  if (length(start) != 1L || length(stop) != 1L || is_kerasbridge_object(start) || is_kerasbridge_object(stop))
    return(spaced_arrays(start, stop, num, flag(endpoint, "endpoint"), flag(retstep, "retstep"), dtype, axis))
  if (!is.numeric(axis) || length(axis) != 1L || !axis %in% c(1, -1))
    raise_bridge_error("value_error", sprintf("`axis` must be 1 (or -1) for a scalar `start` and `stop`, whose result has one axis. Received: axis=%s", shown(axis)))
  if (is_kerasbridge_object(num)) num <- whole_number(num, "num")
  values <- .Call(krb_call5, "op_linspace", start, stop, num, endpoint, if (is.null(dtype)) config_floatx() else dtype)
  if (!flag(retstep, "retstep")) return(values)
  spaces <- if (flag(endpoint, "endpoint")) num - 1 else num
  # NumPy's step where there is no space between values (num = 1 with the endpoint, or none).
  list(values, if (spaces > 0) (stop - start) / spaces else NaN)
}

# NumPy's linspace of arrays (which Keras calls): a new axis of `num` values between each pair
# of elements of `start` and `stop` (broadcast together), first, then moved to `axis`; computed
# in float64 (complex128 for complex), floored for an integer dtype, as NumPy does.
spaced_arrays <- function(start, stop, num, endpoint, retstep, dtype, axis) {
  if (is.null(dtype)) dtype <- spaced_dtype(start, stop)
  complex <- grepl("complex", dtype)
  exact <- if (complex) "complex128" else "float64"
  # R numbers are 0-d, as the Python numbers keras3 makes of them; vectors and arrays keep their shape.
  start <- op_array(start, exact); stop <- op_array(stop, exact)
  num <- whole_number(num, "num")
  if (num < 0L) raise_bridge_error("value_error", sprintf("Number of samples, %d, must be non-negative.", num))
  delta <- stop - start
  spaces <- if (endpoint) num - 1L else num
  counts <- op_reshape(op_arange(0, num - 1, dtype = exact), c(num, rep(1L, op_ndim(delta))))
  step <- if (spaces > 0L) delta / spaces else NaN
  values <- (if (spaces > 0L) counts * step else counts * delta) + start
  if (endpoint && num > 1L) values <- op_concatenate(list(op_slice(values, rep(1L, op_ndim(values)), c(num - 1L, as.integer(op_shape(delta)))),
                                                         op_expand_dims(op_broadcast_to(stop, op_shape(delta)), 1L)), axis = 1L)
  values <- op_moveaxis(values, 1L, axis)
  if (grepl("int", dtype)) values <- op_floor(values)
  values <- op_cast(values, dtype)
  # Keras gives the step in the values' float dtype; integer values keep the float64 one.
  if (retstep && is_kerasbridge_object(step) && is_float_dtype(dtype)) step <- op_cast(step, dtype)
  if (retstep) list(values, step) else values
}

# Keras's dtype for linspace and logspace: result_type(start, stop, float), R numbers being
# Python's weak ones (so they leave a tensor's dtype as it is).
spaced_dtype <- function(start, stop) {
  strong <- Filter(function(x) is_kerasbridge_object(x) || length(x) != 1L || !is.null(dim(x)), list(start, stop))
  if (!length(strong)) return(config_floatx())
  dtypes <- vapply(strong, function(x) op_dtype(tensor_of(as_array(x))), "")
  float_dtype(do.call(promoted_dtype, as.list(dtypes)))
}

#' @rdname op_arange
#' @export
op_logspace <- function(start, stop, num = 50L, endpoint = TRUE, base = 10L, dtype = NULL, axis = 1L) {
  powers <- op_linspace(start, stop, num, endpoint, dtype = "float64", axis = axis)
  op_cast(op_power(base, powers), if (is.null(dtype)) spaced_dtype(start, stop) else dtype)
}

#' @rdname op_arange
#' @export
op_meshgrid <- function(..., indexing = "xy") {
  if (!identical(indexing, "xy") && !identical(indexing, "ij"))
    raise_bridge_error("value_error", sprintf("Valid values for argument 'indexing' are 'xy' and 'ij'. Received: indexing=%s", shown(indexing)))
  xs <- lapply(list(...), function(x) flattened(if (is.double(x) && !is_kerasbridge_object(x)) op_array(x, "int64") else x))
  sizes <- vapply(xs, op_size, numeric(1))
  # Which output axis each input runs along: "xy" swaps the first two.
  along <- seq_along(xs)
  if (indexing == "xy" && length(xs) >= 2L) along[1:2] <- 2:1
  shape <- sizes[order(along)]
  lapply(seq_along(xs), function(i) {
    own <- rep(1, length(xs))
    own[along[[i]]] <- sizes[[i]]
    op_broadcast_to(op_reshape(xs[[i]], own), shape)
  })
}

#' Reshaping and reordering axes
#'
#' keras3's shape ops. `op_reshape()` and `op_ravel()` fill the new shape in C (row-major) order,
#' as keras3 and NumPy do, not in R's `dim<-` order: `op_reshape(op_arange(6L), c(2, 3))` has rows
#' `1 2 3` and `4 5 6`. One dimension of `newshape` may be `-1` (or `NA`), inferred.
#' Like keras3, `op_reshape()` of a double R array gives [config_floatx()] (float32).
#' `op_transpose()` permutes the axes (1-based `axes`; `NULL` reverses them, a matrix's
#' transpose). `op_expand_dims()` inserts an axis of length 1 at `axis`; `op_squeeze()` removes
#' axes of length 1 (the given ones, or all).
#'
#' @param x A tensor, variable, R array or number.
#' @param newshape The new shape: a [shape()] or whole numbers, one of them `-1` or `NA` at most.
#' @param axes `NULL` or the permutation of the axes, 1-based.
#' @param axis The axis (1-based, negative from the end); for `op_squeeze()` `NULL` or several.
#' @return A tensor.
#' @family numpy ops
#' @examples
#' x <- op_reshape(op_arange(6L), c(2, 3))
#' x
#' op_reshape(x, c(-1, 2))
#' op_ravel(x)
#' op_transpose(x)
#' op_expand_dims(x, 1)
#' op_squeeze(op_ones(c(1, 3, 1)))
#' @name op_reshape
NULL

#' @rdname op_reshape
#' @export
op_reshape <- function(x, newshape) {
  # As keras3, which hands R doubles to NumPy as floatx.
  if (is.double(x) && !is_kerasbridge_object(x)) x <- op_array(x, config_floatx())
  .Call(krb_call2, "op_reshape", x, newshape)
}

#' @rdname op_reshape
#' @export
op_ravel <- function(x) op_reshape(tensor_of(x), -1L)

#' @rdname op_reshape
#' @export
op_transpose <- function(x, axes = NULL) .Call(krb_call2, "op_transpose", x, axes)

#' @rdname op_reshape
#' @export
op_expand_dims <- function(x, axis) .Call(krb_call2, "op_expand_dims", x, axis)

#' @rdname op_reshape
#' @export
op_squeeze <- function(x, axis = NULL) .Call(krb_call2, "op_squeeze", x, axis)
