#' @include ops-counting.R
NULL

# Convolutions and pooling as sums (or maxima) over the window's offsets: for each offset, the
# input's elements it meets at every output position are gathered along each spatial axis, and
# combined with the engine's matrix products and elementwise ops.

# keras3's per-axis arguments (a number for every axis, or one per axis), as whole numbers.
spatial_values <- function(value, count, name) {
  values <- whole_values(value, name)
  if (length(values) == 1L) values <- rep(values, count)
  if (length(values) != count || any(values < 1) || any(values > .Machine$integer.max))
    raise_bridge_error("value_error", sprintf("`%s` must be one positive whole number or %d of them. Received: %s=%s", name, count, name, shown(c(value))))
  as.integer(values)
}

# keras3's padding, "valid" or "same" in any case, in lower case. Matched as bytes, and shown
# escaped: a string that is not valid UTF-8 is refused as any other (tolower() would fail on it,
# and grepl() on a message holding it).
padding_mode <- function(padding) {
  if (!is.character(padding) || length(padding) != 1L || !grepl("^(valid|same)$", padding, ignore.case = TRUE, useBytes = TRUE))
    raise_bridge_error("value_error", sprintf("Invalid padding, must be 'same' or 'valid'. Received: padding=%s", shown(padding, nlines = 1L)))
  tolower(padding)
}

# Whether `data_format` (NULL: config_image_data_format()) puts channels first.
channels_first <- function(data_format)
  .Call(krb_call1, "standardize_data_format", data_format) == "channels_first"

# Inputs in channels-last order, whichever `data_format` they came in.
channels_last <- function(inputs, data_format) {
  first <- channels_first(data_format)
  x <- tensor_of(inputs)
  if (op_ndim(x) < 3L)
    raise_bridge_error("value_error", sprintf("Inputs must have a batch axis, at least one spatial axis and a channel axis. Received: inputs.shape=%s", shape_text(x)))
  list(x = if (first) op_moveaxis(x, 2L, -1L) else x, first = first)
}

# Back to the caller's order.
restore_format <- function(x, first) if (first) op_moveaxis(x, -1L, 2L) else x

# The windows of a convolution or pooling over the spatial axes of `x` (channels last): the
# padding (XLA's "same": the output has ceil(n / stride) positions) and, for each offset (tap)
# of the window, the positions of `x` it meets, as gathering indices per axis.
#
# Only the taps from `first` to `last` of each axis meet the input at some output position;
# the others read padding alone, which adds nothing to a sum or a maximum. Those are left out
# with the padding only they would read, so a window far wider or more dilated than the input
# costs what meets the input: a dilation of 1e9 padded a billion zeros for a 10-element result.
window_plan <- function(x, size, strides, dilation, padding, pooling = FALSE) {
  padding <- padding_mode(padding)
  dims <- as.integer(op_shape(x))
  # In doubles: a dilation near .Machine$integer.max spans more than an R integer holds.
  spatial <- as.numeric(dims[-c(1L, length(dims))])
  size <- as.numeric(size)
  strides <- as.numeric(strides)
  dilation <- as.numeric(dilation)
  extent <- (size - 1) * dilation + 1
  if (padding == "same") {
    out <- -(-spatial %/% strides)
    low <- pmax((out - 1) * strides + extent - spatial, 0) %/% 2
  } else {
    out <- pmax((spatial - extent) %/% strides + 1, 0)
    low <- rep(0, length(spatial))
  }
  if (any(out < 1) && prod(dims) > 0) {
    if (pooling)
      raise_bridge_error("value_error", sprintf("Computed output size would be zero or negative. Received: `inputs.shape=%s`, `pool_size=%s`, `strides=%s`, `padding=%s`.",
                                                shape_text(x), tuple_text(size), tuple_text(strides), padding))
    raise_bridge_error("value_error", sprintf("The convolution operation resulted in an empty output. Received: inputs.shape=%s with windows of %s",
                                              shape_text(x), paste(extent, collapse = "x")))
  }
  plan <- list(spatial = spatial, out = out, size = size, strides = strides, dilation = dilation)
  if (any(out < 1) || any(spatial < 1)) {
    # No output position, or no input: one tap, unpadded, gives the empty result its shape.
    zero <- rep(0, length(spatial))
    return(c(plan, list(first = zero, last = zero, low = zero, high = zero, origin = zero)))
  }
  first <- pmax(0, ceiling((low - strides * (out - 1)) / dilation))
  last <- pmin(size - 1, floor((low + spatial - 1) / dilation))
  # Where tap `first` reads at the first output position, in the input's coordinates.
  start <- first * dilation - low
  c(plan, list(first = first, last = last, low = pmax(0, -start), origin = pmax(0, start),
               high = pmax(0, (out - 1) * strides + last * dilation - low - (spatial - 1))))
}

# Whether some axis has no tap that meets the input (a convolution's result is then all zeros).
window_misses_input <- function(plan) any(plan$first > plan$last)

# Every offset of the taps that meet the input, one row each, the first axis fastest; with
# `all`, every offset of the window.
window_offsets <- function(plan, all = FALSE) {
  taps <- if (all) lapply(plan$size, function(k) seq_len(k) - 1)
          else Map(function(a, b) if (a <= b) seq.int(a, b) else numeric(), plan$first, plan$last)
  as.matrix(expand.grid(taps))
}

# The elements of `padded` (x padded as planned) that window offset `offset` meets; NULL for an
# offset that meets only padding.
window_patch <- function(padded, plan, offset) {
  if (any(offset < plan$first | offset > plan$last)) return(NULL)
  patch <- padded
  for (j in seq_along(plan$spatial))
    patch <- op_take(patch, as.array(plan$origin[[j]] + (offset[[j]] - plan$first[[j]]) * plan$dilation[[j]] +
                                       plan$strides[[j]] * (seq_len(plan$out[[j]]) - 1) + 1), axis = j + 1L)
  patch
}

padded_input <- function(x, plan, value) {
  widths <- c(list(c(0L, 0L)), Map(c, plan$low, plan$high), list(c(0L, 0L)))
  if (all(unlist(widths) == 0L)) x else op_pad(x, widths, constant_values = value)
}

#' Pooling
#'
#' keras3's `op_max_pool()` and `op_average_pool()`: the maximum or the mean of each window of
#' `pool_size` over the spatial axes of `inputs` (`(batch, spatial..., channels)`, or channels
#' first with `data_format = "channels_first"`), moving by `strides` (default: `pool_size`).
#' With `padding = "same"` the output has `ceiling(n / stride)` positions per axis and the
#' average counts only the input's own elements, as Keras does.
#'
#' @param inputs A tensor of rank 3 or more.
#' @param pool_size The window size: one whole number, or one per spatial axis.
#' @param strides `NULL`, or the step: one whole number or one per spatial axis.
#' @param padding `"valid"` or `"same"`.
#' @param data_format `"channels_last"` or `"channels_first"`; `NULL` is
#'   [config_image_data_format()] (`"channels_last"` unless set).
#' @return A tensor.
#' @family nn ops
#' @examples
#' x <- op_reshape(op_arange(16, dtype = "float32"), c(1, 4, 4, 1))
#' op_max_pool(x, 2)@r[1, , , 1]
#' op_average_pool(x, 3, strides = 1, padding = "same")@r[1, , , 1]
#' @name op_max_pool
NULL

pool <- function(inputs, pool_size, strides, padding, data_format, average) {
  input <- channels_last(inputs, data_format)
  x <- input$x
  count <- op_ndim(x) - 2L
  size <- spatial_values(pool_size, count, "pool_size")
  step <- if (is.null(strides)) size else spatial_values(strides, count, "strides")
  plan <- window_plan(x, size, step, rep(1L, count), padding, pooling = TRUE)
  padded <- padded_input(x, plan, if (average) 0 else least_value(op_dtype(x)))
  combine <- if (average) `+` else op_maximum
  offsets <- window_offsets(plan)
  result <- NULL
  for (i in seq_len(nrow(offsets))) {
    patch <- window_patch(padded, plan, offsets[i, ])
    result <- if (is.null(result)) patch else combine(result, patch)
  }
  if (average) {
    # How many of each window's elements are the input's own (all, without padding).
    ones <- op_ones(c(1L, plan$spatial, 1L), dtype = op_dtype(x))
    counts <- NULL
    padded_ones <- padded_input(ones, plan, 0)
    for (i in seq_len(nrow(offsets))) {
      patch <- window_patch(padded_ones, plan, offsets[i, ])
      counts <- if (is.null(counts)) patch else counts + patch
    }
    result <- result / counts
  }
  restore_format(result, input$first)
}

#' @rdname op_max_pool
#' @export
op_max_pool <- function(inputs, pool_size, strides = NULL, padding = "valid", data_format = NULL)
  pool(inputs, pool_size, strides, padding, data_format, average = FALSE)

#' @rdname op_max_pool
#' @export
op_average_pool <- function(inputs, pool_size, strides = NULL, padding = "valid", data_format = NULL)
  pool(inputs, pool_size, strides, padding, data_format, average = TRUE)

#' Convolutions
#'
#' keras3's convolutions over the spatial axes of `inputs` (`(batch, spatial..., channels)`, or
#' channels first), as Keras computes them (a cross-correlation, the kernel not flipped):
#'
#' - `op_conv()`: `kernel` of shape `(spatial..., in_channels, out_channels)`; when the input has
#'   a multiple of `in_channels` channels, they form that many groups, each with its share of the
#'   output channels.
#' - `op_depthwise_conv()`: `kernel` of shape `(spatial..., channels, multiplier)`, each channel
#'   convolved on its own into `multiplier` output channels (channel-major).
#' - `op_separable_conv()`: a depthwise convolution, then a pointwise one with
#'   `pointwise_kernel` of shape `(1..., channels * multiplier, out_channels)`.
#' - `op_conv_transpose()`: the transpose of a convolution (a "deconvolution"), `kernel` of
#'   shape `(spatial..., out_channels, in_channels)`; each spatial axis of length `n` gives
#'   `n * stride` positions with `"same"` padding, `n * stride + max(k - stride, 0)` with
#'   `"valid"`, or, with `output_padding`, `(n - 1) * stride + k - 2 * pad + output_padding`
#'   (`pad` is `k %/% 2` for `"same"`), `k` the dilated kernel size, as Keras computes them.
#'
#' @param inputs A tensor of rank 3 or more.
#' @param kernel,depthwise_kernel,pointwise_kernel Kernels, as described.
#' @param strides The step: one whole number, or one per spatial axis.
#' @param padding `"valid"` or `"same"` (the output has `ceiling(n / stride)` positions).
#' @param data_format `"channels_last"` or `"channels_first"`; `NULL` is
#'   [config_image_data_format()] (`"channels_last"` unless set).
#' @param dilation_rate The kernel's dilation: one whole number, or one per spatial axis.
#' @param output_padding `NULL`, or extra positions at the end of each spatial axis of
#'   `op_conv_transpose()`'s output: one whole number or one per axis.
#' @return A tensor.
#' @family nn ops
#' @examples
#' x <- op_reshape(op_arange(16, dtype = "float32"), c(1, 4, 4, 1))
#' kernel <- op_ones(c(2, 2, 1, 1))
#' op_conv(x, kernel)@r[1, , , 1]
#' op_depthwise_conv(x, op_ones(c(3, 3, 1, 2)), padding = "same")@r[1, , , 2]
#' op_shape(op_conv_transpose(x, op_ones(c(3, 3, 2, 1)), strides = 2, padding = "same"))
#' @name op_conv
NULL

# Convolution of channels-last `x` by `kernel` (spatial..., in, out), `groups` groups of channels.
convolve <- function(x, kernel, strides, padding, dilation_rate) {
  count <- op_ndim(x) - 2L
  kernel <- tensor_of(kernel)
  if (op_ndim(kernel) != count + 2L)
    raise_bridge_error("value_error", sprintf("The kernel must have the input's rank (%d). Received: kernel.shape=%s", count + 2L, shape_text(kernel)))
  kdims <- as.integer(op_shape(kernel))
  channels <- as.integer(op_shape(x))[[count + 2L]]
  k_in <- kdims[[count + 1L]]
  k_out <- kdims[[count + 2L]]
  if (k_in < 1L || channels %% k_in != 0L)
    raise_bridge_error("value_error", sprintf("The number of input channels must be evenly divisible by kernel's in_channels. Received input channels %d and kernel in_channels %d. ", channels, k_in))
  groups <- channels %/% k_in
  if (k_out %% groups != 0L)
    raise_bridge_error("value_error", sprintf("The kernel's %d output channels cannot be split among %d groups of input channels.", k_out, groups))
  plan <- window_plan(x, kdims[seq_len(count)], spatial_values(strides, count, "strides"), spatial_values(dilation_rate, count, "dilation_rate"), padding)
  dtype <- promoted_dtype(op_dtype(x), op_dtype(kernel))
  if (window_misses_input(plan))
    return(op_zeros(c(as.integer(op_shape(x))[[1L]], plan$out, k_out), dtype = dtype))
  padded <- padded_input(x, plan, 0)
  offsets <- window_offsets(plan)
  result <- NULL
  for (i in seq_len(nrow(offsets))) {
    patch <- window_patch(padded, plan, offsets[i, ])
    taps <- kernel
    for (j in seq_len(count)) taps <- op_take(taps, offsets[i, j] + 1L, axis = 1L)
    term <- if (groups == 1L) op_matmul(op_cast(patch, dtype), op_cast(taps, dtype)) else
      op_concatenate(lapply(seq_len(groups), function(g) {
        ins <- (g - 1L) * k_in + seq_len(k_in)
        outs <- (g - 1L) * (k_out %/% groups) + seq_len(k_out %/% groups)
        op_matmul(op_cast(op_take(patch, as.array(ins), axis = -1L), dtype), op_cast(op_take(taps, as.array(outs), axis = -1L), dtype))
      }), axis = -1L)
    result <- if (is.null(result)) term else result + term
  }
  result
}

#' @rdname op_conv
#' @export
op_conv <- function(inputs, kernel, strides = 1L, padding = "valid", data_format = NULL, dilation_rate = 1L) {
  input <- channels_last(inputs, data_format)
  restore_format(convolve(input$x, kernel, strides, padding, dilation_rate), input$first)
}

# `first`: the caller's data format, which Keras's message names.
depthwise <- function(x, kernel, strides, padding, dilation_rate, first) {
  count <- op_ndim(x) - 2L
  kernel <- tensor_of(kernel)
  kdims <- as.integer(op_shape(kernel))
  channels <- as.integer(op_shape(x))[[count + 2L]]
  if (op_ndim(kernel) != count + 2L)
    raise_bridge_error("value_error", sprintf("A depthwise kernel must have shape (spatial..., %d, multiplier) for %d input channels. Received: kernel.shape=%s", channels, channels, shape_text(kernel)))
  if (kdims[[count + 1L]] != channels)
    raise_bridge_error("value_error", sprintf("The number of input channels must match the kernel's input channels. Received: input channels=%d, kernel input channels=%d, data_format='%s'.",
                                              channels, kdims[[count + 1L]], if (first) "channels_first" else "channels_last"))
  multiplier <- kdims[[count + 2L]]
  # Each channel convolved on its own: a grouped convolution with one input channel per group.
  grouped <- op_reshape(kernel, c(kdims[seq_len(count)], 1L, channels * multiplier))
  convolve(x, grouped, strides, padding, dilation_rate)
}

#' @rdname op_conv
#' @export
op_depthwise_conv <- function(inputs, kernel, strides = 1L, padding = "valid", data_format = NULL, dilation_rate = 1L) {
  input <- channels_last(inputs, data_format)
  restore_format(depthwise(input$x, kernel, strides, padding, dilation_rate, input$first), input$first)
}

#' @rdname op_conv
#' @export
op_separable_conv <- function(inputs, depthwise_kernel, pointwise_kernel, strides = 1L, padding = "valid", data_format = NULL,
                              dilation_rate = 1L) {
  input <- channels_last(inputs, data_format)
  spread <- depthwise(input$x, depthwise_kernel, strides, padding, dilation_rate, input$first)
  restore_format(convolve(spread, pointwise_kernel, 1L, "valid", 1L), input$first)
}

#' @rdname op_conv
#' @export
op_conv_transpose <- function(inputs, kernel, strides = 1L, padding = "valid", output_padding = NULL, data_format = NULL,
                              dilation_rate = 1L) {
  input <- channels_last(inputs, data_format)
  x <- input$x
  count <- op_ndim(x) - 2L
  kernel <- tensor_of(kernel)
  if (op_ndim(kernel) != count + 2L)
    raise_bridge_error("value_error", sprintf("The kernel must have the input's rank (%d). Received: kernel.shape=%s", count + 2L, shape_text(kernel)))
  # A transposed kernel is (spatial..., out_channels, in_channels): Keras checks the last.
  channels <- c(tail(as.numeric(op_shape(x)), 1L), tail(as.numeric(op_shape(kernel)), 1L))
  if (channels[[1L]] != channels[[2L]])
    raise_bridge_error("value_error", sprintf("The number of input channels must match the kernel's input channels. Received: input channels=%s, kernel input channels=%s, data_format='%s'.",
                                              format(channels[[1L]]), format(channels[[2L]]), if (input$first) "channels_first" else "channels_last"))
  padding <- padding_mode(padding)
  stride <- spatial_values(strides, count, "strides")
  dilation <- spatial_values(dilation_rate, count, "dilation_rate")
  extra <- if (!is.null(output_padding)) {
    values <- whole_values(output_padding, "output_padding")
    if (length(values) == 1L) values <- rep(values, count)
    if (length(values) != count || any(values < 0))
      raise_bridge_error("value_error", sprintf("`output_padding` must be one non-negative whole number or %d of them. Received: output_padding=%s", count, shown(c(output_padding))))
    values
  }
  size <- (as.numeric(op_shape(kernel))[seq_len(count)] - 1) * dilation + 1
  # The transpose is a convolution of the input spread out by the strides (zeros between its
  # elements), padded as Keras pads it for JAX, by the kernel flipped with its channels swapped.
  for (j in seq_len(count)) {
    dims <- as.integer(op_shape(x))
    n <- dims[[j + 1L]]
    if (stride[[j]] > 1L && n > 0L) {
      gaps <- op_zeros(append(dims, stride[[j]] - 1L, after = j + 1L), dtype = op_dtype(x))
      spread <- op_concatenate(list(op_expand_dims(x, j + 2L), gaps), axis = j + 2L)
      x <- op_take(op_reshape(spread, replace(dims, j + 1L, n * stride[[j]])), as.array(seq_len((n - 1L) * stride[[j]] + 1L)), axis = j + 1L)
    }
  }
  pads <- lapply(seq_len(count), function(j) {
    k <- size[[j]]
    if (padding == "valid")
      return(c(k - 1L, k - 1L + if (is.null(extra)) max(k, stride[[j]]) - k else extra[[j]]))
    total <- if (is.null(extra)) stride[[j]] + k - 2L else k + k %% 2L - 2L + extra[[j]]
    low <- min(total %/% 2L + total %% 2L, k - 1L)
    c(low, total - low)
  })
  if (any(unlist(pads) < 0L)) raise_bridge_error("value_error", "`output_padding` is too small for the kernel and strides.")
  x <- op_pad(x, c(list(c(0L, 0L)), pads, list(c(0L, 0L))))
  flipped <- op_swapaxes(op_flip(kernel, axis = seq_len(count)), -1L, -2L)
  restore_format(convolve(x, flipped, 1L, "valid", dilation), input$first)
}
