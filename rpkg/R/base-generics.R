#' @include ops.R
NULL

#' Base R functions on tensors and variables
#'
#' Tensors and variables work in base R's functions. Those that compute on the values the way
#' TensorFlow's R methods do give tensors, with Keras's dtypes:
#'
#' * the `Math` group: `exp()`, `log(x, base)`, `sqrt()`, `floor()`, `ceiling()`, `trunc()`,
#'   `sign()`, the trigonometric and hyperbolic functions, `gamma()`, `lgamma()`, `signif()`,
#'   ...; `cumsum()`, `cumprod()`, `cummax()` and `cummin()` run through the elements in R's
#'   (column-major) order and give a 1-D tensor, as base R gives a vector;
#' * the `Summary` group (`sum()`, `prod()`, `max()`, `min()`, `range()`, `any()`, `all()`) and
#'   `mean()` reduce over all elements to a 0-d tensor (`range()`: a tensor of two). `na.rm = TRUE`
#'   skips NaN, tensors' only missing value. Given one tensor, they and `mean()` also take keras3's
#'   `axis` and `keepdims`, as TensorFlow's R methods do (`sum(x, axis = 1)`; `range()` then
#'   stacks the minima and maxima along a new first axis).
#'   R dispatches these on the first argument: `max(x, 2)` reaches the tensor method,
#'   `max(2, x)` does not;
#' * the `Complex` group: `Re()`, `Im()`, `Mod()`, `Arg()` and `Conj()` are [op_real()],
#'   [op_imag()], [op_abs()], [op_angle()] and [op_conj()];
#' * `x[[i]]` is the `i`-th element in R's (column-major) order and `x[[i, j]]` the element at
#'   those positions, as base R's `[[` on an array, as 0-d tensors; `x[["dtype"]]` is `x$dtype`;
#' * `cbind()` and `rbind()` join matrices, vectors and numbers as base R does (vectors become
#'   columns or rows, a number is repeated to fill its column or row, as in `cbind(1, x)`; vectors
#'   are not recycled) with [op_concatenate()], in Keras's promoted dtype;
#' * `aperm()` and `t()` are [op_transpose()], as keras3 registers them for tensors: `t()`
#'   transposes a matrix, leaves a vector or a number as it is (base R's `t()` would make a row)
#'   and reverses the axes of an array;
#'   `is.na()`, `is.nan()`,
#'   `is.finite()` and `is.infinite()` give bool tensors.
#'
#' Functions that describe or rearrange data as R values give what base R gives for the array:
#' `as.matrix()` (so `apply()` works), `as.data.frame()`, `as.raster()` (an image, as the
#' tensorflow package gives it: `as.raster(image, max = 255)`), `head()`, `tail()`, `rev()`,
#' `unique()`, `rep()` (but see below), `diff()`, `rowSums()`, `colSums()`, `rowMeans()`, `colMeans()`,
#' `summary()`, `median()`, `quantile()`, `determinant()` (so `det()`), `anyNA()` (whether any element is NaN), `order()`,
#' `duplicated()`, `anyDuplicated()`; `dimnames()` is `NULL`. As the tensorflow package gives
#' them for keras3's tensors, `sort()` is a tensor sorted along `axis` (the last by default; NaN
#' last, first with `decreasing = TRUE`; with base R's own arguments, such as `partial`, base
#' R's sort of the values) and `rep(x, times)` of a number or a vector is a tensor of `x`
#' repeated `times` times; other `rep()` calls give base R's answer for the values. `as.character()` gives each
#' element's text (64-bit integers beyond 2^53 by their exact digits). `str()` shows the dtype, the
#' shape and the first values. `dim(x) <- d` and `x[[i]] <- value` change a tensor as base R
#' changes an array (a variable's `[[<-` assigns in place; its shape is fixed).
#'
#' Base R functions that are not generic cannot reach a tensor's values and fail or answer for
#' the object instead: among them `which()`, `which.max()`, `pmax()`, `var()`, `crossprod()`,
#' `diag()`, `match()` and `%in%`, `rank()`, `is.unsorted()` (which indexes with `x[-1]`, the
#' last element under keras3's rules), `ifelse()`, `outer()` and `c()`. Give them
#' `as.array(x)`.
#'
#' @param x,a,object A tensor or variable.
#' @param ... Further arguments, as for the base R function.
#' @param na.rm Whether to skip NaN.
#' @param axis,keepdims For `mean()`, as for [op_mean()]: 1-based axes to average over (`NULL`:
#'   all), and whether to keep them with length 1. For `sort()`, `axis` is the axis to sort
#'   along (1-based, negative from the end).
#' @param perm The new order of the axes (1-based), or `NULL` to reverse them.
#' @param dims As for the base R functions.
#' @return A tensor, or the R value base R gives for the same array (see above).
#' @examples
#' v <- keras_variable(array(c(1, 4, 9, 16, 25, 36), c(2, 3)))
#' sqrt(v)
#' sum(v)
#' sum(v, axis = 1)
#' max(v, axis = 2, keepdims = TRUE)
#' mean(v, axis = 1)
#' range(v)
#' t(v)
#' apply(v, 1, sum)
#' rowSums(v)
#' median(v)
#' sort(v, decreasing = TRUE)
#' str(v)
#' @name base_generics
NULL

# Math functions the engine has, by their R names.
engine_math <- list(
  abs = function(x) op_abs(x), sign = function(x) op_sign(x), sqrt = function(x) op_sqrt(x),
  floor = function(x) op_floor(x), ceiling = function(x) op_ceil(x), exp = function(x) op_exp(x),
  expm1 = function(x) op_expm1(x), log1p = function(x) op_log1p(x), log2 = function(x) op_log2(x),
  log10 = function(x) op_log10(x), cos = function(x) op_cos(x), sin = function(x) op_sin(x),
  tan = function(x) op_tan(x), acos = function(x) op_arccos(x), asin = function(x) op_arcsin(x),
  atan = function(x) op_arctan(x), cosh = function(x) op_cosh(x), sinh = function(x) op_sinh(x),
  tanh = function(x) op_tanh(x), trunc = function(x) op_trunc(x)
)

#' @rdname base_generics
#' @export
Math.kerasbridge_object <- function(x, ...) {
  if (!is.null(engine_math[[.Generic]])) return(engine_math[[.Generic]](x))
  switch(.Generic,
    log = if (...length() == 0L) op_log(x) else op_divide(op_log(x), log(..1)),
    cumsum = op_cumsum(in_r_order(x)),
    cumprod = op_cumprod(in_r_order(x)),
    # In the engine: through R's doubles, int64 beyond 2^53 lost its last digits.
    cummax = , cummin = .Call(krb_call2, "running_extremes", in_r_order(x), .Generic == "cummax"),
    # The rest (gamma, digamma, cospi, signif, ...) computes in R on the array; its
    # NaN and Inf are the result, as in keras3's tensor methods, without R's "NaNs produced".
    op_convert_to_tensor(in_r_math(.Generic, x, ...), dtype = float_dtype(op_dtype(x)))
  )
}

# Base R's `generic` of the tensor's values: an R error (gamma() of complex numbers is
# "unimplemented") becomes a classed one.
in_r_math <- function(generic, x, ...) {
  tryCatch(suppressWarnings(get(generic)(tensor_values(x), ...)), error = function(e)
    raise_bridge_error("type_error", sprintf("%s() does not support a tensor of dtype %s: %s", generic, op_dtype(x), conditionMessage(e))))
}

#' @rdname base_generics
#' @param z A tensor or variable.
#' @export
Complex.kerasbridge_object <- function(z) {
  switch(.Generic, Re = op_real(z), Im = op_imag(z), Mod = op_abs(z), Arg = op_angle(z), Conj = op_conj(z))
}

# The elements in R's order (first axis fastest) as a 1-D tensor.
in_r_order <- function(x) op_reshape(op_transpose(x), -1L)

# Float and complex dtypes stay (signif() of a complex keeps its imaginary part); integers and
# bools give floatx, as the engine's own math does.
float_dtype <- function(dtype) if (is_float_dtype(dtype)) dtype else config_floatx()

# Whether a dtype holds fractions: float (bfloat16 too) or complex.
is_float_dtype <- function(dtype) grepl("float|complex", dtype)

# Whether a tensor or an R value holds complex numbers.
holds_complex <- function(x) if (is_kerasbridge_object(x)) startsWith(op_dtype(x), "complex") else is.complex(x)

#' @rdname base_generics
#' @export
Summary.kerasbridge_object <- function(..., na.rm = FALSE) {
  parts <- list(...)
  # range(finite = TRUE) leaves out infinite values as well as missing ones, as base R's.
  finite <- .Generic == "range" && isTRUE(parts$finite)
  if (.Generic == "range" && !is.null(names(parts))) parts <- parts[names(parts) != "finite"]
  # `axis` and `keepdims` come through `...`, as TensorFlow's R methods take them; they must not
  # be reduced as data (`sum(x, axis = 1)` would add 1 to the total).
  options <- names(parts) %in% c("axis", "keepdims")
  if (any(options)) {
    if (sum(!options) != 1L)
      raise_bridge_error("value_error", sprintf("`%s()` takes `axis` and `keepdims` with one tensor only. Received: %d values", .Generic, sum(!options)))
    return(summarise(.Generic, tensor_of(parts[!options][[1L]]), na.rm || finite, parts$axis,
                     if (is.null(parts$keepdims)) FALSE else parts$keepdims, finite = finite))
  }
  # NULL parts, given or left of an all-NA part by na.rm, add nothing.
  parts <- lapply(parts, r_missing_values, .Generic, na.rm || finite)
  parts <- parts[!vapply(parts, is.null, TRUE)]
  parts <- lapply(parts, tensor_of)
  # Empty parts add nothing beside others (max(numeric(0), 2) is 2 in base R); alone, min() and
  # max() have nothing to give.
  if (length(parts) > 1L && any(nonempty <- vapply(parts, op_size, 1) > 0)) parts <- parts[nonempty]
  parts <- lapply(parts, function(part) summarise(.Generic, part, na.rm || finite, finite = finite))
  if (length(parts) == 1L) return(parts[[1L]])
  summarise(.Generic, op_stack(parts), na.rm || finite)
}

# An R part's NA beside tensors, as base R's Summary group takes it. With na.rm the NA elements
# are dropped (a part that is all NA leaves nothing: sum(x, NA, na.rm = TRUE) is sum(x)); without,
# a missing integer or logical value in sums, products and extremes is NaN, as R's arithmetic on
# tensors reads it (as an int32 it would be -2^31). any() and all() keep refusing it: bool has no NA.
r_missing_values <- function(part, generic, na.rm) {
  if (is_kerasbridge_object(part) || !is.atomic(part) || !anyNA(part)) return(part)
  if (na.rm) {
    kept <- part[!is.na(part)]
    return(if (length(kept)) kept)
  }
  if (!generic %in% c("any", "all") && (is.integer(part) || is.logical(part))) storage.mode(part) <- "double"
  part
}

summarise <- function(generic, x, na.rm, axis = NULL, keepdims = FALSE, finite = FALSE) {
  if (finite && grepl("float", op_dtype(x))) x <- op_where(op_isinf(x), NaN, x)
  # range() stacks the two along a new first axis, as the tensorflow package's does with `axis`.
  if (generic == "range") return(op_stack(list(summarise("min", x, na.rm, axis, keepdims), summarise("max", x, na.rm, axis, keepdims))))
  if (generic %in% c("min", "max") && is.null(axis) && prod(unlist(op_shape(x))) == 0)
    raise_bridge_error("value_error", sprintf("`%s()` of a tensor with no elements. Received: shape=%s", generic, format(op_shape(x))))
  if (isTRUE(na.rm) && grepl("float", op_dtype(x))) {
    neutral <- switch(generic, sum = 0, prod = 1, max = -Inf, min = Inf, any = 0, all = 1)
    x <- op_where(op_isnan(x), neutral, x)
  }
  reduce <- switch(generic, sum = op_sum, prod = op_prod, max = op_max, min = op_min, any = op_any, all = op_all)
  reduce(x, axis = axis, keepdims = keepdims)
}

#' @rdname base_generics
#' @export
mean.kerasbridge_object <- function(x, ..., axis = NULL, keepdims = FALSE, na.rm = FALSE) {
  if (...length()) {
    extra <- as.list(substitute(list(...)))[-1L]
    labels <- if (is.null(names(extra))) character(length(extra)) else names(extra)
    received <- paste0(ifelse(nzchar(labels), paste0(labels, " = "), ""), vapply(extra, shown, ""))
    raise_bridge_error("value_error", sprintf("`mean()` of a tensor takes only `axis`, `keepdims` and `na.rm`. Received: %s",
                                              paste(received, collapse = ", ")))
  }
  if (isTRUE(na.rm) && grepl("float", op_dtype(x))) {
    kept <- op_logical_not(op_isnan(x))
    return(op_divide(op_sum(op_where(kept, x, 0), axis = axis, keepdims = keepdims),
                     op_sum(op_cast(kept, op_dtype(x)), axis = axis, keepdims = keepdims)))
  }
  op_mean(x, axis = axis, keepdims = keepdims)
}

#' @rdname base_generics
#' @export
t.kerasbridge_object <- function(x) op_transpose(x)

#' @rdname base_generics
#' @param logarithm As for base R's `determinant()`.
#' @export
determinant.kerasbridge_object <- function(x, logarithm = TRUE, ...) determinant(as.array(x), logarithm = logarithm, ...)

#' @rdname base_generics
#' @export
aperm.kerasbridge_object <- function(a, perm = NULL, ...) op_transpose(a, perm)

#' @rdname base_generics
#' @param i,j As for `[[`: a name (a field, as `$`), or 1-based positions.
#' @export
`[[.kerasbridge_object` <- function(x, i, j, ...) {
  if (!missing(i) && missing(j) && nargs() == 2L && is.character(i) && length(i) == 1L) return(do.call(`$`, list(x, i)))
  positions <- element_positions(given_positions(i, j, ..., empty_j = missing(j) && nargs() > 2L),
                                 "`[[` on a tensor takes a field name or")
  # One position counts through the elements in R's order, as base R's x[[i]] on an array does.
  target <- if (length(positions) == 1L) in_r_order(x) else x
  do.call(op_subset, c(list(target), positions))
}

# The positions `[[` and `[[<-` were given, as a list; an empty one (x[[]], x[[2, ]]) is NULL,
# which element_positions() refuses.
given_positions <- function(i, j, ..., empty_j) {
  if (missing(i) || empty_j) return(list(NULL))
  if (missing(j)) list(i, ...) else list(i, j, ...)
}

# The positions of one element, as `[[` and `[[<-` take them: one positive number per axis, or
# one in R's element order; `takes` begins the message that refuses anything else.
element_positions <- function(positions, takes) {
  if (!all(vapply(positions, function(p) is.numeric(p) && length(p) == 1L && !is.na(p) && p >= 1, TRUE)))
    raise_bridge_error("value_error", sprintf("%s one positive position per axis (or one in R's element order). Received: %s",
                                              takes, paste(vapply(positions, function(p) if (is.null(p)) "an empty position" else shown(p), ""), collapse = ", ")))
  positions
}

#' @rdname base_generics
#' @param value For `[[<-`, one value; for `dim<-`, the new dimensions (`NULL`: a vector).
#' @export
`[[<-.kerasbridge_object` <- function(x, i, j, ..., value) {
  if (!missing(i) && missing(j) && nargs() == 3L && is.character(i) && length(i) == 1L)
    raise_bridge_error("attribute_error", sprintf("Field `%s` of a tensor or variable cannot be set with `[[<-`.", i))
  positions <- element_positions(given_positions(i, j, ..., empty_j = missing(j) && nargs() > 3L), "`[[<-` on a tensor takes")
  if (length(value) != 1L)
    raise_bridge_error("value_error", sprintf("`[[<-` replaces one element. Received: a value of length %d", length(value)))
  # One position counts through the elements in R's order, as base R's x[[i]] <- v on an array.
  if (length(positions) == 1L && length(dim(x)) != 1L) {
    if (positions[[1L]] > max(1L, length(x)))
      raise_bridge_error("index_error", sprintf("Position %s is out of bounds for a tensor of %d elements.", positions[[1L]], length(x)))
    positions <- if (is.null(dim(x))) list() else as.list(arrayInd(positions[[1L]], dim(x)))
  }
  result <- .Call(krb_call4, "subset_set", x, positions, value, TRUE)
  if (is.null(result)) x else result
}

#' @rdname base_generics
#' @export
`dim<-.kerasbridge_object` <- function(x, value) {
  if (inherits(x, "kerasbridge_variable"))
    raise_bridge_error("value_error", "A variable's shape is fixed; reshape its value instead, e.g. `op_reshape(v$value, new_shape)`.")
  if (is.null(value)) return(in_r_order(x))
  if (!is.numeric(value) || anyNA(value) || any(value < 0))
    raise_bridge_error("value_error", sprintf("the dims contain missing or negative values. Received: %s", shown(value)))
  if (prod(value) != length(x))
    raise_bridge_error("value_error", sprintf("dims [product %s] do not match the length of object [%s]", format(prod(value)), format(length(x))))
  # Base R keeps the elements in their (column-major) order and reads them into the new dims.
  op_transpose(op_reshape(op_transpose(x), rev(as.integer(value))))
}

#' @rdname base_generics
#' @param deparse.level Ignored: tensors have no dimnames.
#' @param dtype For `cbind()` and `rbind()`: the dtype each part is cast to before they join, as
#'   the tensorflow package's methods take it (`NULL`: the parts' promoted dtype).
#' @param name Ignored, as Keras's operation names are.
#' @export
cbind.kerasbridge_object <- function(..., deparse.level = 1, dtype = NULL, name = NULL) bound(list(...), 2L, dtype)

#' @rdname base_generics
#' @export
rbind.kerasbridge_object <- function(..., deparse.level = 1, dtype = NULL, name = NULL) bound(list(...), 1L, dtype)

# cbind() and rbind() as base R joins matrices: vectors and numbers become columns (rows), a
# number repeated to the matrices' (else the longest vector's) length, NULLs drop out; the
# parts then join along `axis` in Keras's promoted dtype. R's NA in an integer or logical part
# joining floats is a missing number, NaN, as in R's operators (as an int32 tensor holds it,
# -2147483648, it is R's NA only in an int32 result).
bound <- function(parts, axis, dtype = NULL) {
  parts <- Filter(Negate(is.null), parts)
  joins_floats <- if (!is.null(dtype)) is_float_dtype(dtype) else
    any(vapply(parts, function(p) if (is_kerasbridge_object(p)) is_float_dtype(op_dtype(p)) else is.double(p) || is.complex(p), TRUE))
  parts <- lapply(parts, function(part) {
    if (joins_floats && (is.integer(part) || is.logical(part)) && anyNA(part)) storage.mode(part) <- "double"
    if (is.null(dtype)) tensor_of(part) else op_cast(tensor_of(part), dtype)
  })
  ranks <- vapply(parts, op_ndim, 1L)
  across <- function(part) if (op_ndim(part) == 2L) unlist(op_shape(part))[[3L - axis]] else op_size(part)
  n <- if (any(ranks == 2L)) across(parts[[which(ranks == 2L)[[1L]]]]) else max(1L, vapply(parts[ranks == 1L], across, 1))
  parts <- lapply(parts, function(part) {
    switch(as.character(op_ndim(part)),
      "0" = op_broadcast_to(part, if (axis == 2L) c(n, 1L) else c(1L, n)),
      "1" = op_expand_dims(part, if (axis == 2L) 2L else 1L),
      "2" = part,
      raise_bridge_error("value_error", sprintf("`cbind()` and `rbind()` take matrices and vectors; use `op_concatenate()` for more axes. Received: shape=%s", format(op_shape(part))))
    )
  })
  op_concatenate(parts, axis = axis)
}

#' @rdname base_generics
#' @export
is.na.kerasbridge_object <- function(x) op_isnan(x)

#' @rdname base_generics
#' @param recursive Unused, as for `anyNA()`.
#' @export
anyNA.kerasbridge_object <- function(x, recursive = FALSE) isTRUE(tensor_values(op_any(op_isnan(x))))

#' @rdname base_generics
#' @export
is.nan.kerasbridge_object <- function(x) op_isnan(x)

#' @rdname base_generics
#' @export
is.finite.kerasbridge_object <- function(x) op_isfinite(x)

#' @rdname base_generics
#' @export
is.infinite.kerasbridge_object <- function(x) op_isinf(x)

#' @rdname base_generics
#' @export
as.matrix.kerasbridge_object <- function(x, ...) as.matrix(as.array(x), ...)

#' @rdname base_generics
#' @param max As for `as.raster()`: the value of full intensity.
#' @importFrom grDevices as.raster
#' @export
as.raster.kerasbridge_object <- function(x, max = 1, ...) grDevices::as.raster(as.array(x), max = max, ...)

#' @rdname base_generics
#' @importFrom utils head
#' @export
head.kerasbridge_object <- function(x, ...) utils::head(tensor_values(x), ...)

#' @rdname base_generics
#' @importFrom utils tail
#' @export
tail.kerasbridge_object <- function(x, ...) utils::tail(tensor_values(x), ...)

#' @rdname base_generics
#' @export
rev.kerasbridge_object <- function(x) rev(tensor_values(x))

#' @rdname base_generics
#' @export
dimnames.kerasbridge_object <- function(x) NULL

#' @rdname base_generics
#' @export
summary.kerasbridge_object <- function(object, ...) summary(tensor_values(object), ...)

#' @rdname base_generics
#' @importFrom stats median
#' @export
median.kerasbridge_object <- function(x, na.rm = FALSE, ...) stats::median(tensor_values(x), na.rm = na.rm, ...)

#' @rdname base_generics
#' @importFrom stats quantile
#' @export
quantile.kerasbridge_object <- function(x, ...) stats::quantile(tensor_values(x), ...)

#' @rdname base_generics
#' @param decreasing As for `sort()`.
#' @export
sort.kerasbridge_object <- function(x, decreasing = FALSE, ..., axis = -1L) {
  # Base R's own arguments (partial, as quantile() and median() pass it; na.last; method) ask
  # for base R's sort, of the values.
  if (...length()) return(sort(as.vector(tensor_values(x)), decreasing = decreasing, ...))
  # As the tensorflow package's sort() for keras3's tensors: a tensor sorted along `axis`.
  sorted <- op_sort(x, axis = axis)
  if (flag(decreasing, "decreasing")) op_flip(sorted, axis = axis) else sorted
}

#' @rdname base_generics
#' @param incomparables As for `unique()`.
#' @export
unique.kerasbridge_object <- function(x, incomparables = FALSE, ...) unique(tensor_values(x), incomparables = incomparables, ...)

#' @rdname base_generics
#' @export
duplicated.kerasbridge_object <- function(x, incomparables = FALSE, ...) duplicated(tensor_values(x), incomparables = incomparables, ...)

#' @rdname base_generics
#' @export
anyDuplicated.kerasbridge_object <- function(x, incomparables = FALSE, ...) anyDuplicated(tensor_values(x), incomparables = incomparables, ...)

# What order() compares: the values as base R's vector of them.
#' @rdname base_generics
#' @export
xtfrm.kerasbridge_object <- function(x) as.vector(tensor_values(x))

#' @rdname base_generics
#' @export
diff.kerasbridge_object <- function(x, ...) diff(tensor_values(x), ...)

#' @rdname base_generics
#' @export
rep.kerasbridge_object <- function(x, ...) {
  # As the tensorflow package's rep() for keras3's tensors: a number or a vector repeated
  # `times` times, as a tensor; anything else is base R's rep() of the values.
  args <- list(...)
  times <- if (length(args) == 1L && (is.null(names(args)) || names(args) %in% c("", "times"))) scalar_value(args[[1L]])
  if (is.numeric(times) && length(times) == 1L && op_ndim(x) <= 1L) return(op_tile(op_reshape(x, -1L), times))
  rep(tensor_values(x), ...)
}

#' @rdname base_generics
#' @param row.names,optional As for `as.data.frame()`.
#' @export
as.data.frame.kerasbridge_object <- function(x, row.names = NULL, optional = FALSE, ...) {
  # A vector's column is named for the argument, as base R names it (not "as.array(x)").
  values <- tensor_values(x)
  if (length(dim(values)) <= 1L && !"nm" %in% names(list(...)))
    return(as.data.frame(as.vector(values), row.names = row.names, optional = optional, ..., nm = deparse1(substitute(x))))
  as.data.frame(values, row.names = row.names, optional = optional, ...)
}

#' @rdname base_generics
#' @importFrom utils str
#' @export
str.kerasbridge_object <- function(object, ...) {
  if (!.Call(krb_call1, "usable", object)) {
    cat(.Call(krb_call1, "describe", object), "\n", sep = "")
    return(invisible())
  }
  kind <- if (inherits(object, "kerasbridge_variable")) "Variable" else "Tensor"
  dims <- as.integer(unlist(op_shape(object)))
  # The first elements in R's order, read by their coordinates: no copy of a large tensor.
  shown <- if (length(dims) == 0L) as.vector(tensor_values(object))
           else as.vector(tensor_values(object@r[arrayInd(seq_len(min(10L, length(object))), dims)]))
  cat(sprintf("<%s> %s%s %s%s\n", kind, op_dtype(object),
              if (length(dims)) sprintf(" [%s]", paste(sprintf("1:%d", dims), collapse = ", ")) else "",
              paste(format(shown, digits = 3, trim = TRUE), collapse = " "),
              if (length(object) > length(shown)) " ..." else ""))
  invisible()
}

# rowSums() and friends are not generic in base R: S4 generics over them, as the Matrix
# package makes, let tensors answer while every other argument goes to base R's.
#' @rdname base_generics
#' @export
setGeneric("rowSums")

#' @rdname base_generics
#' @export
setGeneric("colSums")

#' @rdname base_generics
#' @export
setGeneric("rowMeans")

#' @rdname base_generics
#' @export
setGeneric("colMeans")

#' @rdname base_generics
#' @export
setMethod("rowSums", "kerasbridge_object", function(x, na.rm = FALSE, dims = 1, ...) base_sums(base::rowSums, x, na.rm, dims))

#' @rdname base_generics
#' @export
setMethod("colSums", "kerasbridge_object", function(x, na.rm = FALSE, dims = 1, ...) base_sums(base::colSums, x, na.rm, dims))

#' @rdname base_generics
#' @export
setMethod("rowMeans", "kerasbridge_object", function(x, na.rm = FALSE, dims = 1, ...) base_sums(base::rowMeans, x, na.rm, dims))

#' @rdname base_generics
#' @export
setMethod("colMeans", "kerasbridge_object", function(x, na.rm = FALSE, dims = 1, ...) base_sums(base::colMeans, x, na.rm, dims))

# Base R's rowSums() and friends of a tensor's values, `na.rm` and `dims` checked first so that
# a bad one is a classed error, not base R's own.
base_sums <- function(f, x, na.rm, dims) {
  na.rm <- flag(na.rm, "na.rm")
  dims <- whole_number(dims, "dims")
  if (dims < 1L || dims >= length(dim(x)))
    raise_bridge_error("value_error", sprintf("`dims` must be from 1 to the rank less one. Received: dims=%d for a tensor of shape %s", dims, shape_text(x)))
  f(as.array(x), na.rm, dims)
}

# A tensor's attributes are read-only (the engine's tensors are immutable), as a variable's are
# but for the few it lets be set.
#' @export
`$<-.kerasbridge_tensor` <- function(x, name, value)
  raise_bridge_error("attribute_error", sprintf("Attribute `%s` of a tensor cannot be set: tensors are immutable. Received: %s=%s", name, name, shown(value, nlines = 1L)))
