#' @include ops-indexing.R
NULL

# These ops count, bin and place values: work of lookups and sums that R does directly on the
# values, each result then made a tensor of the dtype Keras gives it.

# The values of a tensor, variable or R value as an R vector or array.
r_values <- function(x) if (is_kerasbridge_object(x)) tensor_values(x) else x

# The same, a plain list of numbers (a Python list, as keras3 hands it on) or a shape() read as
# the vector of them (an unknown dimension as NA).
listed_values <- function(x) {
  if (inherits(x, "keras_shape")) return(as.numeric(x))
  if (is.list(x) && is.null(oldClass(x))) unlist(lapply(x, r_values)) else r_values(x)
}

# Whether `x` is a plain list, which keras3 hands Keras as a Python list.
is_python_list <- function(x) is.list(x) && is.null(oldClass(x)) && length(x) > 0L

# A Python list (nested ones too, or of tensors) as the tensor Keras makes of it; anything else
# as it is.
listed_tensor <- function(x) if (is_python_list(x)) op_convert_to_tensor(x) else x

# A Python list of indices as the R array of its numbers (nested lists are rows; the engine
# refuses nesting deeper than a tensor's axes), read in float64 so that every index is exact;
# anything else as it is.
listed_numbers <- function(x) if (is_python_list(x)) tensor_values(op_convert_to_tensor(x, dtype = "float64")) else x

# A number given as an R value or a one-element tensor, as keras3 hands either to Keras.
scalar_value <- function(x) if (is_kerasbridge_object(x) && op_size(x) == 1L) as.vector(as.array(x)) else x

# A tensor of `x`, R values converted as keras3 hands them to Keras (a vector of several numbers
# is a 1-D array, doubles float64).
keras_tensor <- function(x) if (is_kerasbridge_object(x)) x else op_convert_to_tensor(x)

# The dtype Keras's type promotion gives values of these dtypes (names) and R numbers together.
promoted_dtype <- function(...) {
  # A number (after the dtypes, so that it meets a tensor) stays weak, as Python's numbers do.
  op_dtype(Reduce(op_add, lapply(list(...), function(d) if (is.character(d)) op_zeros(0L, dtype = d) else d)))
}

# A tensor's shape as Python prints a tuple, for messages in Keras's words: (3,), (2, None), ().
shape_text <- function(x) tuple_text(vapply(op_shape(x), function(d) if (is.null(d)) "None" else format(d), ""))

# Dimensions as Python prints a tuple of them.
tuple_text <- function(dims) paste0("(", paste(dims, collapse = ", "), if (length(dims) == 1L) ",", ")")

# keras3's integer arguments: R doubles that are whole numbers become integers; a list of
# numbers counts as the vector of them (keras3 hands it to Keras as a list).
whole_values <- function(x, name) {
  values <- listed_values(x)
  if (!is.numeric(values) || anyNA(values) || any(values != trunc(values)))
    raise_bridge_error("type_error", sprintf("`%s` must hold whole numbers. Received: %s", name, paste(format(head(c(values), 5L)), collapse = ", ")))
  values
}

# keras3's 1-based indices as 0-based R numbers (negative ones still from the end).
r_indices <- function(indices) {
  if (is_kerasbridge_object(indices) && grepl("complex", op_dtype(indices)))
    raise_bridge_error("type_error", sprintf("Indices must be whole numbers. Received: a tensor of dtype %s", op_dtype(indices)))
  # The values first, so that a float tensor's fractions are refused as an R vector's are.
  index <- zero_based(r_values(indices))
  if (anyNA(index)) raise_bridge_error("value_error", "Indices must not be NA or NaN.")
  index
}

# R's 1-based positions along an axis of `size` for 0-based (or negative, from the end) indices,
# checked as NumPy checks them.
positions_along <- function(indices, size, axis) {
  out <- ifelse(indices < 0, indices + size, indices)
  bad <- out < 0 | out >= size
  if (any(bad))
    raise_bridge_error("index_error", sprintf("index %s is out of bounds for axis %d with size %d", format(indices[bad][[1L]]), axis, size))
  out + 1
}

#' Counting, binning and placing values
#'
#' keras3's ops that count values, find their bins and place values at indices, with keras3's
#' index conventions for each (which differ; see below):
#'
#' - `op_bincount()` counts each whole number `0, 1, ...` in `x` (a 1-D tensor, or each row of
#'   a 2-D one; `FALSE` and `TRUE` as 0 and 1), or sums `weights` by them; at least `minlength` bins. `x` holds values, not
#'   indices, so they are not shifted.
#' - `op_searchsorted()` finds, for each of `values`, its place in the 1-D `sorted_sequence`;
#'   `op_digitize()` the bin of each `x` among monotonic `bins`. Both give 1-based positions unless
#'   `zero_indexed = TRUE`, as keras3 does.
#' - `op_histogram()` counts `x` in `bins` equal bins over `range` (default: `x`'s range) and
#'   returns `list(counts, edges)`, counts in `x`'s float dtype as Keras declares them (int32 for
#'   integer `x`).
#' - `op_unravel_index()` turns 1-based flat `indices` into coordinates in an array of `shape`.
#'   As in keras3, the coordinates it returns (a list, one tensor per axis) are 0-based.
#' - `op_in_top_k()` tells, for each row of `predictions`, whether the class `targets` names is
#'   among the `k` largest. As in keras3, `targets` are 0-based class ids; an id out of range is
#'   `FALSE`.
#' - `op_multi_hot()` encodes each row of class ids (0-based, as keras3 passes them) as one row
#'   of `num_classes` flags.
#' - `op_argpartition()` gives indices that partition `x` along `axis` (`NULL`: `x` flattened)
#'   around the `kth` element (1-based): smaller values before it, larger after (here, fully
#'   sorted).
#' - `op_segment_sum()` and `op_segment_max()` reduce the rows of `data` that share a segment
#'   id (1-based; negative ids are left out, ids beyond `num_segments` are a `value_error`, as
#'   TensorFlow refuses them). An empty segment is 0, or for the maximum `-Inf`
#'   (the dtype's least value for integers).
#' - `op_scatter()` makes a tensor of `shape` of zeros with `values` added at `indices` (1-based,
#'   one row per value: a repeated index adds up); `op_scatter_update()` gives a copy of
#'   `inputs` with `updates` written at `indices` (the last write wins). A row of indices shorter
#'   than the rank places a whole slice.
#'
#' @param x A tensor, variable or R array; a list is a Python list, as keras3 hands it on (a list of
#'   vectors is one row each), here and for `values`, `inputs` and `segment_ids`.
#' @param weights `NULL`, or weights of `x`'s shape.
#' @param minlength The least number of bins.
#' @param sparse Must be `FALSE`: sparse tensors are not supported.
#' @param sorted_sequence A sorted 1-D tensor or R vector. For `op_searchsorted()`, R numbers
#'   (of both arguments) become arrays of at least one axis, doubles in [config_floatx()], as
#'   keras3 hands them to Keras.
#' @param values For `op_searchsorted()`, the values to place; for `op_scatter()`, the values
#'   to add.
#' @param side `"left"` (the first place) or `"right"` (the last place) for values equal to
#'   elements of `sorted_sequence`.
#' @param zero_indexed Whether to return 0-based positions.
#' @param bins For `op_digitize()`, monotonic bin edges; for `op_histogram()`, the number of bins.
#' @param range `NULL`, or the lower and upper edge of the histogram.
#' @param indices Indices: flat ones for `op_unravel_index()`; for the scatter ops, a matrix with
#'   one row per value and one column per leading axis.
#' @param shape The shape of the array.
#' @param targets Class ids, 0-based.
#' @param predictions A matrix of scores: one row per example, one column per class.
#' @param k How many of the largest scores count.
#' @param inputs For `op_multi_hot()`, class ids (0-based); for `op_scatter_update()`, the
#'   tensor to update.
#' @param num_classes The number of classes.
#' @param axis The axis, 1-based (negative from the end).
#' @param dtype `NULL` or a dtype name.
#' @param ... For `op_multi_hot()`, `num_tokens`, an old name of `num_classes`.
#' @param kth The 1-based position (or positions) to partition around.
#' @param data A tensor whose first axis is divided into segments.
#' @param segment_ids The segment of each row of `data`, 1-based.
#' @param num_segments `NULL` (the largest id) or the number of segments.
#' @param sorted Whether `segment_ids` are sorted; accepted for keras3's signature (the result
#'   is the same either way).
#' @param updates The values to write, one row per row of `indices`.
#' @return A tensor; `op_histogram()` `list(counts, edges)`, `op_unravel_index()` a list of
#'   tensors.
#' @family numpy ops
#' @examples
#' op_bincount(c(1, 2, 2, 3))
#' op_bincount(c(1, 2, 2, 3), weights = c(0.5, 1, 1, 1.5), minlength = 6)
#' op_searchsorted(c(-1, 0, 2, 4), c(-2, 0, 3, 7))
#' op_digitize(c(-1, 0, 1, 3, 3.5, 4.5, 1.6, 8), c(0, 3, 4.5, 7))
#' op_histogram(c(1, 2, 2, 3, 5), bins = 4)
#' op_unravel_index(c(1, 5), c(3, 3))
#' predictions <- rbind(c(0.1, 0.4, 0.6, 0.9, 0.5), c(0.1, 0.7, 0.9, 0.8, 0.3))
#' op_in_top_k(c(2L, 4L), predictions, k = 3)
#' op_multi_hot(c(0L, 4L), num_classes = 5)
#' op_argpartition(c(3, 4, 2, 1), 2)
#' op_segment_sum(c(1, 2, 10, 20, 100, 200), c(1, 1, 2, 2, 3, 3))
#' op_scatter(rbind(1, 3), values = 1:2, shape = 5)
#' op_scatter_update(op_zeros(c(2, 2)), rbind(c(1, 2)), 5)
#' @name op_bincount
NULL

#' @rdname op_bincount
#' @export
op_bincount <- function(x, weights = NULL, minlength = 0L, sparse = FALSE) {
  x <- listed_tensor(x)
  if (!isFALSE(sparse)) raise_bridge_error("value_error", "Sparse tensors are not supported: `sparse` must be FALSE.")
  minlength <- whole_number(minlength, "minlength")
  if (minlength < 0L) raise_bridge_error("value_error", sprintf("'minlength' must not be negative. Received: minlength=%d", minlength))
  if (is_kerasbridge_object(x) && !grepl("int|bool", op_dtype(x)))
    raise_bridge_error("type_error", sprintf("`op_bincount()` counts integers. Received: a tensor of dtype %s", op_dtype(x)))
  # keras3 takes R doubles as integers (truncated); a float tensor is NumPy's TypeError. A bool
  # tensor counts as 0 and 1, as R's logicals do here (Keras's TensorFlow backend casts it to int32).
  values <- if (is_kerasbridge_object(x)) whole_values(if (op_dtype(x) == "bool") op_cast(x, "int32") else x, "x") else {
    if (!is.numeric(x) && !is.logical(x)) raise_bridge_error("type_error", sprintf("`x` must be whole numbers. Received: %s", shown(x, nlines = 1L)))
    if (anyNA(x)) raise_bridge_error("value_error", "Cannot count NA: `x` must be whole numbers.")
    trunc(x)
  }
  rows <- if (is.matrix(values)) values else if (is.null(dim(values)) || length(dim(values)) == 1L) rbind(c(values)) else
    raise_bridge_error("value_error", sprintf("`x` must be 1-D or 2-D. Received: shape=%s", shape_text(keras_tensor(x))))
  if (any(rows < 0)) raise_bridge_error("value_error", "'list' argument must have no negative elements")
  if (any(rows >= .Machine$integer.max)) raise_bridge_error("value_error", sprintf("Cannot count into %s bins.", format(max(rows) + 1)))
  bins <- max(minlength, if (length(rows)) max(rows) + 1 else 0)
  allocation_check(c(nrow(rows), bins), "float64", copies = 3L)
  r_array_check(c(nrow(rows), bins))
  # Each value's place in the rows x bins result, counted or summed there in one pass; a vector's
  # counts keep no dim (each copy of 1e8 counts is seconds of fresh pages).
  places <- c(rows) * nrow(rows) + rep_len(seq_len(nrow(rows)), length(rows))
  dims <- if (is.matrix(values)) c(nrow(rows), bins) else bins
  if (is.null(weights)) {
    counts <- tabulate(places, nbins = nrow(rows) * bins)
    dim(counts) <- dims
    dtype <- "int32"
  } else {
    # keras3 hands plain R weights to Keras as a Python list: floatx.
    w <- tensor_of(weights)
    # NumPy's bincount and TensorFlow's take real weights only.
    if (grepl("complex", op_dtype(w)))
      raise_bridge_error("type_error", sprintf("`weights` must be real numbers. Received: a tensor of dtype %s", op_dtype(w)))
    if (!identical(as.integer(op_shape(w)), as.integer(op_shape(keras_tensor(x)))))
      raise_bridge_error("value_error", sprintf("`weights` must have the shape of `x`. Received: weights.shape=%s, x.shape=%s",
                                                shape_text(w), shape_text(keras_tensor(x))))
    counts <- sums_placed(as.array(w), places, dims)
    # Keras's result_type(x, weights), with R numbers in x as keras3 hands them on: made integers
    # (as_integer()), so int32, not the float64 of an R double array.
    x_dtype <- if (is_kerasbridge_object(x)) op_dtype(x) else if (is.logical(x)) "bool" else "int32"
    dtype <- promoted_dtype(x_dtype, op_dtype(w))
  }
  op_array(counts, dtype)
}

# R values that are numbers (or flags), as the counting ops take them; anything else is refused.
require_numbers <- function(v, name) {
  if (!is.numeric(v) && !is.logical(v))
    raise_bridge_error("type_error", sprintf("`%s` must be numbers. Received: %s", name, shown(v, nlines = 1L)))
  v
}

# `values` as an R vector or array of numbers (NaN where NA), and what gives its result's shape.
numbers_of <- function(values, name) {
  v <- require_numbers(r_values(values), name)
  storage.mode(v) <- "double"
  v
}

# A tensor of `values` (R's NA as NaN), R doubles in `doubles`: float64 as reticulate converts
# an R array, or config_floatx() where keras3 first makes them a NumPy array of that dtype.
number_tensor <- function(values, name, doubles = "float64") {
  if (is_kerasbridge_object(values)) return(values)
  values <- require_numbers(values, name)
  if (anyNA(values)) storage.mode(values) <- "double"
  op_array(values, if (is.double(values)) doubles)
}

# A tensor of int32 positions of `template`'s shape.
positions_tensor <- function(positions, template, zero_indexed) {
  if (!is.null(dim(template))) dim(positions) <- dim(template)
  returned_indices(op_array(positions, "int32"), zero_indexed)
}

#' @rdname op_bincount
#' @export
op_searchsorted <- function(sorted_sequence, values, side = "left", zero_indexed = FALSE) {
  # As keras3's as_py_array(): a NumPy array of at least one axis (a single number too), R
  # doubles in config_floatx(), so that an R vector of edges meets float32 values in float32.
  sequence <- number_tensor(as_array(sorted_sequence), "sorted_sequence", config_floatx())
  if (!is.character(side) || length(side) != 1L || !side %in% c("left", "right"))
    raise_bridge_error("value_error", sprintf("side must be 'left' or 'right'. Received: side=%s", shown(side)))
  # The engine compares in the promoted dtype: int64 beyond 2^53 stays exact.
  positions <- .Call(krb_call3, "op_searchsorted", sequence, number_tensor(as_array(listed_tensor(values)), "values", config_floatx()), side == "right")
  returned_indices(positions, zero_indexed)
}

#' @rdname op_bincount
#' @export
op_digitize <- function(x, bins, zero_indexed = FALSE) {
  x <- listed_tensor(x)
  edges <- numbers_of(bins, "bins")
  if (length(dim(edges)) > 1L) raise_bridge_error("value_error", "object too deep for desired array: `bins` must be 1-D")
  edges <- c(edges)
  if (anyNA(edges) || (is.unsorted(edges) && is.unsorted(rev(edges))))
    raise_bridge_error("value_error", "bins must be monotonically increasing or decreasing")
  v <- numbers_of(x, "x")
  increasing <- !is.unsorted(edges)
  positions <- if (increasing) findInterval(v, edges) else length(edges) - findInterval(v, rev(edges))
  positions[is.na(v)] <- if (increasing) length(edges) else 0L
  positions_tensor(positions, v, zero_indexed)
}

#' @rdname op_bincount
#' @export
op_histogram <- function(x, bins = 10L, range = NULL) {
  bins <- whole_number(bins, "bins")
  if (bins < 0L) raise_bridge_error("value_error", sprintf("Argument `bins` should be a non-negative integer. Received: bins=%d", bins))
  tensor <- tensor_of(x)
  if (op_ndim(tensor) > 1L)
    raise_bridge_error("value_error", sprintf("Input tensor must be 1-dimensional. Received: input.shape=%s", shape_text(tensor)))
  v <- numbers_of(tensor, "x")
  if (!is.null(range)) {
    range <- unlist(range)
    if (!is.numeric(range) || length(range) != 2L || anyNA(range))
      raise_bridge_error("value_error", sprintf("Argument `range` must be a tuple of two elements. Received: range=%s", shown(range)))
    if (range[[2L]] < range[[1L]])
      raise_bridge_error("value_error", sprintf("The second element of `range` must be greater than the first. Received: range=(%s, %s)", range[[1L]], range[[2L]]))
    lo <- range[[1L]]; hi <- range[[2L]]
    if (!all(is.finite(range)))
      raise_bridge_error("value_error", sprintf("supplied range of [%s, %s] is not finite", lo, hi))
  } else if (length(v)) {
    lo <- min(v); hi <- max(v)
    if (!is.finite(lo) || !is.finite(hi))
      raise_bridge_error("value_error", sprintf("autodetected range of [%s, %s] is not finite", lo, hi))
  } else {
    lo <- 0; hi <- 1
  }
  if (lo == hi) { lo <- lo - 0.5; hi <- hi + 0.5 }
  allocation_check(bins + 1, "float64", copies = 4L)
  # The edges in the dtype they are returned in, and the values binned against those, as NumPy
  # bins float32 values against float32 edges.
  edge_dtype <- if (grepl("float", op_dtype(tensor))) op_dtype(tensor) else config_floatx()
  edges <- op_array(as.array(seq(lo, hi, length.out = bins + 1L)), edge_dtype)
  bounds <- as.vector(as.array(edges))
  inside <- v[!is.na(v) & v >= bounds[[1L]] & v <= bounds[[length(bounds)]]]
  counts <- if (bins) tabulate(findInterval(inside, bounds, rightmost.closed = TRUE), nbins = bins) else integer()
  # Counts in x's float dtype, as Keras declares them (and its TensorFlow, JAX and PyTorch
  # backends give them); NumPy's int64 has no float to follow for integer x, so int32 there.
  count_dtype <- if (grepl("float", op_dtype(tensor))) op_dtype(tensor) else "int32"
  list(op_array(as.array(counts), count_dtype), edges)
}

#' @rdname op_bincount
#' @export
op_unravel_index <- function(indices, shape) {
  dims <- whole_values(shape, "shape")
  if (any(dims < 0)) raise_bridge_error("value_error", sprintf("Shape dimensions must be non-negative. Received: shape=%s", shown(c(dims))))
  dtype <- if (is_kerasbridge_object(indices)) op_dtype(indices) else "int32"
  # An integer tensor's indices shift in the engine, every digit of an int64 kept; the rest are
  # read as every index op reads them. One index (an R number, as keras3 passes a Python int,
  # or a 0-d tensor) gives 0-d coordinates.
  exact <- is_kerasbridge_object(indices) && grepl("int", op_dtype(indices))
  flat <- op_cast(if (exact) zero_based(indices) else op_array(r_indices(indices)), "int64")
  whole <- function(v) op_array(v, "int64")
  size <- Reduce(op_multiply, lapply(dims, whole), whole(1))
  outside <- op_logical_or(op_less(flat, 0L), op_greater_equal(flat, size))
  if (as.vector(as.array(op_any(outside))))
    raise_bridge_error("value_error", sprintf("index %s is out of bounds for array with size %s",
                                              as.character(op_convert_to_tensor(flat[outside]))[[1L]], as.character(size)))
  # Row-major (C) order, as NumPy's: the last axis varies fastest. In int64 throughout.
  coordinates <- vector("list", length(dims))
  stride <- whole(1)
  for (j in rev(seq_along(dims))) {
    coordinates[[j]] <- op_cast(op_mod(op_floor_divide(flat, stride), whole(dims[[j]])), dtype)
    stride <- op_multiply(stride, whole(dims[[j]]))
  }
  coordinates
}

#' @rdname op_bincount
#' @export
op_in_top_k <- function(targets, predictions, k) {
  k <- whole_number(k, "k")
  scores <- number_tensor(predictions, "predictions")
  if (grepl("complex", op_dtype(scores)))
    raise_bridge_error("type_error", sprintf("`predictions` must be real numbers. Received: a tensor of dtype %s", op_dtype(scores)))
  dims <- as.integer(op_shape(scores))
  if (length(dims) < 2L)
    raise_bridge_error("value_error", sprintf("`predictions` must have a class axis after the targets' axes. Received: shape=%s", shape_text(scores)))
  classes <- dims[[length(dims)]]
  targets_r <- whole_values(targets, "targets")
  target_dims <- if (is.null(dim(targets_r))) length(targets_r) else dim(targets_r)
  if (!identical(as.integer(target_dims), dims[-length(dims)]))
    raise_bridge_error("value_error", sprintf("`targets` must have the shape of `predictions` without its last axis. Received: targets.shape=%s, predictions.shape=%s",
                                              shape_text(keras_tensor(targets)), shape_text(scores)))
  valid <- array(targets_r >= 0 & targets_r < classes, target_dims)
  if (k < 1L || classes == 0L) return(op_array(array(FALSE, target_dims), "bool"))
  # As Keras: the target's score is in the top k if it is at least one of the k largest (NaN
  # counting as the largest), compared in the scores' own dtype; an id outside the classes never is.
  own <- op_take_along_axis(scores, array(ifelse(valid, targets_r, 0L), c(target_dims, 1L)), axis = -1L, zero_indexed = TRUE)
  top <- op_top_k(scores, min(k, classes), sorted = FALSE)[[1L]]
  op_logical_and(op_any(op_greater_equal(own, top), axis = -1L), valid)
}

#' @rdname op_bincount
#' @export
op_multi_hot <- function(inputs, num_classes, axis = -1L, dtype = NULL, sparse = FALSE, ...) {
  extra <- list(...)
  if (missing(num_classes) && !is.null(extra$num_tokens)) num_classes <- extra$num_tokens
  if (!isFALSE(sparse)) raise_bridge_error("value_error", "Sparse tensors are not supported: `sparse` must be FALSE.")
  inputs <- listed_tensor(inputs)
  ids <- if (is_kerasbridge_object(inputs)) op_cast(inputs, "int32") else op_array(whole_values(inputs, "inputs"), "int32")
  encoded <- op_one_hot(ids, num_classes, axis = axis, dtype = if (is.null(dtype)) config_floatx() else dtype, zero_indexed = TRUE)
  op_max(encoded, axis = if (op_ndim(ids) > 1L) 2L else 1L)
}

#' @rdname op_bincount
#' @export
op_argpartition <- function(x, kth, axis = -1L, zero_indexed = FALSE) {
  x <- if (is.null(axis)) flattened(x) else tensor_of(as_array(x))
  if (is.null(axis)) axis <- -1L
  size <- axis_length(x, axis)
  positions <- r_indices(kth)
  bad <- positions < -size | positions >= size
  if (any(bad)) raise_bridge_error("value_error", sprintf("kth(=%s) out of bounds (%d)", format(positions[bad][[1L]]), size))
  # A full sort partitions around every position at once.
  op_argsort(x, axis = axis, zero_indexed = zero_indexed)
}

# Rows of `data` reduced by segment, in the engine (in `data`'s dtype, as Keras): sums, or the
# largest with `maximum`.
segment_reduction <- function(data, segment_ids, num_segments, maximum) {
  data <- tensor_of(data)
  if (op_ndim(data) < 1L) raise_bridge_error("value_error", "`data` must have at least one axis to divide into segments. Received: a scalar")
  ids <- r_indices(segment_ids)
  if (length(dim(ids)) > 1L)
    raise_bridge_error("value_error", sprintf("Argument `segment_ids` should be an 1-D vector, got shape: %d. Consider either flatten input with segment_ids.reshape((-1)) and data.reshape((-1, ) + data.shape[len(segment_ids.shape):]) or vectorize with vmap.", length(dim(ids))))
  ids <- c(ids)
  segments <- if (is.null(num_segments)) max(c(ids, -1)) + 1 else whole_number(num_segments, "num_segments")
  # TensorFlow refuses an id beyond num_segments (on the CPU) where JAX drops its row: dropping
  # would hide a wrong num_segments.
  if (any(beyond <- ids >= segments))
    raise_bridge_error("value_error", sprintf("segment_ids[%d] = %s is out of range [1, %s]: `num_segments` is %s.",
                                              which(beyond)[[1L]], format(ids[beyond][[1L]] + 1), format(segments), format(segments)))
  # A 1-d array: one id is still a vector of ids (an R number would be a 0-d tensor).
  .Call(krb_call4, "op_segment_reduce", data, as.array(ids), segments, maximum)
}

#' @rdname op_bincount
#' @export
op_segment_sum <- function(data, segment_ids, num_segments = NULL, sorted = FALSE)
  segment_reduction(data, segment_ids, num_segments, maximum = FALSE)

# An array of `dims` holding the sums of `values` by the (1-based) places they go to, zero
# elsewhere: work in proportion to the values, not to the places (rowsum() names each sum by
# its place).
sums_placed <- function(values, places, dims) {
  sums <- rowsum(as.numeric(values), c(places), reorder = FALSE)
  out <- array(0, dims)
  out[as.numeric(rownames(sums))] <- sums
  out
}

# R's tabulate() and indexing count places in R integers.
r_array_check <- function(dims) {
  if (prod(as.numeric(dims)) > .Machine$integer.max)
    raise_bridge_error("memory_error", sprintf("Unable to allocate an array of shape %s: more elements than an R array of them can hold.", shown(c(dims))))
}

#' @rdname op_bincount
#' @export
op_segment_max <- function(data, segment_ids, num_segments = NULL, sorted = FALSE)
  segment_reduction(data, segment_ids, num_segments, maximum = TRUE)

# Where the scatter ops write `indices` (one row per value, 1-based) into an array of `dims`:
# R's positions, one row per row of indices and one column per element of the slice it places
# (`slice_dims`, the axes the indices leave).
scatter_plan <- function(indices, dims) {
  # A list of index rows (keras3's "tensor or list"), and a plain vector as one row, as Keras
  # reads the last axis as the index's length.
  if (is.list(indices)) indices <- do.call(rbind, lapply(indices, r_values))
  index <- r_indices(indices)
  depth <- if (is.null(dim(index))) length(index) else dim(index)[[length(dim(index))]]
  index <- matrix(index, ncol = depth)
  if (depth > length(dims))
    raise_bridge_error("value_error", sprintf("Each row of `indices` can index at most %d axes. Received: rows of %d indices", length(dims), depth))
  position <- rep(1, nrow(index))
  stride <- 1
  for (j in seq_len(depth)) {
    position <- position + (positions_along(index[, j], dims[[j]], j - 1L) - 1) * stride
    stride <- stride * dims[[j]]
  }
  slice_dims <- dims[-seq_len(depth)]
  list(positions = outer(position, (seq_len(prod(slice_dims)) - 1) * stride, `+`), slice_dims = slice_dims)
}

# The values the scatter ops place, as a 1-D tensor in the order of `plan$positions` (R's): one
# value for all, or one slice per row of indices.
scatter_tensor <- function(values, plan) {
  values <- tensor_of(as_array(values))
  rows <- nrow(plan$positions)
  if (op_size(values) == 1L) return(op_broadcast_to(op_reshape(values, 1L), length(plan$positions)))
  if (op_size(values) != length(plan$positions))
    raise_bridge_error("value_error", sprintf("cannot reshape array of size %d into shape %s: one slice of values per row of `indices`",
                                              as.integer(op_size(values)), tuple_text(c(rows, plan$slice_dims))))
  in_r_order(op_reshape(values, c(rows, plan$slice_dims)))
}

#' @rdname op_bincount
#' @export
op_scatter <- function(indices, values, shape) {
  dims <- whole_values(shape, "shape")
  if (any(dims < 0)) raise_bridge_error("value_error", sprintf("Shape dimensions must be non-negative. Received: shape=%s", shown(c(dims))))
  r_array_check(dims)
  plan <- scatter_plan(indices, dims)
  # Summed where indices repeat, in the values' dtype (as NumPy's add.at: integers wrap), by the
  # engine's segment sum over the places in R's order, then given the shape in that order.
  sums <- .Call(krb_call4, "op_segment_reduce", scatter_tensor(values, plan), as.array(c(plan$positions) - 1), prod(dims), FALSE)
  op_transpose(op_reshape(sums, rev(dims)))
}

#' @rdname op_bincount
#' @export
op_scatter_update <- function(inputs, indices, updates) {
  inputs <- tensor_of(inputs)
  dims <- as.integer(op_shape(inputs))
  plan <- scatter_plan(indices, dims)
  # In the engine, in the inputs' dtype: through R, int64 beyond 2^53 lost its last digits.
  .Call(krb_call3, "put_in_storage_order", inputs, c(plan$positions) - 1, scatter_tensor(updates, plan))
}
