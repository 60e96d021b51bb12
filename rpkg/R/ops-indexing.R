#' @include objects.R
NULL

# keras3's index arguments are 1-based: positive indices shift down by one, 0 and negative ones
# (counting from the end) stay. Tensors shift with op_where, R values in R.
zero_based <- function(indices) {
  refuse_huge_indices(indices)
  if (is_kerasbridge_object(indices)) return(op_where(op_greater(indices, 0L), op_subtract(indices, 1L), indices))
  # A list is the Python list keras3's as_py_index() shifts element by element and hands on:
  # the array NumPy makes of it (nested lists are rows), shifted, none for an empty one.
  if (is.list(indices) && is.null(oldClass(indices))) return(if (length(indices)) zero_based(listed_numbers(indices)) else integer())
  # A fraction too: R's integer conversion would cut it off, where NumPy refuses float indices.
  if (!is.numeric(indices) || is.factor(indices) || (is.double(indices) && any(indices != trunc(indices), na.rm = TRUE)))
    raise_bridge_error("type_error", sprintf("Indices must be whole numbers. Received: %s%s", paste(format(head(c(indices), 10L)), collapse = ", "),
                                             if (length(indices) > 10L) sprintf(", ... (%s in all)", format(length(indices))) else ""))
  if (is.double(indices)) {
    if (any(abs(indices) > .Machine$integer.max, na.rm = TRUE))
      raise_bridge_error("index_error", sprintf("Index %s is out of the int32 range.", format(indices[which(abs(indices) > .Machine$integer.max)[[1L]]])))
    storage.mode(indices) <- "integer"
  }
  # One pass each, without subsetting by a mask (0.4 s for 1e7 indices): NA stays NA.
  indices - (indices > 0L)
}

# Indices an op takes, 0-based for the engine unless keras3's `zero_indexed` says they are.
taken_indices <- function(indices, zero_indexed)
  if (flag(zero_indexed, "zero_indexed")) indices else zero_based(indices)

# Indices an op returns, 1-based as keras3 returns them unless `zero_indexed`.
returned_indices <- function(positions, zero_indexed)
  if (flag(zero_indexed, "zero_indexed")) positions else op_add(positions, 1L)

# An R value converted once, as each op would convert it, for functions that use it several times.
tensor_of <- function(x) if (is_kerasbridge_object(x)) x else op_array(x)

# keras3's `as_array()` for the ops that take it: a plain R vector becomes a 1-D array, so a
# double vector converts to float64 as an array does, not to `config_floatx()`.
as_array <- function(x) if (is.atomic(x) && !is.null(x) && !is.array(x)) as.array(x) else x

# An R vector of indices costs R several whole copies of it on its way to the engine: one far
# beyond memory is a memory_error before R expands it (a compact 1:3e9 would take 12 GB at
# its first comparison).
refuse_huge_indices <- function(indices)
  if (is.atomic(indices) && length(indices) > 1e6) allocation_check(length(indices), "int64", copies = 4L)

# Refuses, with NumPy's MemoryError, an array of `dims` and `dtype` that R code is about to build
# (`copies` of its size at once) but that one tensor could not hold or the machine's memory could not.
allocation_check <- function(dims, dtype, copies = 1L) invisible(.Call(krb_call3, "allocation_check", dims, dtype, copies))

# The length of `x`'s axis `axis` (1-based, negative from the end), checked by the engine.
axis_length <- function(x, axis) .Call(krb_call2, "axis_length", x, axis)

# A shape of `rank` ones but `n` at `axis` (a 1-based position, from one_axis()): a vector of n
# along that axis reshaped to broadcast against a tensor of that rank.
along_axis_shape <- function(rank, axis, n) {
  shape <- rep(1L, rank)
  shape[[axis]] <- n
  shape
}

# A keras3 axis of `x` (a number, negative from the end, or a list of one) as its 1-based
# position; axis_length() has checked that it is one axis of x.
one_axis <- function(x, axis) .Call(krb_call2, "axes_normalized", x, axis)

# keras3's R value or tensor flattened in row-major order, R vectors and arrays keeping their
# dtype (as_array()).
flattened <- function(x) op_reshape(tensor_of(as_array(x)), -1L)

# A whole-number argument (a count or a step), as Python's int() takes it.
whole_number <- function(value, name) {
  # A 0-d tensor is one number, as Keras takes a scalar tensor for one.
  if (is_kerasbridge_object(value) && op_ndim(value) == 0L) value <- scalar_value(value)
  if (!is.numeric(value) || length(value) != 1L || is.na(value) || value != trunc(value))
    raise_bridge_error("type_error", sprintf("`%s` must be a whole number. Received: %s=%s", name, name, shown(value)))
  r_integers(value, value, name)
}

# Whole numbers (argument `name`, given as `x`) as R integers, refused beyond them.
r_integers <- function(values, x, name) {
  if (any(abs(values) > .Machine$integer.max))
    raise_bridge_error("value_error", sprintf("`%s` must be within R's integers, [-2147483647, 2147483647]. Received: %s=%s", name, name, shown(x, nlines = 1L)))
  as.integer(values)
}

# keras3's start indices: numbers, a list of them or a tensor, 1-based, made 0-based.
start_indices_of <- function(start_indices) {
  # A list may hold scalar tensors, as Keras's dynamic slices pass `[index]`.
  if (is.list(start_indices))
    start_indices <- as.vector(unlist(lapply(start_indices, function(i) if (is_kerasbridge_object(i)) as.vector(as.array(i)) else i)), "numeric")
  if (is_kerasbridge_object(start_indices)) start_indices <- as.vector(as.array(start_indices))
  zero_based(start_indices)
}

#' Joining and splitting tensors
#'
#' keras3's `op_concatenate()` joins a list of tensors along an existing axis, `op_stack()`
#' along a new one; `op_unstack()` and `op_split()` give lists of tensors back. Axes are
#' 1-based; the default, `axis = 1`, joins or splits the rows of matrices; `op_concatenate()`
#' with `axis = NULL` joins the tensors flattened (in row-major order), as NumPy does. Inputs
#' promote to a common dtype. `op_split()` takes a number of equal sections, or (a vector or array) the
#' 1-based positions where new sections start.
#'
#' @param xs,x A list of tensors, variables or R arrays; or one of them.
#' @param axis The axis, 1-based (negative from the end); `NULL` for `op_concatenate()` to flatten.
#' @param num `NULL`, or the length of the axis (the number of tensors), checked as TensorFlow checks it.
#' @param indices_or_sections A number of equal sections, or the 1-based positions where
#'   sections start.
#' @return A tensor (`op_unstack()`, `op_split()`: a list of tensors).
#' @family numpy ops
#' @examples
#' a <- matrix(1:4, 2)
#' op_concatenate(list(a, a))
#' op_concatenate(list(a, a), axis = 2)
#' op_stack(list(a, a))
#' op_unstack(a)
#' op_split(op_arange(6L), 3)
#' op_split(op_arange(6L), c(3, 5))
#' @name op_concatenate
NULL

#' @rdname op_concatenate
#' @export
op_concatenate <- function(xs, axis = 1L) .Call(krb_call2, "op_concatenate", xs, axis)

#' @rdname op_concatenate
#' @export
op_stack <- function(x, axis = 1L) .Call(krb_call2, "op_stack", x, axis)

#' @rdname op_concatenate
#' @export
op_unstack <- function(x, num = NULL, axis = 1L) {
  x <- tensor_of(x)
  n <- axis_length(x, axis)
  # TensorFlow's unstack refuses a `num` that is not the axis' length (NumPy's ignores it).
  if (!is.null(num) && whole_number(num, "num") != n)
    raise_bridge_error("value_error", sprintf("`num` must be the length of the axis unstacked, %d. Received: num=%s, axis=%s, shape=%s", n, shown(num), shown(axis), shape_text(x)))
  lapply(seq_len(n), function(j) op_take(x, j, axis = axis))
}

#' @rdname op_concatenate
#' @export
op_split <- function(x, indices_or_sections, axis = 1L) {
  x <- tensor_of(x)
  n <- axis_length(x, axis)
  # A tensor as keras3 reads one: a 0-d one counts sections, a 1-D one holds 1-based points,
  # as an R vector (even of one point) does.
  if (is_kerasbridge_object(indices_or_sections)) {
    if (!grepl("int", op_dtype(indices_or_sections)))
      raise_bridge_error("type_error", sprintf("Split points and counts must be integers. Received: indices_or_sections=%s", shown(indices_or_sections)))
    indices_or_sections <- if (op_ndim(indices_or_sections) == 0L) as.vector(as.array(indices_or_sections)) else as.array(indices_or_sections)
  }
  if (!is.numeric(unlist(indices_or_sections)))
    raise_bridge_error("value_error", sprintf("Split points and counts must be whole numbers. Received: indices_or_sections=%s",
                                              paste(format(indices_or_sections), collapse = ", ")))
  if (length(indices_or_sections) == 1L && is.null(dim(indices_or_sections))) {
    sections <- whole_number(unlist(indices_or_sections), "indices_or_sections")
    if (sections < 1L || n %% sections != 0L)
      raise_bridge_error("value_error", sprintf("array split does not result in an equal division: %d elements into %s sections", n, format(indices_or_sections)))
    starts <- 1L + (seq_len(sections - 1L)) * (n %/% sections)
    bounds <- c(0L, starts - 1L, n)
  } else {
    # keras3 passes NumPy positive points less one and the rest as they are, as it passes
    # indices; NumPy slices between them as Python does: negative from the end, clamped to the
    # axis, empty when a point comes before the one before it.
    points <- zero_based(unlist(indices_or_sections))
    if (anyNA(points))
      raise_bridge_error("value_error", sprintf("Split points must be whole numbers. Received: indices_or_sections=%s",
                                                paste(format(unlist(indices_or_sections)), collapse = ", ")))
    bounds <- c(0L, pmin(pmax(ifelse(points < 0L, points + n, points), 0L), n), n)
  }
  # array(): a section of one element keeps its axis, as a vector of one index does.
  lapply(seq_len(length(bounds) - 1L), function(i)
    op_take(x, array(if (bounds[i + 1L] > bounds[i]) (bounds[i] + 1L):bounds[i + 1L] else integer()), axis = axis))
}

#' Taking elements, positions of extremes, running totals
#'
#' keras3's `op_take()` picks elements by 1-based `indices` along `axis` (`NULL`: of `x`
#' flattened in row-major order, as keras3); negative indices count from the end. One index
#' drops the axis, but with `zero_indexed = TRUE` one double (`1`, not `1L`) keeps it with
#' length 1, as keras3 makes doubles an array there.
#' `op_argmax()` and `op_argmin()` give the 1-based position of the largest or smallest element
#' along `axis` (`NULL`: in `x` flattened in row-major order), as keras3 does unless
#' `zero_indexed = TRUE`; ties give the first. `op_cumsum()` and `op_cumprod()` give running
#' totals along `axis` (`NULL`: flattened); `op_diff()` the differences of neighbours along
#' `axis`, `n` times over (of bool, whether they differ). `op_flip()` reverses along axes,
#' `op_rot90()` turns by `k` quarter turns in the plane of two axes, from the first axis towards
#' the second (NumPy's `rot90()`: a matrix turns anticlockwise), `op_broadcast_to()`
#' repeats to a shape with NumPy's broadcasting, `op_one_hot()` encodes 1-based class numbers
#' (0-based with `zero_indexed = TRUE`) along a new axis, in [config_floatx()] unless `dtype` is given;
#' a factor is encoded by its levels, `num_classes` its number of levels unless given.
#'
#' @param x A tensor, variable, R array or number.
#' @param indices Whole numbers, 1-based (negative from the end).
#' @param axis An axis, 1-based (negative from the end), or `NULL`.
#' @param keepdims Whether the reduced axis stays, with length 1.
#' @param zero_indexed Whether indices are 0-based (as in Python) instead of 1-based.
#' @param dtype `NULL` or a dtype name.
#' @param shape The shape to broadcast to.
#' @param num_classes The number of classes (for a factor, by default its number of levels).
#' @param sparse Sparse tensors are not supported: must be `FALSE`.
#' @param a A tensor, variable or R array.
#' @param n How many times to take differences (0 returns `a`).
#' @param array A tensor, variable or R array of at least 2 dimensions.
#' @param k The number of quarter turns (negative: the other way).
#' @param axes The two axes of the plane, 1-based: a list or a vector.
#' @return A tensor (int32 for `op_argmax()`, `op_argmin()`).
#' @family numpy ops
#' @examples
#' x <- keras_variable(rbind(c(11, 12, 10), c(12, 11, 10)))
#' op_argmax(x)
#' op_argmax(x, axis = 1)
#' op_argmin(x, axis = 2)
#' op_take(x, c(3, 1), axis = 2)
#' op_cumsum(x, axis = 2)
#' op_diff(x)
#' op_diff(c(1, 4, 9, 16), n = 2)
#' op_flip(x, axis = 1)
#' op_rot90(matrix(1:4, 2, byrow = TRUE))
#' op_broadcast_to(c(1, 2, 3), c(2, 3))
#' op_one_hot(c(2, 4, 3, 1), num_classes = 4)
#' op_one_hot(factor(c("b", "a", "b"), levels = c("a", "b", "c")))
#' @name op_take
NULL

#' @rdname op_take
#' @export
op_take <- function(x, indices, axis = NULL, zero_indexed = FALSE) {
  refuse_huge_indices(indices)
  # keras3 passes a list of indices on as a Python list (nested: one row per element), shifted
  # by zero_based() unless zero-indexed.
  if (isTRUE(zero_indexed)) indices <- listed_numbers(indices)
  # keras3 hands zero-indexed doubles on as an array (as_integer_array()), so one double keeps
  # its axis of length 1 where one integer, like any 1-based index, drops it.
  if (isTRUE(zero_indexed) && is.double(indices)) indices <- as_array(indices)
  indices <- taken_indices(indices, zero_indexed)
  .Call(krb_call3, "op_take", x, indices, axis)
}

#' @rdname op_take
#' @export
op_argmax <- function(x, axis = NULL, keepdims = FALSE, zero_indexed = FALSE) {
  positions <- .Call(krb_call3, "op_argmax", x, axis, keepdims)
  returned_indices(positions, zero_indexed)
}

#' @rdname op_take
#' @export
op_argmin <- function(x, axis = NULL, keepdims = FALSE, zero_indexed = FALSE) {
  positions <- .Call(krb_call3, "op_argmin", x, axis, keepdims)
  returned_indices(positions, zero_indexed)
}

# Keras runs a cumulative sum or product asked for in bool in int32, on the values themselves.
running_dtype <- function(dtype) if (identical(dtype, "bool")) "int32" else dtype

#' @rdname op_take
#' @export
op_cumsum <- function(x, axis = NULL, dtype = NULL) {
  if (!is.null(dtype)) x <- op_cast(x, running_dtype(dtype))
  .Call(krb_call2, "op_cumsum", x, axis)
}

#' @rdname op_take
#' @export
op_cumprod <- function(x, axis = NULL, dtype = NULL) {
  if (!is.null(dtype)) x <- op_cast(x, running_dtype(dtype))
  .Call(krb_call2, "op_cumprod", x, axis)
}

#' @rdname op_take
#' @export
op_diff <- function(a, n = 1L, axis = -1L) {
  # A plain vector takes floatx, as keras3 hands it to Keras as a list of numbers.
  a <- tensor_of(a)
  n <- whole_number(n, "n")
  if (n < 0L) raise_bridge_error("value_error", sprintf("order must be non-negative but got %d", n))
  # Once the axis is empty, further differences change nothing: n = 1e9 looped a billion times.
  for (i in seq_len(min(n, axis_length(a, axis)))) {
    # Two slices one apart along the axis, each a strided copy (an array of indices as long as
    # the axis took 0.8 s for 1e7 elements).
    at <- one_axis(a, axis)
    shape <- dim(a)
    shape[[at]] <- shape[[at]] - 1L
    first <- rep(1L, length(shape))
    later <- op_slice(a, replace(first, at, 2L), shape)
    earlier <- op_slice(a, first, shape)
    a <- if (a$dtype == "bool") op_not_equal(later, earlier) else op_subtract(later, earlier)
  }
  a
}

#' @rdname op_take
#' @export
op_flip <- function(x, axis = NULL) .Call(krb_call2, "op_flip", x, axis)

#' @rdname op_take
#' @export
op_rot90 <- function(array, k = 1L, axes = list(1L, 2L)) {
  x <- tensor_of(as_array(array))
  rank <- op_ndim(x)
  if (rank < 2L)
    raise_bridge_error("value_error", sprintf("Input array must have at least 2 dimensions. Received: array.ndim=%d", rank))
  plane <- unlist(axes)
  invalid_axes <- function()
    raise_bridge_error("value_error", sprintf("Invalid axes: %s. Axes must be a tuple of two different dimensions.", shown(axes)))
  if (!is.numeric(plane) || length(plane) != 2L || anyNA(plane) || plane[[1L]] == plane[[2L]]) invalid_axes()
  if (any(plane == 0)) raise_bridge_error("value_error", sprintf("`axes` argument is 1 based, received %s", shown(axes)))
  # Bound-checked by the ops below; the same axis spelt both ways (1 and -rank) is one axis.
  if ((plane[[1L]] - plane[[2L]]) %in% c(rank + 1L, -rank - 1L)) invalid_axes()
  switch(whole_number(k, "k") %% 4L + 1L,
         op_copy(x),
         op_swapaxes(op_flip(x, plane[[2L]]), plane[[1L]], plane[[2L]]),
         op_flip(op_flip(x, plane[[1L]]), plane[[2L]]),
         op_flip(op_swapaxes(x, plane[[1L]], plane[[2L]]), plane[[2L]]))
}

#' @rdname op_take
#' @export
op_broadcast_to <- function(x, shape) .Call(krb_call2, "op_broadcast_to", x, shape)

#' @rdname op_take
#' @export
op_one_hot <- function(x, num_classes, axis = -1L, dtype = NULL, sparse = FALSE, zero_indexed = FALSE) {
  if (isTRUE(sparse)) raise_bridge_error("value_error", "Sparse tensors are not supported: `sparse` must be FALSE.")
  if (is.factor(x)) {
    # keras3 encodes a factor by its levels: its codes are 1-based class numbers.
    if (isTRUE(zero_indexed))
      raise_bridge_error("value_error", "zero_indexed=TRUE is incompatible with `x` being a factor.")
    if (missing(num_classes)) num_classes <- nlevels(x)
    x <- structure(as.integer(x), dim = dim(x))
  }
  x <- taken_indices(x, zero_indexed)
  .Call(krb_call4, "op_one_hot", x, num_classes, axis, if (is.null(dtype)) config_floatx() else dtype)
}

#' Mean and variance
#'
#' keras3's `op_moments()`: `list(mean, variance)` of `x` over `axes` (1-based), the variance
#' the population one (divided by n).
#'
#' @param x A tensor, variable or R array.
#' @param axes The axes to reduce, 1-based.
#' @param keepdims Whether the reduced axes stay, with length 1.
#' @param synchronized For keras3's signature; nothing is distributed here.
#' @return A list of two tensors: the mean and the variance.
#' @family nn ops
#' @examples
#' op_moments(c(0, 1, 2, 3, 100), axes = 1)
#' @export
op_moments <- function(x, axes, keepdims = FALSE, synchronized = FALSE) {
  # float16's range is too small for the statistics (squares overflow), so Keras computes them
  # in float32 and clips them into float16's range on the way back.
  if (!is_kerasbridge_object(x) || op_dtype(x) != "float16")
    return(list(op_mean(x, axis = axes, keepdims = keepdims), op_var(x, axis = axes, keepdims = keepdims)))
  wide <- op_cast(x, "float32")
  lapply(list(op_mean(wide, axis = axes, keepdims = keepdims), op_var(wide, axis = axes, keepdims = keepdims)),
         function(m) op_cast(op_clip(m, -65504, 65504), "float16"))
}

#' Slices and padding
#'
#' keras3's `op_slice()` takes the block of `shape` starting at the 1-based `start_indices` (a length of
#' `-1` takes the rest of its axis, as in Keras);
#' `op_slice_update()` returns a copy of `inputs` with `updates` written into the block starting
#' there (the variable or tensor given is not changed). `op_pad()` pads each axis: `pad_width`
#' is one number (every side), a pair `c(before, after)` or `list(before, after)` (every axis, as
#' is a list of one pair), or, per axis, a list of pairs as keras3 takes them
#' (`list(c(1, 0), c(0, 2))`) or of single widths (`list(list(1), list(2))`), or a matrix with
#' one row `c(before, after)` per axis; `mode` is `"constant"` (with `constant_values`, default 0),
#' `"edge"`, `"reflect"`, `"symmetric"`, `"wrap"`, `"maximum"`, `"minimum"`, `"mean"`, `"median"`
#' (each of the whole axis; mean and median rounded for integers), `"linear_ramp"` (from 0 to
#' the edge) or `"empty"` (undefined in NumPy; zeros here), as NumPy's, axis by axis.
#'
#' @param inputs,x A tensor, variable or R array.
#' @param start_indices The 1-based position of the block's first element, one per axis: numbers,
#'   a list of numbers or a tensor.
#' @param shape The block's shape.
#' @param updates The values to write, of the block's shape.
#' @param pad_width The widths to pad.
#' @param mode The padding mode.
#' @param constant_values The value for `"constant"` padding.
#' @return A tensor.
#' @family core ops
#' @examples
#' x <- op_reshape(op_arange(25L), c(5, 5))
#' op_slice(x, c(3, 3), c(2, 2))
#' op_slice_update(op_zeros(c(5, 5)), c(3, 3), op_ones(c(2, 2)))
#' op_pad(matrix(1:4, 2), 1)
#' op_pad(c(1, 2, 3), c(2, 1), mode = "reflect")
#' op_pad(matrix(1:4, 2), list(c(1, 0), c(0, 2)))
#' @name op_slice
NULL

#' @rdname op_slice
#' @export
op_slice <- function(inputs, start_indices, shape)
  .Call(krb_call3, "op_slice", as_array(inputs), start_indices_of(start_indices), shape)

#' @rdname op_slice
#' @export
op_slice_update <- function(inputs, start_indices, updates)
  .Call(krb_call3, "op_slice_update", as_array(inputs), start_indices_of(start_indices), updates)

# keras3's `pad_width` given as a list: of numbers, one (before, after) pair for every axis, as
# Keras's Pad reads a list whose first element is an int; else of pairs or of single widths
# (`list(list(1), list(2))`), one per axis, as the matrix of one row per axis (one row: every axis).
pad_widths_of <- function(pad_width) {
  if (length(pad_width) && all(vapply(pad_width, function(w) is.numeric(w) && length(w) == 1L, TRUE))) return(unlist(pad_width))
  pad_width <- lapply(pad_width, unlist)
  lengths <- lengths(pad_width)
  if (!length(pad_width) || any(lengths != lengths[[1L]]) || !lengths[[1L]] %in% 1:2 || !all(vapply(pad_width, is.numeric, TRUE)))
    raise_bridge_error("value_error", sprintf("`pad_width` must be a list of pairs (before, after) or of single widths, the same for every axis. Received: pad_width=%s", shown(pad_width)))
  do.call(rbind, lapply(pad_width, rep_len, 2L))
}

#' @rdname op_slice
#' @export
op_pad <- function(x, pad_width, mode = "constant", constant_values = NULL) {
  rank <- op_ndim(x)
  # NumPy pads a 0-d array along none of its (no) axes.
  if (rank == 0L) return(tensor_of(x))
  if (is_kerasbridge_object(pad_width)) pad_width <- as.array(pad_width)
  if (!is.numeric(pad_width) && !is.list(pad_width))
    raise_bridge_error("type_error", sprintf("`pad_width` must be whole numbers: one (before, after) pair, or one per axis. Received: pad_width=%s", shown(pad_width, nlines = 1L)))
  if (is.list(pad_width)) pad_width <- pad_widths_of(pad_width)
  # One pair (a vector, or a matrix or list of one row) pads every axis alike, as np.pad broadcasts it.
  widths <- if (is.matrix(pad_width) && nrow(pad_width) != 1L) pad_width else matrix(rep_len(pad_width, 2L), rank, 2L, byrow = TRUE)
  .Call(krb_call4, "op_pad", x, as.vector(widths), mode, constant_values)
}
