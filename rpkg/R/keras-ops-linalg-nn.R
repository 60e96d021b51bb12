# Keras ops that keras3 has no op_*() function for: linear algebra (matrix powers, ranks,
# pseudo-inverses, inverses from Cholesky factors, pairwise distances), segment minima and
# products, the rearrangements of nn (depth to space and back, im2col and col2im), adaptive
# pooling and the regularized incomplete gamma function, to keras3's conventions (1-based
# segment ids) for keras$ops, as Keras computes them on its TensorFlow backend.

# Identity matrices of x's shape (square matrices in the last two axes) and dtype.
identities_like <- function(x)
  op_broadcast_to(op_eye(tail(as.integer(op_shape(x)), 1L), dtype = op_dtype(x)), op_shape(x))

# TensorFlow's default cut-off for small singular values scales with the machine epsilon of
# the input's (real) dtype, not of the float64 the SVD is computed in.
dtype_epsilon <- function(x) float_epsilon(real_dtype(op_dtype(x)))

# Segment ids (keras3's 1-based) checked as every segment op checks them, and the number of
# segments: the package's segment sum of zeros of data's shape does both.
segment_ids_and_count <- function(data, segment_ids, num_segments) {
  checked <- segment_reduction(op_zeros_like(tensor_of(data)), segment_ids, num_segments, maximum = FALSE)
  list(ids = c(r_indices(segment_ids)), count = as.integer(op_shape(checked))[[1L]])
}

# The segment products of the rows of `data`, in its dtype (integers wrap, as TensorFlow's):
# rows sorted by segment are multiplied in pairs within each segment, halving the rows of every
# segment at each step; empty segments are 1.
segment_products <- function(data, segment_ids, num_segments) {
  data <- tensor_of(data)
  segments <- segment_ids_and_count(data, segment_ids, num_segments)
  # Negative ids leave their rows out, as TensorFlow's unsorted segment ops do.
  rows <- which(segments$ids >= 0)
  rows <- rows[order(segments$ids[rows])]
  ids <- segments$ids[rows]
  one <- op_ones(c(1L, as.integer(op_shape(data))[-1L]), dtype = op_dtype(data))
  # The row of ones after the rest stands for a missing partner, and for an empty segment.
  with_one <- function(x) op_concatenate(list(x, one), axis = 1L)
  x <- op_take(data, array(rows), axis = 1L)
  while (anyDuplicated(ids)) {
    n <- length(ids)
    rank <- sequence(rle(ids)$lengths)
    left <- which(rank %% 2L == 1L)
    right <- left + 1L
    right[right > n | ids[pmin(right, n)] != ids[left]] <- n + 1L
    x <- with_one(x)
    x <- op_multiply(op_take(x, array(left), axis = 1L), op_take(x, array(right), axis = 1L))
    ids <- ids[left]
  }
  place <- match(seq_len(segments$count) - 1L, ids)
  place[is.na(place)] <- length(ids) + 1L
  op_take(with_one(x), array(place), axis = 1L)
}

# An order-reversing bijection of x's values, so that a maximum of the reversed values is the
# reversed minimum: negation for floats, bitwise inversion (which never overflows, and maps an
# integer dtype's least value to its largest) for integers and bools.
reversed_order <- function(x) {
  x <- tensor_of(x)
  if (is_float_dtype(op_dtype(x))) op_negative(x) else op_bitwise_invert(x)
}

# Keras's 4-D check of the nn rearrangements.
four_d <- function(x, message) {
  x <- tensor_of(x)
  if (op_ndim(x) != 4L) raise_bridge_error("value_error", sprintf(message, shape_text(x)))
  x
}

block_size_of <- function(block_size) {
  block_size <- whole_number(block_size, "block_size")
  # Its square counts channels, an R integer.
  if (block_size < 2L || block_size > 46340L)
    raise_bridge_error("value_error", sprintf("`block_size` must be at least 2 and its square a number of channels. Received: block_size=%d", block_size))
  block_size
}

# unfold() and fold()'s padding: one whole number for both spatial axes, or one per axis, at
# least 0 (the other window arguments are positive: spatial_values()).
padding_pair <- function(padding) {
  values <- whole_values(padding, "padding")
  if (length(values) == 1L) values <- rep(values, 2L)
  if (length(values) != 2L || any(values < 0) || any(values > .Machine$integer.max))
    raise_bridge_error("value_error", sprintf("`padding` must be one whole number of at least 0 or 2 of them. Received: padding=%s", shown(c(padding))))
  as.integer(values)
}

# The number of sliding blocks along a padded axis, as PyTorch and Keras count them.
block_count <- function(length, kernel, dilation, padding, stride)
  (length + 2 * padding - dilation * (kernel - 1) - 1) %/% stride + 1

# Adaptive pooling (PyTorch's bins: output position i pools input positions
# floor(i * n / out) to ceiling((i + 1) * n / out) - 1 of an axis of length n), one spatial axis
# at a time. The bins are gathered as a matrix of positions padded to the widest bin: with a
# bin's own last position for the maximum, with a slice of zeros appended for the mean.
adaptive_pool <- function(inputs, output_size, data_format, average, name) {
  x <- tensor_of(inputs)
  count <- op_ndim(x) - 2L
  if (!count %in% 1:3) raise_bridge_error("value_error", sprintf("%s supports 1D, 2D, or 3D inputs only.", name))
  sizes <- spatial_values(output_size, count, "output_size")
  # R builds a matrix of positions per spatial axis, out by the widest bin.
  allocation_check(c(max(sizes), 2L), "float64", copies = 8L)
  input <- channels_last(if (average) floating(x) else x, data_format)
  x <- input$x
  for (j in seq_len(count)) {
    axis <- j + 1L
    n <- as.integer(op_shape(x))[[axis]]
    if (n < 1L)
      raise_bridge_error("value_error", sprintf("Input spatial dimensions must be positive for adaptive pooling. Received: inputs.shape=%s", shape_text(inputs)))
    out <- sizes[[j]]
    i <- seq_len(out) - 1
    starts <- (i * n) %/% out
    ends <- -((-(i + 1) * n) %/% out)
    widths <- ends - starts
    # One row of (1-based) positions per bin, the narrower ones filled out.
    offsets <- outer(starts, seq_len(max(widths)) - 1, `+`)
    positions <- ifelse(offsets < ends, offsets + 1, if (average) n + 1 else ends)
    if (average) {
      zeros_after <- rep(list(c(0L, 0L)), op_ndim(x))
      zeros_after[[axis]] <- c(0L, 1L)
      taken <- op_take(op_pad(x, zeros_after), positions, axis = axis)
      shape <- rep(1L, op_ndim(x))
      shape[[axis]] <- out
      x <- op_divide(op_sum(taken, axis = axis + 1L), op_reshape(op_array(widths, op_dtype(x)), shape))
    } else {
      x <- op_max(op_take(x, positions, axis = axis), axis = axis + 1L)
    }
  }
  restore_format(x, input$first)
}

# Eigen's igamma (TensorFlow's): 0 where x is 0, NaN for x < 0 or a <= 0 and for NaN.
regularized_gamma <- function(a, x) {
  p <- suppressWarnings(stats::pgamma(x, shape = a))
  p[is.na(a) | is.na(x) | x < 0 | a <= 0] <- NaN
  p[!is.na(x) & x == 0] <- 0
  p
}

keras_ops_linalg_nn <- list(
  matrix_power = function(x, n) {
    if (!is.numeric(n) || length(n) != 1L || is.na(n) || n != trunc(n))
      raise_bridge_error("type_error", sprintf("n must be an integer. Received: n=%s", shown(n)))
    n <- whole_number(n, "n")
    x <- check_matrices(tensor_of(x), square = TRUE)
    if (n == 0L) return(identities_like(x))
    if (n < 0L) x <- op_inv(x)
    n <- abs(n)
    if (n == 1L) return(x)
    # Repeated squaring, multiplied in as TensorFlow's backend does.
    result <- identities_like(x)
    while (n > 0L) {
      if (n %% 2L == 1L) result <- op_matmul(result, x)
      n <- n %/% 2L
      if (n > 0L) x <- op_matmul(x, x)
    }
    result
  },

  matrix_rank = function(x, tol = NULL) {
    x <- matrices_of(x)
    s <- op_svd(x, compute_uv = FALSE)
    dims <- tail(as.integer(op_shape(x)), 2L)
    if (min(dims) == 0L) return(op_zeros(head(as.integer(op_shape(x)), -2L), dtype = "int32"))
    if (is.null(tol)) tol <- op_max(s, axis = -1L, keepdims = TRUE) * (dtype_epsilon(x) * max(dims))
    else if (!is_kerasbridge_object(tol)) tol <- one_number(tol, "tol")
    op_sum(op_cast(op_greater(s, tol), "int32"), axis = -1L)
  },

  pinv = function(x, rcond = NULL) {
    x <- matrices_of(x)
    dims <- tail(as.integer(op_shape(x)), 2L)
    rcond <- if (is.null(rcond)) 10 * max(dims) * dtype_epsilon(x) else one_number(rcond, "rcond")
    inverses <- per_matrix(list(as.array(x)), function(m) {
      a <- m[[1L]]
      if (!length(a)) return(list(matrix(0, ncol(a), nrow(a))))
      d <- svd(a)
      # Singular values at most rcond times the largest count as zero, as TensorFlow's pinv.
      inverse <- ifelse(d$d > rcond * max(d$d), 1 / d$d, 0)
      list(d$v %*% (inverse * t(Conj(d$u))))
    })[[1L]]
    op_array(inverses, op_dtype(x))
  },

  cholesky_inverse = function(x, upper = FALSE) {
    upper <- flag(upper, "upper")
    x <- matrices_of(x, square = TRUE)
    # The inverse of the factor, then its product with its transpose: (L L^T)^-1 = L^-T L^-1.
    inverse <- tryCatch(op_solve_triangular(x, identities_like(x), lower = !upper), value_error = function(e)
      raise_bridge_error("value_error", paste("Cholesky inverse failed:", conditionMessage(e))))
    transposed <- op_swapaxes(inverse, -1L, -2L)
    if (upper) op_matmul(inverse, transposed) else op_matmul(transposed, inverse)
  },

  cdist = function(x, y) {
    x <- tensor_of(x)
    y <- tensor_of(y)
    dtype <- float_dtype(promoted_dtype(op_dtype(x), op_dtype(y)))
    if (op_ndim(x) < 2L || op_ndim(y) < 2L) raise_bridge_error("value_error", "`cdist` inputs must have rank >= 2")
    if (tail(as.integer(op_shape(x)), 1L) != tail(as.integer(op_shape(y)), 1L))
      raise_bridge_error("value_error", "Last dimension of inputs to `cdist` must match")
    difference <- op_subtract(op_expand_dims(op_cast(x, dtype), -2L), op_expand_dims(op_cast(y, dtype), -3L))
    op_sqrt(op_sum(op_square(difference), axis = -1L))
  },

  segment_min = function(data, segment_ids, num_segments = NULL, sorted = FALSE) {
    flag(sorted, "sorted")
    reversed_order(segment_reduction(reversed_order(data), segment_ids, num_segments, maximum = TRUE))
  },

  segment_prod = function(data, segment_ids, num_segments = NULL, sorted = FALSE) {
    flag(sorted, "sorted")
    segment_products(data, segment_ids, num_segments)
  },

  depth_to_space = function(x, block_size, data_format = "channels_last") {
    r <- block_size_of(block_size)
    input <- channels_last(four_d(x, "`depth_to_space` requires a 4D input tensor. Received: x.shape=%s"), data_format)
    d <- as.integer(op_shape(input$x))
    if (d[[4L]] %% (r * r) != 0L)
      raise_bridge_error("value_error", sprintf("The number of channels (%d) must be divisible by block_size**2 (%d).", d[[4L]], r * r))
    # TensorFlow's order: channel (i * r + j) * C' + c goes to row offset i, column offset j.
    blocks <- op_reshape(input$x, c(d[[1L]], d[[2L]], d[[3L]], r, r, d[[4L]] %/% (r * r)))
    out <- op_reshape(op_transpose(blocks, c(1L, 2L, 4L, 3L, 5L, 6L)), c(d[[1L]], d[[2L]] * r, d[[3L]] * r, d[[4L]] %/% (r * r)))
    restore_format(out, input$first)
  },

  space_to_depth = function(x, block_size, data_format = "channels_last") {
    r <- block_size_of(block_size)
    input <- channels_last(four_d(x, "`space_to_depth` requires a 4D input tensor. Received: x.shape=%s"), data_format)
    d <- as.integer(op_shape(input$x))
    if (d[[2L]] %% r != 0L) raise_bridge_error("value_error", sprintf("Height (%d) must be divisible by block_size (%d).", d[[2L]], r))
    if (d[[3L]] %% r != 0L) raise_bridge_error("value_error", sprintf("Width (%d) must be divisible by block_size (%d).", d[[3L]], r))
    blocks <- op_reshape(input$x, c(d[[1L]], d[[2L]] %/% r, r, d[[3L]] %/% r, r, d[[4L]]))
    out <- op_reshape(op_transpose(blocks, c(1L, 2L, 4L, 3L, 5L, 6L)), c(d[[1L]], d[[2L]] %/% r, d[[3L]] %/% r, r * r * d[[4L]]))
    restore_format(out, input$first)
  },

  unfold = function(x, kernel_size, dilation = 1L, padding = 0L, stride = 1L) {
    x <- four_d(x, "Input must be a 4D tensor. Received: input.shape=%s")
    k <- spatial_values(kernel_size, 2L, "kernel_size")
    d <- spatial_values(dilation, 2L, "dilation")
    p <- padding_pair(padding)
    s <- spatial_values(stride, 2L, "stride")
    dims <- as.integer(op_shape(x))
    blocks <- block_count(dims[3:4], k, d, p, s)
    # No block fits: none taken, as TensorFlow's extract_patches gives none.
    if (any(blocks < 1)) return(op_zeros(c(dims[[1L]], dims[[2L]] * prod(k), 0L), op_dtype(x)))
    padded <- op_pad(x, list(c(0L, 0L), c(0L, 0L), rep(p[[1L]], 2L), rep(p[[2L]], 2L)))
    # Positions of kernel row i at block row h (a matrix), then the same for columns:
    # (N, C, kH, nH, kW, nW).
    rows <- outer((seq_len(k[[1L]]) - 1) * d[[1L]], (seq_len(blocks[[1L]]) - 1) * s[[1L]], `+`) + 1
    columns <- outer((seq_len(k[[2L]]) - 1) * d[[2L]], (seq_len(blocks[[2L]]) - 1) * s[[2L]], `+`) + 1
    patches <- op_take(op_take(padded, rows, axis = 3L), columns, axis = 5L)
    op_reshape(op_transpose(patches, c(1L, 2L, 3L, 5L, 4L, 6L)), c(dims[[1L]], dims[[2L]] * prod(k), prod(blocks)))
  },

  fold = function(x, output_size, kernel_size, dilation = 1L, padding = 0L, stride = 1L) {
    x <- tensor_of(x)
    if (op_ndim(x) != 3L) raise_bridge_error("value_error", sprintf("Input must be a 3D tensor. Received: input.shape=%s", shape_text(x)))
    o <- spatial_values(output_size, 2L, "output_size")
    k <- spatial_values(kernel_size, 2L, "kernel_size")
    d <- spatial_values(dilation, 2L, "dilation")
    p <- padding_pair(padding)
    s <- spatial_values(stride, 2L, "stride")
    dims <- as.integer(op_shape(x))
    if (dims[[2L]] %% prod(k) != 0L)
      raise_bridge_error("value_error", sprintf("The second dimension of the input (%d) must be divisible by kernel_size product (%s).", dims[[2L]], format(prod(k))))
    blocks <- block_count(o, k, d, p, s)
    if (any(blocks < 1) || dims[[3L]] != prod(blocks))
      raise_bridge_error("value_error", sprintf("Expected the input's last dimension to be the number of sliding blocks (%s) of output_size=%s, kernel_size=%s, dilation=%s, padding=%s and stride=%s. Received: input.shape=%s",
                                                format(max(prod(blocks), 0)), tuple_text(o), tuple_text(k), tuple_text(d), tuple_text(p), tuple_text(s), shape_text(x)))
    channels <- dims[[2L]] %/% prod(k)
    # One value per kernel position and block, ahead of the batch and channel axes, summed into
    # the padded output where they land (blocks overlap), as TensorFlow's scatter-add.
    values <- op_reshape(op_transpose(op_reshape(x, c(dims[[1L]], channels, k, blocks)), c(3L, 4L, 5L, 6L, 1L, 2L)),
                         c(prod(k) * prod(blocks), dims[[1L]], channels))
    # expand.grid() varies its first argument fastest: the reverse of the values' row-major order.
    at <- expand.grid(w = seq_len(blocks[[2L]]) - 1, h = seq_len(blocks[[1L]]) - 1, j = seq_len(k[[2L]]) - 1, i = seq_len(k[[1L]]) - 1)
    places <- cbind(at$h * s[[1L]] + at$i * d[[1L]] + 1, at$w * s[[2L]] + at$j * d[[2L]] + 1)
    summed <- op_scatter(places, values, c(o + 2L * p, dims[[1L]], channels))
    cropped <- op_take(op_take(summed, array(p[[1L]] + seq_len(o[[1L]])), axis = 1L), array(p[[2L]] + seq_len(o[[2L]])), axis = 2L)
    op_transpose(cropped, c(3L, 4L, 1L, 2L))
  },

  adaptive_average_pool = function(inputs, output_size, data_format = NULL)
    adaptive_pool(inputs, output_size, data_format, average = TRUE, "adaptive_average_pool"),

  adaptive_max_pool = function(inputs, output_size, data_format = NULL)
    adaptive_pool(inputs, output_size, data_format, average = FALSE, "adaptive_max_pool"),

  gammainc = function(x1, x2) {
    x1 <- tensor_of(x1)
    x2 <- tensor_of(x2)
    for (x in list(x1, x2)) refuse_complex(x, "gammainc")
    dtype <- float_dtype(promoted_dtype(op_dtype(x1), op_dtype(x2)))
    shape <- op_shape(op_add(op_zeros_like(x1, dtype = "float64"), op_zeros_like(x2, dtype = "float64")))
    a <- as.array(op_cast(op_broadcast_to(x1, shape), "float64"))
    x <- as.array(op_cast(op_broadcast_to(x2, shape), "float64"))
    op_reshape(op_array(array(regularized_gamma(a, x)), dtype), shape)
  }
)
