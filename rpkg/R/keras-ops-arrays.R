# Keras ops on arrays that keras3 has no op_*() function for, for `keras$ops`: splitting,
# stacking and flipping, unique elements, the reductions that ignore NaN, and percentiles.
# Axes are keras3's (python_op() shifts Python's); positions these ops take or return
# otherwise are Python's, 0-based, converted here.

keras_ops_arrays <- list(
  array_split = function(x, indices_or_sections, axis = 1L) {
    sections <- indices_or_sections
    if (is_kerasbridge_object(sections) || !is.numeric(sections) || length(sections) != 1L || is.na(sections) || sections != trunc(sections))
      raise_bridge_error("type_error", sprintf("Argument `indices_or_sections` must be of type `int`. Received: indices_or_sections=%s", shown(sections)))
    if (sections <= 0)
      raise_bridge_error("value_error", sprintf("Argument `indices_or_sections` must be a positive integer. Received: indices_or_sections=%s", shown(sections)))
    if (!is.numeric(axis) || length(axis) != 1L)
      raise_bridge_error("type_error", sprintf("Argument `axis` must be of type `int`. Received: %s", shown(axis)))
    sections <- r_integers(sections, sections, "indices_or_sections")
    # One tensor per section: a count no memory holds is NumPy's MemoryError, not a hang.
    allocation_check(sections, "float64", copies = 8L)
    x <- tensor_of(x)
    n <- axis_length(x, axis)
    # The first n %% sections pieces one longer, as NumPy's array_split; op_split() takes the
    # 1-based points between them (an array, which a single point must be to not count sections).
    sizes <- n %/% sections + (seq_len(sections) <= n %% sections)
    op_split(x, array(cumsum(sizes)[-sections] + 1L), axis)
  },
  hsplit = function(x, indices_or_sections) {
    x <- tensor_of(x)
    split_python(x, indices_or_sections, if (op_ndim(x) == 1L) 1L else 2L, "hsplit", 1L)
  },
  vsplit = function(x, indices_or_sections) split_python(x, indices_or_sections, 1L, "vsplit", 2L),
  dsplit = function(x, indices_or_sections) split_python(x, indices_or_sections, 3L, "dsplit", 3L),
  dstack = function(xs) {
    # NumPy's atleast_3d: (N) is (1, N, 1), (M, N) is (M, N, 1).
    op_concatenate(lapply(stacked_tensors(xs, "dstack"), function(x) {
      x <- at_least_rank(x, 2L)
      if (op_ndim(x) == 2L) op_expand_dims(x, -1L) else x
    }), axis = 3L)
  },
  column_stack = function(xs) {
    op_concatenate(lapply(stacked_tensors(xs, "column_stack"), function(x) {
      x <- tensor_of(x)
      if (op_ndim(x) == 0L)
        raise_bridge_error("value_error", sprintf("`column_stack` requires tensors of at least 1 dimension. Received tensor with shape %s.", shape_text(x)))
      if (op_ndim(x) == 1L) op_expand_dims(x, -1L) else x
    }), axis = 2L)
  },
  fliplr = function(x) {
    x <- tensor_of(x)
    if (op_ndim(x) < 2L)
      raise_bridge_error("value_error", sprintf("`fliplr` requires input with 2 or more dimensions. Received: x.shape=%s", shape_text(x)))
    op_flip(x, 2L)
  },
  flipud = function(x) {
    x <- tensor_of(x)
    if (op_ndim(x) < 1L)
      raise_bridge_error("value_error", sprintf("`flipud` requires input with 1 or more dimensions. Received: x.shape=%s", shape_text(x)))
    op_flip(x, 1L)
  },
  unique = function(x, sorted = TRUE, return_index = FALSE, return_inverse = FALSE, return_counts = FALSE,
                    axis = NULL, size = NULL, fill_value = NULL) {
    x <- tensor_of(x)
    dims <- as.integer(unlist(op_shape(x)))
    if (!is.null(axis) && (!is.numeric(axis) || length(axis) != 1L))
      raise_bridge_error("type_error", sprintf("`axis` must be one axis or None. Received: axis=%s", shown(axis)))
    along <- if (!is.null(axis)) one_axis(x, axis)
    # The elements compared, as the rows of a matrix: every element, or every slice along the axis.
    rows <- if (is.null(axis)) op_reshape(x, c(prod(dims), 1L))
            else op_reshape(op_moveaxis(x, along, 1L), c(dims[[along]], prod(dims[-along])))
    n <- as.integer(unlist(op_shape(rows)))[[1L]]
    width <- as.integer(unlist(op_shape(rows)))[[2L]]
    # Lexicographic order, as Keras's TensorFlow backend sorts the rows: stable sorts by each
    # column, the last first; the engine compares the values, so that no 64-bit integer is
    # rounded on its way through R.
    order <- seq_len(n)
    if (n > 1L) for (j in rev(seq_len(width))) {
      column <- op_take(op_take(rows, j, axis = 2L), array(order))
      order <- order[as.vector(as.array(op_argsort(column)))]
    }
    # A row starts a new element where it differs from the one before: NaN differs from
    # everything, so that each NaN is its own element, as in TensorFlow's unique.
    starts <- rep(TRUE, n)
    if (n > 1L) {
      in_order <- op_take(rows, array(order), axis = 1L)
      starts[-1L] <- as.vector(as.array(op_any(op_not_equal(op_take(in_order, array(2:n), axis = 1L), op_take(in_order, array(seq_len(n - 1L)), axis = 1L)), axis = 2L)))
    }
    element <- cumsum(starts)
    # The stable sort puts each element's first occurrence first.
    first <- order[starts]
    counts <- tabulate(element, length(first))
    inverse <- integer(n)
    inverse[order] <- element
    if (!flag(sorted, "sorted")) {
      # In the order of first occurrence, as TensorFlow's unique finds them.
      by_first <- order(first)
      first <- first[by_first]
      counts <- counts[by_first]
      inverse <- match(inverse, by_first)
    }
    index <- first - 1L
    values <- op_take(rows, array(first), axis = 1L)
    if (!is.null(size)) {
      size <- whole_number(size, "size")
      if (size < 0L) raise_bridge_error("value_error", sprintf("`size` must be a non-negative integer. Received: size=%s", shown(size)))
      kept <- seq_len(min(length(first), size))
      padding <- size - length(kept)
      # Keras pads the values with fill_value (0 if None), the first indices with 1 and the
      # counts with 0.
      values <- op_concatenate(list(op_take(values, array(kept), axis = 1L),
                                    op_full(c(padding, width), if (is.null(fill_value)) 0 else fill_value, op_dtype(x))), axis = 1L)
      index <- c(index[kept], rep(1L, padding))
      counts <- c(counts[kept], integer(padding))
    }
    values <- if (is.null(axis)) op_reshape(values, -1L)
              else op_moveaxis(op_reshape(values, c(length(index), dims[-along])), 1L, along)
    int32 <- function(v, shape = length(v)) op_reshape(op_array(array(as.integer(v)), "int32"), shape)
    results <- c(list(values),
                 if (flag(return_index, "return_index")) list(int32(index)),
                 if (flag(return_inverse, "return_inverse")) list(int32(inverse - 1L, if (is.null(axis)) dims else n)),
                 if (flag(return_counts, "return_counts")) list(int32(counts)))
    if (length(results) == 1L) values else results
  },
  nanargmax = function(x, axis = NULL, keepdims = FALSE) nan_arg_extremum(op_argmax, -Inf, x, axis, keepdims),
  nanargmin = function(x, axis = NULL, keepdims = FALSE) nan_arg_extremum(op_argmin, Inf, x, axis, keepdims),
  nancumprod = function(x, axis = NULL, dtype = NULL) op_cumprod(nan_replaced(x, 1), axis, dtype),
  nancumsum = function(x, axis = NULL, dtype = NULL) op_cumsum(nan_replaced(x, 0), axis, dtype),
  nanmax = function(x, axis = NULL, keepdims = FALSE) nan_extremum(op_max, -Inf, x, axis, keepdims),
  nanmean = function(x, axis = NULL, keepdims = FALSE) nan_mean(x, axis, keepdims),
  nanmedian = function(x, axis = NULL, keepdims = FALSE) {
    # Keras returns x itself for no axes, as nanmean does.
    if (python_empty_axes(axis)) return(tensor_of(x))
    nan_quantiles(x, 0.5, axis, "median", keepdims, "nanmedian")
  },
  nanmin = function(x, axis = NULL, keepdims = FALSE) nan_extremum(op_min, Inf, x, axis, keepdims),
  nanprod = function(x, axis = NULL, keepdims = FALSE) op_prod(nan_replaced(x, 1), axis, keepdims),
  nanstd = function(x, axis = NULL, keepdims = FALSE) op_sqrt(nan_variance(x, axis, keepdims)),
  nansum = function(x, axis = NULL, keepdims = FALSE) op_sum(nan_replaced(x, 0), axis, keepdims),
  nanvar = function(x, axis = NULL, keepdims = FALSE) nan_variance(x, axis, keepdims),
  percentile = function(x, q, axis = NULL, method = "linear", keepdims = FALSE)
    op_quantile(x, percentile_fractions(q), axis, method, keepdims),
  nanpercentile = function(x, q, axis = NULL, method = "linear", keepdims = FALSE)
    nan_quantiles(x, percentile_fractions(q), axis, method, keepdims, "nanpercentile"),
  nanquantile = function(x, q, axis = NULL, method = "linear", keepdims = FALSE)
    nan_quantiles(x, q, axis, method, keepdims, "nanquantile")
)

# hsplit(), vsplit() and dsplit(): op_split() along `axis` of a tensor of at least `rank` axes
# (python_op() makes their split points 1-based, as split()'s).
split_python <- function(x, indices_or_sections, axis, name, rank) {
  x <- tensor_of(x)
  if (op_ndim(x) < rank)
    raise_bridge_error("value_error", sprintf("`%s` only works on arrays of at least %d dimension%s. Received array with shape %s.",
                                              name, rank, if (rank > 1L) "s" else "", shape_text(x)))
  op_split(x, indices_or_sections, axis)
}

# The tensors dstack() and column_stack() join: a list (R vectors as 1-D arrays, as
# op_hstack() takes them), at least one.
stacked_tensors <- function(xs, name) {
  xs <- stacked_list(xs)
  if (!length(xs))
    raise_bridge_error("value_error", sprintf("`%s` requires at least one tensor, but received an empty sequence.", name))
  xs
}

# Python's axis=() (an empty list or vector here), which reduces nothing.
python_empty_axes <- function(axis) (is.numeric(axis) || is.list(axis) && is.null(oldClass(axis))) && length(axis) == 0L

# Keras's NaN-ignoring ops act on floats (float16, bfloat16, float32, float64) only: other
# dtypes hold no NaN.
may_hold_nan <- function(x) grepl("float", op_dtype(x))

# x with its NaNs replaced by `value` and its infinities kept (other dtypes as they are).
nan_replaced <- function(x, value) op_nan_to_num(x, nan = value, posinf = Inf, neginf = -Inf)

# nanmax() and nanmin(): the extremum of the values that are not NaN, NaN where all are.
nan_extremum <- function(extremum, fill, x, axis, keepdims) {
  x <- tensor_of(x)
  if (!may_hold_nan(x)) return(extremum(x, axis = axis, keepdims = keepdims))
  op_where(op_all(op_isnan(x), axis = axis, keepdims = keepdims), NaN, extremum(nan_replaced(x, fill), axis = axis, keepdims = keepdims))
}

# nanargmax() and nanargmin(): 0-based positions, -1 where all are NaN (NumPy raises there).
nan_arg_extremum <- function(arg_extremum, fill, x, axis, keepdims) {
  x <- tensor_of(x)
  if (!may_hold_nan(x)) return(arg_extremum(x, axis = axis, keepdims = keepdims, zero_indexed = TRUE))
  positions <- arg_extremum(nan_replaced(x, fill), axis = axis, keepdims = keepdims, zero_indexed = TRUE)
  op_where(op_all(op_isnan(x), axis = axis, keepdims = keepdims), -1L, positions)
}

# Keras's nanmean: integers and bools as float32 (not floatx), floats keep their dtype; NaN
# where no value is left; x itself for no axes.
nan_mean <- function(x, axis, keepdims) {
  x <- tensor_of(x)
  if (python_empty_axes(axis)) return(x)
  if (!may_hold_nan(x)) return(op_mean(op_cast(x, "float32"), axis, keepdims))
  op_divide(op_sum(nan_replaced(x, 0), axis, keepdims), op_sum(op_cast(op_logical_not(op_isnan(x)), op_dtype(x)), axis, keepdims))
}

# The population variance of the values that are not NaN, in a float dtype (integers in
# floatx); complex dtypes are refused, as TensorFlow's isnan refuses them.
nan_variance <- function(x, axis, keepdims) {
  x <- float_tensor(x, "nanvar")
  valid <- op_logical_not(op_isnan(x))
  centered <- op_where(valid, op_subtract(x, nan_mean(x, axis, keepdims = TRUE)), 0)
  op_divide(op_sum(op_square(centered), axis, keepdims), op_sum(op_cast(valid, op_dtype(x)), axis, keepdims))
}

# Percentiles as the quantiles Keras takes them for: in floatx, divided by 100.
percentile_fractions <- function(q) {
  values <- if (is_kerasbridge_object(q)) as.array(q) else q
  if (!is.numeric(values) || anyNA(values) || any(values < 0 | values > 100))
    raise_bridge_error("value_error", sprintf("Percentiles must be in the range [0, 100]. Received: q=%s", shown(q, nlines = 1L)))
  op_divide(op_cast(q, config_floatx()), 100)
}

# NumPy's nanquantile (`q`, `method` as op_quantile() takes them, or "median"): each line of the elements
# reduced gets the quantiles of its values that are not NaN, NaN where it has none. With the
# NaNs sorted to the end of each line, the lines holding k values are op_quantile()'s of their
# first k; a line with none, of one NaN.
nan_quantiles <- function(x, q, axis, method, keepdims, name) {
  x <- float_tensor(x, name)
  dims <- as.integer(unlist(op_shape(x)))
  rank <- length(dims)
  reduced <- if (is.null(axis)) seq_len(rank) else one_axis(x, axis)
  kept <- setdiff(seq_len(rank), reduced)
  lines <- op_reshape(if (rank) op_transpose(x, c(kept, reduced)) else x, c(prod(dims[kept]), prod(dims[reduced])))
  counts <- as.vector(as.array(op_sum(op_logical_not(op_isnan(lines)), axis = 2L)))
  # A NaN after each line's values: the one a line with none (or an empty line) reduces.
  padded <- op_concatenate(list(op_sort(lines, axis = 2L), op_full(c(length(counts), 1L), NaN, op_dtype(x))), axis = 2L)
  groups <- if (length(counts)) sort(unique(counts)) else 0L
  parts <- lapply(groups, function(k) {
    block <- op_take(op_take(padded, array(which(counts == k)), axis = 1L), array(seq_len(max(k, 1L))), axis = 2L)
    # NumPy's median (the middle value, or the mean of the middle two), not its quantile's
    # interpolation: an infinite neighbour at weight 0 would make NaN of it.
    if (identical(method, "median")) op_median(block, axis = 2L) else op_quantile(block, q, axis = 2L, method = method)
  })
  # The quantiles (q's axes first) of the lines grouped by count, put back in the lines' order.
  grouped <- unlist(lapply(groups, function(k) which(counts == k)))
  result <- op_take(op_concatenate(parts, axis = -1L), array(order(grouped)), axis = -1L)
  q_shape <- as.integer(unlist(op_shape(result)))[-op_ndim(result)]
  op_reshape(result, c(q_shape, if (flag(keepdims, "keepdims")) ifelse(seq_len(rank) %in% reduced, 1L, dims) else dims[kept]))
}
