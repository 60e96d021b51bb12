# Pooling and convolutions against a direct computation in R, position by position, with
# XLA's "same" padding (ceiling(n / stride) outputs, the padding split low-first).

# Reference 2-D cross-correlation of x (N, H, W, C) with k (kh, kw, C / groups, O).
conv_by_hand <- function(x, k, stride = c(1, 1), dilation = c(1, 1), same = FALSE) {
  d <- dim(x); kd <- dim(k)
  extent <- (kd[1:2] - 1) * dilation + 1
  if (same) {
    out <- ceiling(d[2:3] / stride)
    low <- pmax((out - 1) * stride + extent - d[2:3], 0) %/% 2
  } else {
    out <- (d[2:3] - extent) %/% stride + 1
    low <- c(0, 0)
  }
  groups <- d[[4L]] / kd[[3L]]
  per_group <- kd[[4L]] / groups
  y <- array(0, c(d[[1L]], out, kd[[4L]]))
  for (n in seq_len(d[[1L]])) for (i in seq_len(out[[1L]])) for (j in seq_len(out[[2L]])) for (o in seq_len(kd[[4L]])) {
    g <- (o - 1) %/% per_group
    total <- 0
    for (a in seq_len(kd[[1L]])) for (b in seq_len(kd[[2L]])) {
      r <- (i - 1) * stride[[1L]] + (a - 1) * dilation[[1L]] + 1 - low[[1L]]
      s <- (j - 1) * stride[[2L]] + (b - 1) * dilation[[2L]] + 1 - low[[2L]]
      if (r >= 1 && r <= d[[2L]] && s >= 1 && s <= d[[3L]])
        total <- total + sum(x[n, r, s, g * kd[[3L]] + seq_len(kd[[3L]])] * k[a, b, , o])
    }
    y[n, i, j, o] <- total
  }
  y
}

test_that("op_conv matches the direct sum, with strides, dilation and same padding", {
  x <- array(rnorm(2 * 6 * 5 * 3), c(2, 6, 5, 3))
  k <- array(rnorm(3 * 2 * 3 * 4), c(3, 2, 3, 4))
  expect_equal(as.array(op_conv(x, k)), conv_by_hand(x, k))
  expect_equal(as.array(op_conv(x, k, strides = 2, padding = "same")), conv_by_hand(x, k, c(2, 2), same = TRUE))
  expect_equal(as.array(op_conv(x, k, dilation_rate = c(2, 1), padding = "same")), conv_by_hand(x, k, dilation = c(2, 1), same = TRUE))
  expect_equal(as.array(op_conv(x, k, strides = c(1, 2))), conv_by_hand(x, k, c(1, 2)))
})

test_that("op_conv groups the input channels when the kernel takes a fraction of them", {
  x <- array(rnorm(1 * 4 * 4 * 4), c(1, 4, 4, 4))
  k <- array(rnorm(2 * 2 * 2 * 6), c(2, 2, 2, 6))
  expect_equal(as.array(op_conv(x, k)), conv_by_hand(x, k))
  expect_error(op_conv(x, array(1, c(2, 2, 3, 1))), "evenly divisible", class = "value_error")
})

test_that("op_conv takes channels-first inputs and 1-D convolutions", {
  x <- array(rnorm(2 * 5 * 5 * 2), c(2, 5, 5, 2))
  k <- array(rnorm(3 * 3 * 2 * 1), c(3, 3, 2, 1))
  first <- aperm(x, c(1, 4, 2, 3))
  expect_equal(as.array(op_conv(first, k, data_format = "channels_first")), aperm(conv_by_hand(x, k), c(1, 4, 2, 3)))
  signal <- array(c(1, 2, 3, 4, 5), c(1, 5, 1))
  expect_equal(as.vector(as.array(op_conv(signal, array(c(1, -1), c(2, 1, 1))))), c(-1, -1, -1, -1))
})

test_that("op_depthwise_conv convolves each channel on its own into `multiplier` channels", {
  x <- array(rnorm(1 * 5 * 4 * 2), c(1, 5, 4, 2))
  k <- array(rnorm(3 * 3 * 2 * 3), c(3, 3, 2, 3))
  grouped <- array(aperm(k, c(1, 2, 4, 3)), c(3, 3, 1, 6))
  expect_equal(as.array(op_depthwise_conv(x, k, padding = "same")), conv_by_hand(x, grouped, same = TRUE))
})

test_that("a depthwise kernel whose input channels differ from the input's is refused with Keras's message", {
  expect_bridge_error(op_depthwise_conv(op_ones(c(2, 10, 3)), op_ones(c(3, 5, 1))), "value_error",
                      "The number of input channels must match the kernel's input channels. Received: input channels=3, kernel input channels=5, data_format='channels_last'.", fixed = TRUE)
  expect_bridge_error(op_separable_conv(op_ones(c(2, 3, 10)), op_ones(c(3, 5, 1)), op_ones(c(1, 5, 2)), data_format = "channels_first"),
                      "value_error", "data_format='channels_first'", fixed = TRUE)
})

test_that("op_separable_conv is a depthwise convolution followed by a pointwise one", {
  x <- array(rnorm(1 * 5 * 5 * 2), c(1, 5, 5, 2))
  dk <- array(rnorm(3 * 3 * 2 * 2), c(3, 3, 2, 2))
  pk <- array(rnorm(1 * 1 * 4 * 3), c(1, 1, 4, 3))
  expected <- op_conv(op_depthwise_conv(x, dk), pk)
  expect_equal(as.array(op_separable_conv(x, dk, pk)), as.array(expected))
})

test_that("op_max_pool and op_average_pool reduce each window; same padding averages over the input's own elements", {
  x <- array(as.double(1:16), c(1, 4, 4, 1))
  m <- matrix(1:16, 4, 4)
  expect_equal(as.array(op_max_pool(x, 2))[1, , , 1], matrix(c(6, 8, 14, 16), 2, 2))
  expect_equal(as.array(op_average_pool(x, 2))[1, , , 1], matrix(c(3.5, 5.5, 11.5, 13.5), 2, 2))
  same <- as.array(op_average_pool(x, 3, strides = 1, padding = "same"))[1, , , 1]
  expect_equal(same[1, 1], mean(m[1:2, 1:2]))
  expect_equal(same[2, 3], mean(m[1:3, 2:4]))
  expect_equal(as.array(op_max_pool(x, c(2, 1), strides = c(2, 1)))[1, , , 1], m[c(2, 4), ])
  expect_equal(as.array(op_max_pool(x, 3, strides = 2, padding = "same"))[1, , , 1], matrix(c(11, 12, 15, 16), 2, 2))
})

test_that("the window ops refuse bad padding, sizes and shapes", {
  x <- array(1, c(1, 4, 4, 1))
  expect_error(op_max_pool(x, 2, padding = "full"), "Invalid padding", class = "value_error")
  expect_error(op_max_pool(x, 0), class = "value_error")
  expect_error(op_max_pool(matrix(1, 2, 2), 2), class = "value_error")
  expect_error(op_conv(x, array(1, c(5, 5, 1, 1))), "empty output", class = "value_error")
  expect_error(op_conv(x, array(1, c(2, 1, 1))), "rank", class = "value_error")
  expect_error(op_conv(x, array(1, c(2, 2, 1, 1)), data_format = "channels_middle"), class = "value_error")
})

test_that("dilations and output padding beyond R's integers give results or classed errors, not R's overflow", {
  x <- array(1, c(1, 5, 1))
  w <- array(1, c(2, 1, 1))
  big <- .Machine$integer.max
  expect_error(op_conv(x, w, dilation_rate = big), "empty output", class = "value_error")
  # Both taps of every window land in the padding, far either side of the input.
  expect_identical(as.array(op_conv(x, w, padding = "same", dilation_rate = big)), array(0, c(1, 5, 1)))
  expect_error(op_conv_transpose(x, w, output_padding = big), class = "memory_error")
})

test_that("a dilation far wider than the input costs only the taps that meet it, and gives the direct sum", {
  x <- array(rnorm(1 * 10 * 10 * 1), c(1, 10, 10, 1))
  k <- array(rnorm(3 * 3), c(3, 3, 1, 1))
  # Dilation 1e7: only the centre tap of each window meets the input (the others are 1e7 away).
  expect_equal(as.array(op_conv(x, k, dilation_rate = c(1e7, 1e7), padding = "same")), x * k[2, 2, 1, 1])
  # Dilation 4 on 10 positions: some taps meet the input at some outputs only.
  expect_equal(as.array(op_conv(x, k, dilation_rate = c(4, 4), padding = "same")), conv_by_hand(x, k, dilation = c(4, 4), same = TRUE))
  patches <- op_image_extract_patches(op_ones(c(1, 4, 4, 1)), c(2, 2), dilation_rate = 1e9, padding = "same")
  expect_identical(dim(as.array(patches)), c(1L, 2L, 2L, 4L))
  expect_identical(sum(as.array(patches)), 0)
})

# Reference 1-D transposed convolution: each input element adds its multiple of the kernel at
# stride steps; Keras's padding then keeps a window of that full result.
transpose_by_hand <- function(x, w, stride, same) {
  n <- length(x); k <- length(w)
  full <- numeric((n - 1) * stride + k + stride)
  for (i in seq_len(n)) full[(i - 1) * stride + seq_len(k)] <- full[(i - 1) * stride + seq_len(k)] + x[[i]] * w
  if (!same) return(full[seq_len(n * stride + max(k - stride, 0))])
  pad <- stride + k - 2
  low <- min(pad %/% 2 + pad %% 2, k - 1)
  full[(k - 1 - low) + seq_len(n * stride)]
}

test_that("op_conv_transpose spreads each input over the kernel at stride steps, as Keras pads it", {
  x <- c(1, 2, 3, 4)
  for (k in 1:4) for (stride in 1:3) for (same in c(FALSE, TRUE)) {
    w <- seq_len(k) * 1.5
    out <- op_conv_transpose(array(x, c(1, 4, 1)), array(w, c(k, 1, 1)), strides = stride, padding = if (same) "same" else "valid")
    expect_equal(as.vector(as.array(out)), transpose_by_hand(x, w, stride, same), info = paste(k, stride, same))
  }
})

test_that("op_conv_transpose maps channels through a (spatial..., out, in) kernel and sizes outputs as Keras", {
  x <- array(rnorm(2 * 3 * 3 * 2), c(2, 3, 3, 2))
  k <- array(rnorm(3 * 3 * 4 * 2), c(3, 3, 4, 2))
  expect_equal(as.integer(op_shape(op_conv_transpose(x, k, strides = 2, padding = "same"))), c(2L, 6L, 6L, 4L))
  expect_equal(as.integer(op_shape(op_conv_transpose(x, k, strides = 2))), c(2L, 7L, 7L, 4L))
  expect_equal(as.integer(op_shape(op_conv_transpose(x, k, strides = 2, output_padding = 1))), c(2L, 8L, 8L, 4L))
  # A 1x1 kernel with stride 1 is a matrix product over channels.
  one <- array(rnorm(3 * 2), c(1, 1, 3, 2))
  expect_equal(as.array(op_conv_transpose(x, one))[1, 2, 3, ], as.vector(one[1, 1, , ] %*% x[1, 2, 3, ]))
})

test_that("op_conv_transpose refuses inputs whose channels are not the kernel's last axis, in Keras's words", {
  expect_bridge_error(op_conv_transpose(op_ones(c(1, 4, 4, 4)), op_ones(c(3, 3, 2, 3))), "value_error",
                      "The number of input channels must match the kernel's input channels. Received: input channels=4, kernel input channels=3, data_format='channels_last'.", fixed = TRUE)
  expect_bridge_error(op_conv_transpose(op_ones(c(1, 2, 4, 4)), op_ones(c(3, 3, 2, 3)), data_format = "channels_first"), "value_error",
                      "input channels=2, kernel input channels=3, data_format='channels_first'", fixed = TRUE)
})

test_that("a pooling window that leaves no output is refused with Keras's message", {
  expect_bridge_error(op_max_pool(op_ones(c(1, 5, 5, 3)), c(20, 20), c(20, 20)), "value_error",
                      "Computed output size would be zero or negative. Received: `inputs.shape=(1, 5, 5, 3)`, `pool_size=(20, 20)`", fixed = TRUE)
})

test_that("a pooling window far wider than the input costs only the offsets that meet it", {
  x <- op_array(array(1:10, c(1, 10, 1)), "float32")
  expect_equal(as.vector(as.array(op_max_pool(x, pool_size = 1e8, padding = "same"))), 10)
  expect_equal(as.vector(as.array(op_average_pool(x, pool_size = 1e8, padding = "same"))), 5.5)
  expect_equal(as.array(op_max_pool(x, pool_size = 25, strides = 1, padding = "same"))[1, , 1], rep(10, 10))
})

test_that("windows over an input with no positions make an empty result without padding or visiting the window", {
  empty <- array(1, c(2, 0, 3))
  expect_identical(dim(as.array(op_max_pool(empty, pool_size = 1e8, strides = 1, padding = "same"))), c(2L, 0L, 3L))
  expect_identical(dim(as.array(op_average_pool(empty, pool_size = 1e8, strides = 1))), c(2L, 0L, 3L))
  expect_identical(dim(as.array(op_conv(empty, array(1, c(3, 3, 2)), padding = "same"))), c(2L, 0L, 2L))
})

