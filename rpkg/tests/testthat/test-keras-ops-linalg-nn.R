# keras$ops's linear algebra, segment and nn ops that keras3 has no op_*() function for, called
# with Python's conventions (0-based segment ids). Expected values from NumPy / SciPy (the
# expression is named beside them) or base R.

ops <- keras$ops

# A tensor's values in row-major (NumPy's ravel()) order.
raveled <- function(x) {
  values <- as.array(x)
  c(aperm(values, rev(seq_along(dim(values)))))
}

# --- matrix_power ---------------------------------------------------------------------------

test_that("matrix_power multiplies a matrix by itself, keeping its dtype", {
  x <- op_array(rbind(c(1, 2), c(3, 4)), "float32")
  out <- ops$matrix_power(x, 3L)
  expect_identical(out$dtype, "float32")
  expect_equal(as.array(out), rbind(c(37, 54), c(81, 118)))
  ints <- ops$matrix_power(op_array(rbind(c(1L, 2L), c(3L, 4L)), "int32"), 3L)
  expect_identical(ints$dtype, "int32")
  expect_equal(as.array(ints), rbind(c(37L, 54L), c(81L, 118L)))
})

test_that("matrix_power of 0 is the identity and of 1 the matrix, batched", {
  x <- array(c(2, 5, 1, 3, 7, 4, 0, 1), c(2, 2, 2))
  expect_equal(as.array(ops$matrix_power(x, 0L)), array(c(1, 1, 0, 0, 0, 0, 1, 1), c(2, 2, 2)))
  expect_equal(as.array(ops$matrix_power(x, n = 1L)), x)
  power <- as.array(ops$matrix_power(x, 5L))
  expect_equal(power[2, , ], Reduce(`%*%`, rep(list(x[2, , ]), 5L)))
})

test_that("matrix_power of a negative power inverts first, float64 kept", {
  out <- ops$matrix_power(rbind(c(2, 1), c(1, 3)), -3L)
  expect_identical(out$dtype, "float64")
  # np.linalg.matrix_power([[2., 1], [1, 3]], -3)
  expect_equal(as.array(out), rbind(c(0.28, -0.16), c(-0.16, 0.12)))
})

test_that("matrix_power takes whole doubles and refuses fractions and text as Keras's TypeError", {
  expect_equal(as.array(ops$matrix_power(diag(2) * 2, 2)), diag(2) * 4)
  expect_error(ops$matrix_power(diag(2), 3.5), "n must be an integer", class = "type_error")
  expect_error(ops$matrix_power(diag(2), "2"), class = "type_error")
})

test_that("matrix_power refuses non-square matrices and inputs of rank < 2", {
  expect_error(ops$matrix_power(array(1, c(4, 3, 2)), 2L), "Expected a square matrix", class = "value_error")
  expect_error(ops$matrix_power(c(1, 2, 3, 4), 2L), "rank >= 2", class = "value_error")
})

test_that("matrix_power of empty matrices keeps their shape", {
  expect_identical(as.integer(ops$matrix_power(array(0, c(2, 0, 0)), 3L)$shape), c(2L, 0L, 0L))
})

# --- matrix_rank ----------------------------------------------------------------------------

test_that("matrix_rank counts the singular values above the default tolerance, as int32", {
  out <- ops$matrix_rank(op_array(rbind(c(1, 2), c(2, 4)), "float32"))
  expect_identical(out$dtype, "int32")
  expect_equal(as.vector(as.array(out)), 1L)
  expect_equal(as.vector(as.array(ops$matrix_rank(matrix(c(1, 4, 2, 5, 3, 6, 0, 1), 4)))), 2L)
  expect_equal(as.vector(as.array(ops$matrix_rank(outer(1:5, c(2, -1, 3, 4))))), 1L)
})

test_that("matrix_rank gives one rank per matrix of a batch, integers taken as floats", {
  batch <- array(0L, c(3L, 3L, 3L))
  batch[1, , ] <- diag(3L)
  batch[2, , ] <- diag(c(1L, 1L, 0L))
  expect_equal(as.vector(as.array(ops$matrix_rank(batch))), c(3L, 2L, 0L))
})

test_that("matrix_rank's tol is an absolute threshold", {
  a <- op_array(rbind(c(1, 2), c(2, 4.000001)), "float32")
  expect_equal(as.vector(as.array(ops$matrix_rank(a, tol = 1e-2))), 1L)
  expect_equal(as.vector(as.array(ops$matrix_rank(diag(c(1, 0.5, 0.1)), tol = 0.2))), 2L)
})

test_that("matrix_rank of empty matrices is 0 and of NaN matrices 0, as TensorFlow's", {
  expect_equal(as.array(ops$matrix_rank(array(0, c(2, 3, 0)))), array(c(0L, 0L)))
  expect_equal(as.vector(as.array(ops$matrix_rank(matrix(c(1, NaN, 3, 4), 2)))), 0L)
})

test_that("matrix_rank refuses inputs of rank < 2", {
  expect_error(ops$matrix_rank(c(1, 2)), "rank >= 2", class = "value_error")
})

# --- pinv -----------------------------------------------------------------------------------

test_that("pinv is the Moore-Penrose pseudo-inverse", {
  a <- rbind(c(1, 2), c(3, 4), c(5, 6))
  out <- ops$pinv(a)
  expect_identical(out$dtype, "float64")
  # np.linalg.pinv([[1., 2], [3, 4], [5, 6]])
  expect_equal(as.array(out), rbind(c(-1.3333333333333337, -0.33333333333333287, 0.6666666666666665),
                                    c(1.0833333333333335, 0.3333333333333329, -0.4166666666666665)))
  expect_equal(a %*% as.array(out) %*% a, a)
})

test_that("pinv of float32 stays float32 and of ints is float32, batched as (..., n, m)", {
  a <- op_array(array(c(1, 4, 2, 5, 3, 6, 0, 1, 1, 0, 2, 2), c(2, 2, 3)), "float32")
  out <- ops$pinv(a)
  expect_identical(out$dtype, "float32")
  expect_identical(as.integer(out$shape), c(2L, 3L, 2L))
  # The pseudo-inverse of a full-rank wide matrix: t(m) %*% solve(m %*% t(m)).
  m <- as.array(a)[1, , ]
  expect_equal(as.array(out)[1, , ], t(m) %*% solve(m %*% t(m)), tolerance = 1e-6)
  expect_identical(ops$pinv(array(1:8, c(2, 2, 2)))$dtype, "float32")
})

test_that("pinv drops singular values at most rcond times the largest (by default 10 max(m, n) eps)", {
  a <- diag(c(1, 1e-9))
  # float32's epsilon sets the default cut-off at 10 * 2 * 2^-23 of the largest value.
  expect_equal(as.array(ops$pinv(op_array(a, "float32"))), diag(c(1, 0)))
  expect_equal(as.array(ops$pinv(a)), diag(c(1, 1e9)))
  expect_equal(as.array(ops$pinv(a, rcond = 1e-12)), diag(c(1, 1e9)))
})

test_that("pinv of an empty matrix is its empty transpose; of a NaN matrix NaN", {
  expect_identical(as.integer(ops$pinv(array(0, c(3, 0)))$shape), c(0L, 3L))
  expect_true(all(is.nan(as.array(ops$pinv(matrix(c(1, NaN, 3, 4), 2))))))
})

test_that("pinv refuses inputs of rank < 2", {
  expect_error(ops$pinv(c(1, 2)), "rank >= 2", class = "value_error")
})

# --- cholesky_inverse -----------------------------------------------------------------------

spd <- rbind(c(4, 12, -16), c(12, 37, -43), c(-16, -43, 98))
# np.linalg.inv of that matrix
spd_inverse <- rbind(c(49.36111111111111, -13.555555555555555, 2.111111111111111),
                     c(-13.555555555555555, 3.7777777777777777, -0.5555555555555556),
                     c(2.111111111111111, -0.5555555555555556, 0.1111111111111111))

test_that("cholesky_inverse inverts a matrix from its lower Cholesky factor", {
  out <- ops$cholesky_inverse(op_array(t(chol(spd)), "float32"))
  expect_identical(out$dtype, "float32")
  expect_equal(as.array(out), spd_inverse, tolerance = 1e-5)
})

test_that("cholesky_inverse with upper = TRUE reads the upper factor", {
  expect_equal(as.array(ops$cholesky_inverse(chol(spd), upper = TRUE)), spd_inverse)
})

test_that("cholesky_inverse works on batches", {
  factors <- aperm(array(c(2, 0, 0, 2, 1, 0, 0, 1), c(2, 2, 2)), c(3, 1, 2))
  out <- as.array(ops$cholesky_inverse(factors))
  expect_equal(out[1, , ], diag(2) / 4)
  expect_equal(out[2, , ], diag(2))
})

test_that("cholesky_inverse refuses a singular factor, non-square and rank < 2 inputs", {
  expect_error(ops$cholesky_inverse(diag(c(1, 0))), "Cholesky inverse failed", class = "value_error")
  expect_error(ops$cholesky_inverse(array(1, c(2, 3))), "Expected a square matrix", class = "value_error")
  expect_error(ops$cholesky_inverse(1:3), "rank >= 2", class = "value_error")
})

# --- cdist ----------------------------------------------------------------------------------

test_that("cdist gives the Euclidean distance of every pair of rows", {
  out <- ops$cdist(rbind(c(0, 0), c(3, 4)), rbind(c(0, 0), c(1, 1), c(6, 8)))
  expect_identical(out$dtype, "float64")
  # np.sqrt(((x[:, None] - y[None]) ** 2).sum(-1))
  expect_equal(as.array(out), rbind(c(0, sqrt(2), 10), c(5, 3.605551275463989, 5)))
})

test_that("cdist gives float32 for ints and keeps float16", {
  expect_identical(ops$cdist(op_array(rbind(1:2), "int32"), op_array(rbind(3:4), "int32"))$dtype, "float32")
  expect_identical(ops$cdist(op_array(rbind(c(1, 2)), "float16"), op_array(rbind(3:4), "int32"))$dtype, "float16")
})

test_that("cdist broadcasts the batch axes", {
  x <- array(c(0, 1, 0, 1), c(2, 1, 2))
  y <- array(c(3, 4), c(1, 1, 2))
  out <- ops$cdist(x, y)
  expect_identical(as.integer(out$shape), c(2L, 1L, 1L))
  expect_equal(c(as.array(out)), c(5, sqrt(4 + 9)))
})

test_that("cdist refuses rank < 2 and unequal vector lengths", {
  expect_error(ops$cdist(c(1, 2), rbind(c(1, 2))), "must have rank >= 2", class = "value_error")
  expect_error(ops$cdist(rbind(c(1, 2)), rbind(c(1, 2, 3))), "Last dimension of inputs to `cdist` must match", class = "value_error")
})

# --- segment_min and segment_prod -----------------------------------------------------------

test_that("segment_min and segment_prod reduce the rows sharing a 0-based segment id", {
  data <- op_array(c(1L, 2L, 10L, 20L, 100L, 200L), "int32")
  ids <- c(0L, 0L, 1L, 1L, 2L, 2L)
  expect_identical(as.array(ops$segment_min(data, ids, 3L)), array(c(1L, 10L, 100L)))
  expect_identical(as.array(ops$segment_prod(data, ids, 3L)), array(c(2L, 200L, 20000L)))
})

test_that("segment ops take unsorted ids and infer num_segments from the largest id", {
  ids <- c(2L, 0L, 2L, 2L, 0L)
  data <- c(1, 2, 3, 4, 6)
  expect_equal(as.array(ops$segment_min(data, ids)), array(c(2, Inf, 1)))
  expect_equal(as.array(ops$segment_prod(data, ids)), array(c(12, 1, 12)))
})

test_that("segment ops take keyword arguments, and sorted is accepted", {
  expect_equal(as.array(ops$segment_prod(data = c(2, 3, 4, 5, 6), segment_ids = rep(0L, 5L), sorted = TRUE)), array(720))
  expect_equal(as.array(ops$segment_min(segment_ids = c(0L, 0L, 1L), data = c(5, 3, 1), num_segments = 2L)), array(c(3, 1)))
})

test_that("segment ops reduce whole rows of matrices", {
  data <- array(1:6, c(3, 2))
  expect_identical(as.array(ops$segment_prod(data, c(1L, 1L, 0L))), rbind(c(3L, 6L), c(2L, 20L)))
  expect_identical(as.array(ops$segment_min(data, c(1L, 1L, 0L))), rbind(c(3L, 6L), c(1L, 4L)))
})

test_that("empty segments are the dtype's largest value for the minimum and 1 for the product", {
  data <- op_array(c(5L, 7L), "int32")
  expect_identical(as.array(ops$segment_min(data, c(0L, 2L))), array(c(5L, .Machine$integer.max, 7L)))
  expect_identical(as.array(ops$segment_prod(data, c(0L, 2L))), array(c(5L, 1L, 7L)))
  expect_identical(as.array(ops$segment_min(op_array(c(3L, 9L), "uint8"), c(1L, 1L), 3L)), array(c(255L, 3L, 255L)))
  expect_equal(as.array(ops$segment_prod(op_array(numeric(0), "float32"), integer(0), num_segments = 2L)), array(c(1, 1)))
})

test_that("segment_min keeps the dtype's least value and bools (a logical and)", {
  data <- op_array(c(-2^31, 5), "int32")
  # R reads int32 -2^31 as NA: the value is compared in float64.
  expect_equal(as.array(op_cast(ops$segment_min(data, c(0L, 0L)), "float64")), array(-2^31))
  expect_identical(as.array(ops$segment_min(op_array(c(TRUE, FALSE, TRUE)), c(0L, 0L, 1L), 3L)), array(c(FALSE, TRUE, TRUE)))
})

test_that("segment_prod of integers wraps as TensorFlow's", {
  expect_identical(as.array(ops$segment_prod(op_array(c(200L, 2L, 3L), "uint8"), c(0L, 0L, 1L))), array(c(144L, 3L)))
  expect_identical(as.array(ops$segment_prod(op_array(c(65536L, 65536L), "int32"), c(0L, 0L))), array(0L))
})

test_that("segment ops leave out rows with negative ids, and keep NaN and infinities", {
  expect_equal(as.array(ops$segment_prod(c(2, 3, 4), c(0L, -1L, 0L))), array(8))
  expect_equal(as.array(ops$segment_min(c(2, 3, 4), c(0L, -1L, 0L))), array(2))
  expect_equal(as.array(ops$segment_min(c(1, -Inf, NaN), c(0L, 0L, 1L))), array(c(-Inf, NaN)))
  expect_equal(as.array(ops$segment_prod(c(0, Inf, 2), c(0L, 0L, 1L))), array(c(NaN, 2)))
})

test_that("segment ops keep float64", {
  expect_identical(ops$segment_prod(array(c(1.5, 2)), c(0L, 0L))$dtype, "float64")
  expect_identical(ops$segment_min(array(c(1.5, 2)), c(0L, 0L))$dtype, "float64")
})

test_that("segment ops refuse ids beyond num_segments, 2-D ids, scalars and unequal lengths", {
  for (op in list(ops$segment_min, ops$segment_prod)) {
    expect_error(op(c(1, 2, 3), c(0L, 0L, 5L), num_segments = 3L), "out of range", class = "value_error")
    expect_error(op(c(1, 2, 3), matrix(0L, 1, 3)), "should be an 1-D vector", class = "value_error")
    expect_error(op(op_convert_to_tensor(5), 0L), class = "value_error")
    expect_error(op(c(1, 2, 3), c(0L, 1L)), "same leading dimension", class = "value_error")
  }
})

# --- depth_to_space and space_to_depth ------------------------------------------------------

test_that("depth_to_space moves channel blocks into space, as TensorFlow's", {
  x <- op_array(array_reshape(0:15, c(1, 2, 2, 4)), "int32")
  out <- ops$depth_to_space(x, 2L)
  expect_identical(out$dtype, "int32")
  expect_identical(as.integer(out$shape), c(1L, 4L, 4L, 1L))
  # keras.ops.depth_to_space(np.arange(16).reshape(1, 2, 2, 4), 2).ravel()
  expect_equal(raveled(out), c(0, 1, 4, 5, 2, 3, 6, 7, 8, 9, 12, 13, 10, 11, 14, 15))
})

test_that("depth_to_space takes channels_first", {
  out <- ops$depth_to_space(array_reshape(0:15, c(1, 4, 2, 2)), 2L, data_format = "channels_first")
  expect_identical(as.integer(out$shape), c(1L, 1L, 4L, 4L))
  # keras.ops.depth_to_space(np.arange(16).reshape(1, 4, 2, 2), 2, data_format="channels_first").ravel()
  expect_equal(raveled(out), c(0, 4, 1, 5, 8, 12, 9, 13, 2, 6, 3, 7, 10, 14, 11, 15))
})

test_that("space_to_depth moves spatial blocks into channels and undoes depth_to_space", {
  out <- ops$space_to_depth(array_reshape(0:15, c(1, 4, 4, 1)), block_size = 2)
  expect_identical(as.integer(out$shape), c(1L, 2L, 2L, 4L))
  # keras.ops.space_to_depth(np.arange(16).reshape(1, 4, 4, 1), 2).ravel()
  expect_equal(raveled(out), c(0, 1, 4, 5, 2, 3, 6, 7, 8, 9, 12, 13, 10, 11, 14, 15))
  x <- array(seq_len(2 * 18 * 3 * 6), c(2, 18, 3, 6))
  blocks <- ops$space_to_depth(x, 3L, "channels_first")
  expect_identical(as.integer(blocks$shape), c(2L, 162L, 1L, 2L))
  expect_equal(as.array(ops$depth_to_space(blocks, 3L, data_format = "channels_first")), x)
})

test_that("depth_to_space and space_to_depth refuse block sizes below 2 and fractions", {
  expect_error(ops$depth_to_space(array(1, c(1, 2, 2, 4)), 1L), "must be at least 2", class = "value_error")
  expect_error(ops$space_to_depth(array(1, c(1, 2, 2, 4)), 1L), "must be at least 2", class = "value_error")
  expect_error(ops$depth_to_space(array(1, c(1, 2, 2, 4)), 2.5), class = "type_error")
})

test_that("depth_to_space and space_to_depth refuse shapes that do not divide, and non-4D inputs", {
  expect_error(ops$depth_to_space(array(1, c(1, 2, 2, 3)), 2L), "must be divisible by block_size\\*\\*2", class = "value_error")
  expect_error(ops$depth_to_space(array(1, c(2, 2, 4)), 2L), "requires a 4D input tensor", class = "value_error")
  expect_error(ops$space_to_depth(array(1, c(1, 3, 2, 4)), 2L), "Height \\(3\\)", class = "value_error")
  expect_error(ops$space_to_depth(array(1, c(1, 2, 3, 4)), 2L), "Width \\(3\\)", class = "value_error")
  expect_error(ops$space_to_depth(array(1, c(1, 2, 2, 4)), 2L, data_format = "nope"), "data_format", class = "value_error")
})

# --- unfold and fold ------------------------------------------------------------------------

test_that("unfold extracts the sliding blocks as columns, channel-major", {
  x <- array_reshape(as.numeric(1:32), c(1, 2, 4, 4))
  out <- ops$unfold(x, 2L, stride = 2L)
  expect_identical(as.integer(out$shape), c(1L, 8L, 4L))
  # keras.ops.unfold(np.arange(1, 33.).reshape(1, 2, 4, 4), 2, stride=2).ravel()
  expect_equal(raveled(out), c(1, 3, 9, 11, 2, 4, 10, 12, 5, 7, 13, 15, 6, 8, 14, 16,
                               17, 19, 25, 27, 18, 20, 26, 28, 21, 23, 29, 31, 22, 24, 30, 32))
})

test_that("unfold pads with zeros and dilates the kernel", {
  out <- ops$unfold(array_reshape(as.numeric(1:9), c(1, 1, 3, 3)), kernel_size = 2L, padding = 1L, stride = 2L)
  # keras.ops.unfold(np.arange(1, 10.).reshape(1, 1, 3, 3), 2, padding=1, stride=2).ravel()
  expect_equal(raveled(out), c(0, 0, 0, 5, 0, 0, 4, 6, 0, 2, 0, 8, 1, 3, 7, 9))
  out <- ops$unfold(array_reshape(as.numeric(1:25), c(1, 1, 5, 5)), 2L, dilation = 2L)
  expect_identical(as.integer(out$shape), c(1L, 4L, 9L))
  # keras.ops.unfold(np.arange(1, 26.).reshape(1, 1, 5, 5), 2, dilation=2).ravel()
  expect_equal(raveled(out), c(1, 2, 3, 6, 7, 8, 11, 12, 13, 3, 4, 5, 8, 9, 10, 13, 14, 15,
                               11, 12, 13, 16, 17, 18, 21, 22, 23, 13, 14, 15, 18, 19, 20, 23, 24, 25))
})

test_that("unfold takes a pair of kernel sizes and keeps the dtype", {
  out <- ops$unfold(op_array(array(1L, c(2, 3, 4, 5)), "int32"), c(2L, 3L))
  expect_identical(out$dtype, "int32")
  expect_identical(as.integer(out$shape), c(2L, 18L, 9L))
})

test_that("unfold refuses non-4D inputs and bad window arguments", {
  expect_error(ops$unfold(array(1, c(2, 4, 4)), 2L), "Input must be a 4D tensor", class = "value_error")
  expect_error(ops$unfold(array(1, c(1, 1, 2, 2)), 2L, padding = -1L), "padding", class = "value_error")
  expect_error(ops$unfold(array(1, c(1, 1, 2, 2)), c(2L, 2L, 2L)), "kernel_size", class = "value_error")
  expect_error(ops$unfold(array(1, c(1, 1, 2, 2)), 1.5), class = "type_error")
})

test_that("fold sums the blocks back where they overlap", {
  out <- ops$fold(array_reshape(as.numeric(1:16), c(1, 4, 4)), output_size = 3L, kernel_size = 2L)
  expect_identical(as.integer(out$shape), c(1L, 1L, 3L, 3L))
  # keras.ops.fold(np.arange(1, 17.).reshape(1, 4, 4), output_size=3, kernel_size=2).ravel()
  expect_equal(raveled(out), c(1, 7, 6, 12, 34, 22, 11, 27, 16))
})

test_that("fold drops the padding and undoes unfold of non-overlapping blocks", {
  out <- ops$fold(array(1, c(1, 4, 4)), output_size = c(3L, 3L), kernel_size = 2L, padding = 1L, stride = 2L)
  expect_equal(as.array(out), array(1, c(1, 1, 3, 3)))
  x <- array(rnorm(2 * 3 * 4 * 6), c(2, 3, 4, 6))
  expect_equal(as.array(ops$fold(ops$unfold(x, c(2L, 3L), stride = c(2L, 3L)), c(4L, 6L), c(2L, 3L), stride = c(2L, 3L))), x)
})

test_that("fold keeps an infinity to its own place", {
  out <- ops$fold(array_reshape(c(1, Inf, 2, 3), c(1, 1, 4)), c(2L, 2L), 1L)
  expect_equal(raveled(out), c(1, Inf, 2, 3))
})

test_that("fold refuses non-3D inputs, channels the kernel does not divide and a wrong block count", {
  expect_error(ops$fold(array(1, c(1, 1, 4, 4)), 3L, 2L), "Input must be a 3D tensor", class = "value_error")
  expect_error(ops$fold(array(1, c(1, 3, 4)), 3L, 2L), "must be divisible by kernel_size product", class = "value_error")
  expect_error(ops$fold(array(1, c(1, 4, 5)), 3L, 2L), "number of sliding blocks", class = "value_error")
})

# --- adaptive pooling -----------------------------------------------------------------------

test_that("adaptive pooling pools PyTorch's bins of one spatial axis", {
  x <- array_reshape(as.numeric(1:10), c(1, 5, 2))
  # keras.ops.adaptive_average_pool(np.arange(1, 11.).reshape(1, 5, 2), 3).ravel()
  expect_equal(raveled(ops$adaptive_average_pool(x, 3L)), c(2, 3, 5, 6, 8, 9))
  # keras.ops.adaptive_max_pool(np.arange(1, 11.).reshape(1, 5, 2), 3).ravel()
  expect_equal(raveled(ops$adaptive_max_pool(x, 3L)), c(3, 4, 7, 8, 9, 10))
})

test_that("adaptive pooling takes channels_first and an output size per axis", {
  x <- array_reshape(as.numeric(1:20), c(1, 1, 4, 5))
  # keras.ops.adaptive_average_pool(np.arange(1, 21.).reshape(1, 1, 4, 5), (2, 3), data_format="channels_first")
  expect_equal(raveled(ops$adaptive_average_pool(x, c(2L, 3L), data_format = "channels_first")), c(4, 5.5, 7, 14, 15.5, 17))
  # keras.ops.adaptive_max_pool(np.arange(1, 21.).reshape(1, 1, 4, 5), (3, 2), data_format="channels_first")
  expect_equal(raveled(ops$adaptive_max_pool(x, c(3L, 2L), data_format = "channels_first")), c(8, 10, 13, 15, 18, 20))
})

test_that("adaptive pooling grows an axis by repeating its bins", {
  x <- array_reshape(as.numeric(1:3), c(1, 3, 1))
  expect_equal(raveled(ops$adaptive_average_pool(x, 5L)), c(1, 1.5, 2, 2.5, 3))
  expect_equal(raveled(ops$adaptive_max_pool(x, 5L)), c(1, 2, 2, 3, 3))
})

test_that("adaptive pooling works in 3D, with a global pool for output size 1", {
  x <- array(rnorm(2 * 6 * 5 * 4 * 3), c(2, 6, 5, 4, 3))
  expect_identical(as.integer(ops$adaptive_average_pool(x, c(2L, 3L, 2L))$shape), c(2L, 2L, 3L, 2L, 3L))
  expect_equal(c(as.array(ops$adaptive_average_pool(x, 1L))), c(apply(x, c(1, 5), mean)))
  expect_equal(c(as.array(ops$adaptive_max_pool(x, 1L))), c(apply(x, c(1, 5), max)))
})

test_that("adaptive max pooling keeps integer dtypes, average pooling gives floats", {
  x <- op_array(array_reshape(1:10, c(1, 5, 2)), "int32")
  expect_identical(ops$adaptive_max_pool(x, 3L)$dtype, "int32")
  expect_identical(ops$adaptive_average_pool(x, 3L)$dtype, "float32")
  expect_identical(ops$adaptive_average_pool(array(1, c(1, 4, 1)), 2L)$dtype, "float64")
})

test_that("adaptive max pooling propagates NaN within its bin only", {
  expect_equal(raveled(ops$adaptive_max_pool(array_reshape(c(1, NaN, 3, 4), c(1, 4, 1)), 2L)), c(NaN, 4))
})

test_that("adaptive pooling refuses ranks other than 3 to 5, bad output sizes and empty axes", {
  expect_error(ops$adaptive_max_pool(array(1, c(2, 3)), 2L), "adaptive_max_pool supports 1D, 2D, or 3D inputs only", class = "value_error")
  expect_error(ops$adaptive_average_pool(array(1, c(1, 2, 2, 2, 2, 2)), 2L), "adaptive_average_pool supports", class = "value_error")
  expect_error(ops$adaptive_max_pool(array(1, c(1, 4, 4, 1)), c(2L, 2L, 2L)), "output_size", class = "value_error")
  expect_error(ops$adaptive_max_pool(array(1, c(1, 4, 4, 1)), 0L), "output_size", class = "value_error")
  expect_error(ops$adaptive_max_pool(array(1, c(1, 0, 4, 1)), 2L), "must be positive", class = "value_error")
  expect_error(ops$adaptive_average_pool(array(1, c(1, 4, 4, 1)), 2L, data_format = "nope"), "data_format", class = "value_error")
})

# --- gammainc -------------------------------------------------------------------------------

test_that("gammainc is the regularized lower incomplete gamma function, float32 for ints", {
  out <- ops$gammainc(op_array(c(1, 2, 3), "float32"), op_array(c(0.5, 1, 2), "float32"))
  expect_identical(out$dtype, "float32")
  # scipy.special.gammainc([1., 2, 3], [0.5, 1, 2])
  expect_equal(as.array(out), array(c(0.39346936, 0.26424113, 0.3233236)), tolerance = 1e-6)
  expect_identical(ops$gammainc(op_array(2L, "int32"), op_array(1L, "int32"))$dtype, "float32")
})

test_that("gammainc keeps float64 and broadcasts", {
  out <- ops$gammainc(array(c(0.5, 2, 5, 10)), 1)
  expect_identical(out$dtype, "float64")
  expect_equal(as.array(out), array(pgamma(1, c(0.5, 2, 5, 10))))
  # scipy.special.gammainc([0.5, 2, 5, 10], [1, 0.5, 7, 3])
  expect_equal(as.array(ops$gammainc(array(c(0.5, 2, 5, 10)), array(c(1, 0.5, 7, 3)))),
               array(c(0.8427007929497151, 0.09020401043104986, 0.8270083921179285, 0.0011024881301154815)))
  expect_identical(as.integer(ops$gammainc(array(1, c(2, 1)), array(1, c(1, 3)))$shape), c(2L, 3L))
})

test_that("gammainc is 0 at x = 0, 1 at infinity and NaN outside its domain, as TensorFlow's igamma", {
  out <- ops$gammainc(array(c(0, -1, NaN, 1, 2, -1, 1)), array(c(1, 1, 1, 0, Inf, 0, -1)))
  expect_equal(as.array(out), array(c(NaN, NaN, NaN, 0, 1, 0, NaN)))
})

test_that("gammainc takes 0-d and empty tensors", {
  expect_equal(as.array(ops$gammainc(op_convert_to_tensor(2), op_convert_to_tensor(1))), 1 - 2 * exp(-1), tolerance = 1e-6, ignore_attr = TRUE)
  expect_identical(as.integer(ops$gammainc(array(1, c(0, 2)), 1)$shape), c(0L, 2L))
})

test_that("gammainc refuses shapes that do not broadcast", {
  expect_error(ops$gammainc(array(1, c(2, 3)), array(1, c(2, 2))), class = "value_error")
})

test_that("segment_prod with every id negative has no segments", {
  # Keras: ops.segment_prod(np.array([5., 6.], "float32"), np.array([-1, -1])) is empty
  result <- ops$segment_prod(op_array(c(5, 6)), op_array(c(-1L, -1L)))
  expect_identical(as.integer(op_shape(result)), 0L)
})

test_that("gammainc of two numbers is a 0-d tensor", {
  result <- ops$gammainc(2, 3)
  expect_identical(length(op_shape(result)), 0L)
  expect_equal(as.vector(as.array(result)), pgamma(3, 2), tolerance = 1e-6)
})

test_that("unfold gives no blocks where none fits, as TensorFlow's extract_patches", {
  expect_identical(as.integer(op_shape(ops$unfold(op_zeros(c(1, 1, 2, 2)), 3L))), c(1L, 9L, 0L))
})
