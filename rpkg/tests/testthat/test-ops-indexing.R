m <- rbind(c(11, 12, 10), c(12, 11, 10))
v <- keras_variable(m)

test_that("op_concatenate equals rbind (axis 1) and cbind (axis 2)", {
  expect_identical(as.array(op_concatenate(list(v, m))), rbind(m, m))
  expect_identical(as.array(op_concatenate(list(m, m[, 1:2]), axis = 2)), cbind(m, m[, 1:2]))
  expect_identical(as.array(op_concatenate(list(m, m), axis = -1)), cbind(m, m))
})

test_that("op_concatenate of mismatched shapes or no list is a classed error", {
  expect_bridge_error(op_concatenate(list(m, m[, 1:2])), "value_error", "must match exactly")
  expect_bridge_error(op_concatenate(m), "type_error", "must be a non-empty list")
})

test_that("op_stack adds a new first axis by default", {
  s <- op_stack(list(m, m * 2))
  expect_identical(dim(as.array(s)), c(2L, 2L, 3L))
  expect_identical(as.array(s)[2, , ], m * 2)
  expect_identical(as.array(op_stack(list(m, m), axis = 3))[, , 1], m)
})

test_that("op_unstack and op_split give lists of tensors", {
  rows <- op_unstack(v)
  expect_length(rows, 2)
  expect_identical(as.array(rows[[2]]), array(m[2, ], 3))
  expect_identical(lapply(op_split(op_arange(6L), 3), as.array), list(array(1:2, 2), array(3:4, 2), array(5:6, 2)))
  expect_identical(lapply(op_split(op_arange(6L), c(3, 5)), as.array), list(array(1:2, 2), array(3:4, 2), array(5:6, 2)))
  expect_bridge_error(op_split(op_arange(5L), 2), "value_error", "equal division")
})

test_that("op_unstack takes `num` equal to the axis length and refuses another, as TensorFlow's unstack does", {
  m <- matrix(1:6, 2)
  expect_length(op_unstack(m, num = 3, axis = 2), 3L)
  expect_bridge_error(op_unstack(m, num = 3), "value_error", "`num` must be the length of the axis unstacked, 2. Received: num=3", fixed = TRUE)
  expect_bridge_error(op_unstack(m, num = 1.5), "type_error", "`num` must be a whole number")
})

test_that("op_split reads a tensor as keras3 does: a 0-d one counts sections, a 1-D one holds 1-based points", {
  x <- op_array(matrix(1:6, 2))
  expect_identical(lapply(op_split(x, op_array(c(2L, 3L)), axis = 2), as.array), lapply(op_split(x, c(2, 3), axis = 2), as.array))
  expect_length(op_split(x, op_array(array(2L)), axis = 2), 2L)
  expect_length(op_split(x, op_array(3L), axis = 2), 3L)
  expect_identical(as.array(op_split(1:6, op_array(integer(0)))[[1L]]), array(1:6))
  expect_error(op_split(x, op_array(1.5), axis = 2), class = "type_error")
})

test_that("op_split's points slice as keras3 passes them to NumPy: negative from the end, clamped, out of order empty", {
  rows <- function(points) vapply(op_split(matrix(1:10, 5), points), function(t) dim(t)[1], 1L)
  # Row counts from numpy.split() with the points keras3 sends (positive ones less one).
  expect_identical(rows(c(-1, -1)), c(4L, 0L, 1L))
  expect_identical(rows(c(4, 2)), c(3L, 0L, 4L))
  expect_identical(rows(c(0, 3)), c(0L, 2L, 3L))
  expect_identical(rows(c(-3, 10)), c(2L, 3L, 0L))
  expect_identical(rows(c(-10, 2)), c(0L, 1L, 4L))
  expect_identical(as.array(op_split(matrix(1:10, 5), c(2, 4))[[2]]), matrix(c(2L, 3L, 7L, 8L), 2))
  expect_bridge_error(op_split(1:4, c(2, NA)), "value_error", "Split points must be whole numbers")
})

test_that("op_unstack and op_split refuse a bad axis, or a 0-d tensor, with a classed error", {
  m <- matrix(1:4, 2)
  expect_bridge_error(op_unstack(m, axis = 3), "value_error", "out of bounds")
  expect_bridge_error(op_split(m, 2, axis = 3), "value_error", "out of bounds")
  expect_bridge_error(op_unstack(m, axis = 0), "value_error", "1 based")
  expect_bridge_error(op_unstack(op_array(5)), "value_error", "0-d")
  expect_bridge_error(op_unstack(m, axis = NULL), "type_error", "axis=NULL")
  expect_bridge_error(op_split(m, 2, axis = NULL), "type_error", "axis=NULL")
  expect_identical(lapply(op_unstack(m, axis = -1), as.array), list(array(1:2), array(3:4)))
})

test_that("op_take picks 1-based indices along an axis, negative from the end", {
  expect_identical(as.array(op_take(v, c(3, 1), axis = 2)), m[, c(3, 1)])
  expect_identical(as.array(op_take(v, -1, axis = 2)), array(m[, 3], 2))
  expect_identical(as.array(op_take(v, c(1, 0), axis = 2, zero_indexed = TRUE)), m[, c(2, 1)])
})

test_that("op_take with zero_indexed keeps the axis for one double index and drops it for one integer, as keras3", {
  expect_identical(as.array(op_take(v, 1, axis = 2, zero_indexed = TRUE)), m[, 2, drop = FALSE])
  expect_identical(as.array(op_take(v, 1L, axis = 2, zero_indexed = TRUE)), array(m[, 2], 2))
  expect_identical(as.array(op_take(v, 1, zero_indexed = TRUE)), array(t(m)[2], 1))
  expect_identical(as.array(op_take(v, 2, axis = 2)), array(m[, 2], 2))
})

test_that("op_take without an axis picks from x flattened in row-major order, as keras3", {
  expect_identical(as.array(op_take(v, c(1, 2, 4))), array(as.vector(t(m))[c(1, 2, 4)], 3))
})

test_that("op_take takes a list of indices as keras3 passes it on, one index per element", {
  m <- matrix(1:6, 2)
  expect_identical(as.array(op_take(m, list(1, 3), axis = 2)), m[, c(1, 3)])
  expect_identical(as.array(op_take(1:6, list(c(1, 2), c(5, 6)))), rbind(1:2, 5:6))
  expect_length(as.array(op_take(1:6, list())), 0)
  # Nested lists are rows at every depth, as NumPy makes an array of them.
  m2 <- array((1:6) / 7, c(2, 3))
  # Flattened in row-major order, as Keras takes without an axis.
  flat <- c(t(m2))
  expect_identical(as.array(op_take(m2, list(list(2L)))), matrix(flat[2]))
  expect_identical(as.array(op_take(m2, list(list(2L, 3L)))), matrix(flat[2:3], 1))
  # Every index exact, zero-indexed too (float32 would read 16777217 as 16777216).
  big <- op_arange(0L, 16777220L, dtype = "int32", include_end = FALSE)
  expect_identical(values(op_take(big, list(16777218))), 16777217L)
  expect_identical(values(op_take(big, list(16777217), zero_indexed = TRUE)), 16777217L)
  deep <- 2L
  for (i in 1:5000) deep <- list(deep)
  expect_bridge_error(op_take(1:6, deep), "value_error", "nested more than 64 deep")
})

test_that("op_take out of range is an index_error", {
  expect_bridge_error(op_take(v, 4, axis = 2), "index_error", "out of bounds")
})

test_that("op_argmax and op_argmin are 1-based as keras3, like which.max", {
  expect_identical(values(op_argmax(v)), 2L)
  expect_identical(as.array(op_argmax(v, axis = 1)), array(apply(m, 2, which.max), 3))
  expect_identical(as.array(op_argmin(v, axis = 2)), array(apply(m, 1, which.min), 2))
  expect_identical(as.array(op_argmax(v, axis = 1, zero_indexed = TRUE)), array(apply(m, 2, which.max) - 1L, 3))
  expect_identical(op_argmax(v)$dtype, "int32")
})

test_that("op_cumsum and op_cumprod equal cumsum and cumprod along an axis", {
  expect_identical(as.array(op_cumsum(v, axis = 2)), t(apply(m, 1, cumsum)))
  expect_identical(as.array(op_cumprod(v, axis = 1)), apply(m, 2, cumprod))
  expect_identical(as.array(op_cumsum(v)), array(cumsum(as.vector(t(m))), 6))
  expect_identical(op_cumsum(array(1:3, 3), dtype = "float32")$dtype, "float32")
})

test_that("op_cumsum and op_cumprod asked for bool run in int32 on the values, as Keras", {
  expect_identical(as.array(op_cumsum(op_array(c(3, -1.5, 2), "float32"), dtype = "bool")), array(c(3L, 2L, 4L)))
  expect_identical(as.array(op_cumprod(array(c(3L, -2L, 2L)), dtype = "bool")), array(c(3L, -6L, -12L)))
})

test_that("op_flip reverses rows, columns or both", {
  expect_identical(as.array(op_flip(v, axis = 1)), m[2:1, ])
  expect_identical(as.array(op_flip(v, axis = 2)), m[, 3:1])
  expect_identical(as.array(op_flip(v)), m[2:1, 3:1])
})

test_that("op_broadcast_to repeats as NumPy, and says when it cannot", {
  expect_identical(as.array(op_broadcast_to(array(c(1, 2, 3), c(1, 3)), c(2, 3))), rbind(1:3, 1:3) + 0)
  expect_bridge_error(op_broadcast_to(array(c(1, 2, 3), 3), c(2, 2)), "value_error", "Cannot broadcast shape (3,) to shape (2, 2).", fixed = TRUE)
})

test_that("op_one_hot encodes 1-based classes as keras3", {
  encoded <- op_one_hot(c(2, 4, 3, 1), num_classes = 4)
  expect_identical(as.array(encoded), diag(4)[c(2, 4, 3, 1), ])
  expect_identical(encoded$dtype, "float32")
  expect_identical(as.array(op_one_hot(c(1L, 0L), 2L, zero_indexed = TRUE, dtype = "int32")), matrix(c(0L, 1L, 1L, 0L), 2))
  expect_identical(dim(as.array(op_one_hot(c(1, 2), 3, axis = 1))), c(3L, 2L))
  expect_identical(dim(as.array(op_one_hot(c(1, 2), 3, axis = -2))), c(3L, 2L))
  expect_bridge_error(op_one_hot(c(1, 2), 3, axis = 0), "value_error", "1 based")
})

test_that("op_one_hot takes a list of index vectors as keras3's as_py_index() hands it on: one row each", {
  expect_equal(as.array(op_one_hot(list(c(1L, 2L), c(3L, 1L)), 3)), aperm(array(c(1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0), c(3, 2, 2)), c(3, 2, 1)))
  expect_equal(as.array(op_one_hot(list(op_array(1L), 3), 3)), rbind(c(1, 0, 0), c(0, 0, 1)))
  expect_identical(op_shape(op_one_hot(list(), 3)), shape(0, 3))
})

test_that("op_one_hot encodes a factor by its levels, as keras3 describes", {
  f <- factor(c("b", "a", "b"), levels = c("a", "b", "c"))
  expect_identical(as.array(op_one_hot(f)), diag(3)[c(2, 1, 2), ])
  expect_identical(dim(as.array(op_one_hot(f, num_classes = 5))), c(3L, 5L))
  expect_bridge_error(op_one_hot(f, zero_indexed = TRUE), "value_error", "zero_indexed=TRUE is incompatible with `x` being a factor.", fixed = TRUE)
})

test_that("op_moments gives the mean and population variance, as keras3's example", {
  moments <- op_moments(c(0, 1, 2, 3, 100), axes = 1)
  expect_equal(values(moments[[1]]), 21.2, tolerance = 1e-6)
  expect_equal(values(moments[[2]]), 1553.36, tolerance = 1e-6)
})

test_that("op_moments of float16 computes in float32 and clips to float16's range, as Keras", {
  x <- op_array(c(-741, 353.2, 1099, -1807, 502.8, -83.4, 333.5, -130.9), "float16")
  moments <- op_moments(x, axes = 1)
  expect_identical(op_dtype(moments[[2]]), "float16")
  # Keras's test_moments: the variance overflows float16 and is clipped to its largest value.
  expect_identical(values(moments[[2]]), 65504)
  expect_equal(values(moments[[1]]), -59.21875, tolerance = 1e-3)
})

test_that("op_slice and op_slice_update take a list of scalar tensors as start_indices, as Keras's dynamic slices", {
  i <- op_convert_to_tensor(3L)
  expect_identical(values(op_slice(0:9, list(i), 1)), 2L)
  expect_identical(values(op_slice_update(0:4, list(i), array(9L, 1))), c(0L, 1L, 9L, 3L, 4L))
})

test_that("op_slice and op_slice_update of a scalar take no start indices, as Keras slices a 0-d tensor with []", {
  sliced <- op_slice(op_array(5L), integer(), integer())
  expect_identical(list(op_ndim(sliced), values(sliced)), list(0L, 5L))
  expect_identical(values(op_slice(op_array(5L), list(), list())), 5L)
  updated <- op_slice_update(op_array(5L), list(), op_array(7L))
  expect_identical(list(op_ndim(updated), values(updated)), list(0L, 7L))
  expect_bridge_error(op_slice(op_zeros(3), list(), list()), "value_error", "must match the number of dimensions")
})

test_that("op_slice with too few or too many start indices or sizes gives Keras's messages (test_slice_invalid_inputs)", {
  x <- op_zeros(c(3, 3))
  expect_bridge_error(op_slice(x, c(2, 2), c(2, 2, 2)), "value_error", "The number of dimensions in `inputs` must match the number of dimensions in `shape`", fixed = TRUE)
  expect_bridge_error(op_slice(x, c(2, 2, 2), c(2, 2)), "value_error", "The number of dimensions in `start_indices` must match the number of dimensions in `inputs`", fixed = TRUE)
})

test_that("op_slice takes the block at 1-based start_indices, as keras3's example", {
  x <- op_reshape(op_arange(25L), c(5, 5))
  expect_identical(as.array(op_slice(x, c(3, 3), c(2, 2))), matrix(c(13L, 18L, 14L, 19L), 2))
  expect_bridge_error(op_slice(x, c(5, 5), c(2, 2)), "value_error", "leaves the tensor")
})

test_that("op_slice and op_slice_update take start_indices as a list or a tensor, as keras3 documents", {
  b <- matrix(0:24, 5, byrow = TRUE)
  block <- matrix(c(6L, 11L, 7L, 12L), 2)
  expect_identical(as.array(op_slice(b, list(2, 2), c(2, 2))), block)
  expect_identical(as.array(op_slice(b, op_array(c(2L, 2L)), c(2, 2))), block)
  expected <- matrix(0, 3, 3)
  expected[2:3, 2:3] <- 1
  expect_identical(as.array(op_slice_update(op_zeros(c(3, 3), dtype = "float64"), list(2, 2), op_ones(c(2, 2)))), expected)
})

test_that("op_slice, op_slice_update and op_top_k take a double vector as a 1-D array: float64, as keras3's as_array()", {
  expect_identical(op_dtype(op_slice(c(1, 2, 3, 4), 2, 2)), "float64")
  expect_identical(op_dtype(op_slice_update(c(0, 0, 0), 2, c(7, 8))), "float64")
  expect_identical(op_dtype(op_top_k(c(5, 2, 7), k = 2)$values), "float64")
})

test_that("op_slice_update writes into a copy at 1-based start_indices", {
  z <- keras_variable(array(0, c(5, 5)))
  updated <- op_slice_update(z, c(3, 3), op_ones(c(2, 2)))
  expected <- array(0, c(5, 5))
  expected[3:4, 3:4] <- 1
  expect_identical(as.array(updated), expected)
  expect_identical(as.array(z), array(0, c(5, 5)))
})

test_that("op_pad reads a list of numbers, or a list of one pair, as one pair for every axis, as Keras's Pad", {
  x <- matrix(1:6, 2)
  expect_identical(dim(as.array(op_pad(x, list(1L, 2L)))), c(5L, 6L))
  expect_identical(dim(as.array(op_pad(x, list(c(1L, 2L))))), c(5L, 6L))
  expect_identical(dim(as.array(op_pad(x, list(c(1L, 2L)), mode = "reflect"))), c(5L, 6L))
  expect_identical(dim(as.array(op_pad(x, list(list(1L), list(2L))))), c(4L, 7L))
})

test_that("op_pad refuses a padded tensor too large at once, before filling either side", {
  # Each side alone (4 GiB of float32) fits a tensor; filled before, the two took the machine's memory.
  expect_error(op_pad(c(1, 2, 3), c(2^30, 2^30)), "Unable to allocate 8.00 GiB", class = "memory_error")
  expect_error(op_pad(c(1, 2, 3), c(2^62, 2^62), mode = "edge"), class = "memory_error")
})

test_that("op_pad pads with a constant or NumPy's modes", {
  expect_identical(as.array(op_pad(matrix(1:4, 2), 1)), rbind(0L, cbind(0L, matrix(1:4, 2), 0L), 0L))
  expect_identical(as.array(op_pad(c(1, 2, 3), c(2, 1), mode = "reflect")), array(c(3, 2, 1, 2, 3, 2), 6))
  expect_identical(as.array(op_pad(c(1, 2, 3), 1, constant_values = 9)), array(c(9, 1, 2, 3, 9), 5))
  expect_identical(dim(as.array(op_pad(matrix(1:4, 2), rbind(c(1, 0), c(0, 2))))), c(3L, 4L))
  expect_identical(as.array(op_pad(matrix(1:4, 2), list(c(1L, 0L), c(0L, 2L)))), rbind(0L, cbind(matrix(1:4, 2), 0L, 0L)))
  expect_identical(as.array(op_pad(c(1, 2, 3), list(c(1, 2)))), array(c(0, 1, 2, 3, 0, 0)))
  expect_bridge_error(op_pad(matrix(1:4, 2), list(c(1, 0), 2)), "value_error", "pad_width")
  expect_identical(values(op_pad(op_array(5), 1)), 5)
  expect_bridge_error(op_pad(c(1, 2), 1, mode = "edge", constant_values = 0), "value_error", "can only be provided when `mode == 'constant'`")
})

test_that("flags such as zero_indexed take TRUE or FALSE only, as keras3's if () does", {
  expect_bridge_error(op_argmax(c(1, 3, 2), zero_indexed = NA), "type_error",
                      "Argument `zero_indexed` must be a boolean (TRUE or FALSE). Received: zero_indexed=NA", fixed = TRUE)
  expect_bridge_error(op_one_hot(1:2, 3L, zero_indexed = "yes"), "type_error", "Argument `zero_indexed` must be a boolean", fixed = TRUE)
  expect_bridge_error(op_cholesky(diag(2), upper = "a"), "type_error", "Argument `upper` must be a boolean", fixed = TRUE)
  expect_bridge_error(op_isclose(1, 1, equal_nan = NA), "type_error", "Argument `equal_nan` must be a boolean", fixed = TRUE)
  expect_identical(values(op_argmax(c(1, 3, 2), zero_indexed = FALSE)), 2L)
})

test_that("an error about many indices shows the first ten and their number", {
  err <- tryCatch(op_take(1:3, c(rep(1, 1e5), 1.5)), kerasbridge_error = identity)
  expect_match(conditionMessage(err), "Received: 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, ... (100001 in all)", fixed = TRUE)
})

test_that("1-based indices shift down, 0 and negative ones stay as they are", {
  expect_identical(as.array(op_take(c(10, 20, 30), c(3L, 1L, -1L, 0L))), array(c(30, 10, 30, 10), 4))
  expect_identical(as.array(op_take(c(10, 20, 30), array(c(2, 3, 1, 2), c(2, 2)))), array(c(20, 30, 10, 20), c(2, 2)))
})

test_that("indices and split points that are not numbers are classed errors", {
  x <- op_array(matrix(1:6, 2))
  expect_bridge_error(op_take(x, "a"), "type_error", "Indices must be whole numbers. Received: a", fixed = TRUE)
  expect_bridge_error(op_take(x, factor("a")), "type_error", "Indices must be whole numbers", fixed = TRUE)
  expect_bridge_error(op_one_hot("a", 3L), "type_error", "Indices must be whole numbers", fixed = TRUE)
  expect_bridge_error(op_split(x, function(z) z), "value_error", "Split points and counts must be whole numbers", fixed = TRUE)
  expect_bridge_error(op_split(x, list(1, "a")), "value_error", "Split points and counts must be whole numbers", fixed = TRUE)
  expect_bridge_error(op_median(x, keepdims = NA), "type_error", "Argument `keepdims` must be a boolean", fixed = TRUE)
})

test_that("op_hstack joins 1-d tensors end to end and matrices side by side, as cbind()", {
  expect_identical(as.array(op_hstack(c(1, 2), c(3, 4, 5))), array(c(1, 2, 3, 4, 5)))
  m <- matrix(1:4, 2)
  expect_identical(as.array(op_hstack(list(m, m * 10L))), cbind(m, m * 10L))
  expect_identical(as.array(op_hstack(list(m), m)), cbind(m, m))
  expect_identical(op_hstack(list(array(1:2), c(0.5, 1)))$dtype, "float64")
})

test_that("op_vstack stacks matrices as rbind() does and makes 1-d tensors rows", {
  m <- matrix(1:4, 2)
  expect_identical(as.array(op_vstack(list(m, m + 4L))), rbind(m, m + 4L))
  expect_identical(as.array(op_vstack(c(1, 2), c(3, 4))), rbind(c(1, 2), c(3, 4)))
  expect_identical(op_shape(op_vstack(list(op_array(1), op_array(2))))[[2]], 1L)
})

test_that("op_hstack and op_vstack of nothing are the type_error op_concatenate gives", {
  expect_bridge_error(op_hstack(list()), "type_error", "non-empty list")
  expect_bridge_error(op_vstack(list()), "type_error", "non-empty list")
})

test_that("op_append flattens both in row-major order without an axis, and joins along one with it", {
  m <- matrix(1:4, 2)
  expect_identical(values(op_append(m, c(5L, 6L))), c(1L, 3L, 2L, 4L, 5L, 6L))
  expect_identical(as.array(op_append(m, matrix(5:6, 1), axis = 1)), rbind(m, 5:6))
  expect_identical(as.array(op_append(m, matrix(5:6, 2), axis = -1)), cbind(m, 5:6))
  expect_identical(op_append(array(1:2), array(0.5))$dtype, "float64")
  expect_bridge_error(op_append(m, matrix(1:3, 1), axis = 1), "value_error")
})

test_that("op_diff takes differences of neighbours along the last axis by default, as diff() on rows", {
  m <- matrix(c(1, 5, 2, 7, 4, 0), 2)
  expect_identical(as.array(op_diff(m)), t(apply(m, 1, diff)))
  expect_identical(as.array(op_diff(m, axis = 1)), diff(m))
  expect_identical(values(op_diff(c(1, 4, 9, 16), n = 2)), diff(c(1, 4, 9, 16), differences = 2))
})

test_that("op_diff with n = 0 returns the input, and past the axis's length is empty", {
  expect_identical(values(op_diff(c(1, 2, 4), n = 0)), c(1, 2, 4))
  expect_identical(as.integer(op_shape(op_diff(c(1, 2), n = 3))), 0L)
  expect_identical(as.integer(op_shape(op_diff(matrix(1:6, 2), axis = 1, n = 2))), c(0L, 3L))
})

test_that("op_diff of bool says where neighbours differ, as NumPy", {
  expect_identical(values(op_diff(c(TRUE, FALSE, FALSE, TRUE))), c(TRUE, FALSE, TRUE))
})

test_that("op_diff refuses a negative or fractional n and a bad axis", {
  expect_bridge_error(op_diff(c(1, 2), n = -1), "value_error", "order must be non-negative but got -1")
  expect_bridge_error(op_diff(c(1, 2), n = 1.5), "type_error", "n=1.5")
  expect_bridge_error(op_diff(c(1, 2), axis = 2), "value_error", "out of bounds")
})

test_that("op_rot90 turns a matrix anticlockwise, k quarter turns, negative k clockwise", {
  m <- matrix(1:6, 2, byrow = TRUE)
  anticlockwise <- function(a) t(a)[ncol(a):1, , drop = FALSE]
  expect_identical(as.array(op_rot90(m)), anticlockwise(m))
  expect_identical(as.array(op_rot90(m, k = 2)), anticlockwise(anticlockwise(m)))
  expect_identical(as.array(op_rot90(m, k = -1)), anticlockwise(anticlockwise(anticlockwise(m))))
  expect_identical(as.array(op_rot90(m, k = 4)), m)
  expect_identical(as.array(op_rot90(m, axes = c(2, 1))), as.array(op_rot90(m, k = 3)))
})

test_that("op_rot90 turns each matrix of a batch in the plane of the axes given", {
  a <- array(1:24, c(2, 3, 4))
  turned <- as.array(op_rot90(a, axes = list(2, 3)))
  expect_identical(dim(turned), c(2L, 4L, 3L))
  for (i in 1:2) expect_identical(turned[i, , ], as.array(op_rot90(a[i, , ])))
})

test_that("op_rot90 needs two dimensions and two different axes", {
  expect_bridge_error(op_rot90(c(1, 2)), "value_error", "at least 2 dimensions. Received: array.ndim=1")
  expect_bridge_error(op_rot90(diag(2), axes = c(1, 1)), "value_error", "two different dimensions")
  expect_bridge_error(op_rot90(diag(2), axes = c(1, -2)), "value_error", "two different dimensions")
  expect_bridge_error(op_rot90(diag(2), axes = 1), "value_error", "Invalid axes")
  expect_bridge_error(op_rot90(diag(2), k = NA), "type_error", "k=NA")
  expect_bridge_error(op_rot90(diag(2), axes = c(0, 1)), "value_error", "1 based")
})

test_that("op_concatenate with axis = NULL joins the tensors flattened in row-major order, as NumPy's", {
  a <- matrix(1:4, 2)
  b <- matrix(5:8, 2)
  expect_identical(as.array(op_concatenate(list(a, b), axis = NULL)), array(c(as.vector(t(a)), as.vector(t(b)))))
})

test_that("op_slice takes a length of -1 as the rest of its axis, as Keras's slice", {
  m <- rbind(1:3, 4:6, 7:9)
  expect_identical(as.array(op_slice(m, c(2, 2), c(-1, -1))), m[2:3, 2:3])
  expect_identical(as.array(op_slice(m, c(1, 3), c(2, -1))), m[1:2, 3, drop = FALSE])
})

# Expected values: NumPy 1.24's np.pad(x, ((1, 2), (2, 1)), mode) for x = [[1, 5, 2], [7, 3, 9]].
test_that("op_pad's constant is cast to the tensor's dtype as NumPy casts it: int64 whole, complex with both parts, fractions cut", {
  big <- op_squeeze(op_add(op_full(1, 2^53, "int64"), op_array(1L, "int64")))
  expect_identical(as.character(op_pad(op_array(c(1L, 2L), "int64"), c(1, 0), constant_values = big)), c("9007199254740993", "1", "2"))
  expect_identical(as.array(op_pad(op_array(c(1 + 1i, 2)), c(1, 0), constant_values = 3 - 2i)), array(c(3 - 2i, 1 + 1i, 2 + 0i), 3))
  expect_identical(as.array(op_pad(1:2, 1, constant_values = 2.7)), array(c(2L, 1L, 2L, 2L), 4))
  expect_bridge_error(op_pad(1:2, 1, constant_values = NA), "type_error", "must be a number")
  # TRUE is Python's True: bool padding, or 1 in numbers.
  expect_identical(as.array(op_pad(op_array(c(TRUE, FALSE)), 1L, constant_values = TRUE)), array(c(TRUE, TRUE, FALSE, TRUE)))
  expect_identical(as.array(op_pad(c(2.5, 1), 1L, constant_values = TRUE)), array(c(1, 2.5, 1, 1)))
  expect_bridge_error(op_pad(1:2, 1, constant_values = op_array(c(1, 2))), "type_error", "must be a number")
})

test_that("op_pad's statistic modes pad each axis with its maximum, minimum, mean or median, axis by axis as NumPy", {
  x <- rbind(c(1, 5, 2), c(7, 3, 9))
  widths <- list(c(1, 2), c(2, 1))
  expect_equal(as.array(op_pad(x, widths, mode = "maximum")),
               rbind(c(9, 9, 7, 5, 9, 9), c(5, 5, 1, 5, 2, 5), c(9, 9, 7, 3, 9, 9), c(9, 9, 7, 5, 9, 9), c(9, 9, 7, 5, 9, 9)))
  expect_equal(as.array(op_pad(x, widths, mode = "minimum")),
               rbind(c(1, 1, 1, 3, 2, 1), c(1, 1, 1, 5, 2, 1), c(3, 3, 7, 3, 9, 3), c(1, 1, 1, 3, 2, 1), c(1, 1, 1, 3, 2, 1)))
  expect_equal(as.array(op_pad(x, widths, mode = "mean")),
               rbind(c(4.5, 4.5, 4, 4, 5.5, 4.5), c(8 / 3, 8 / 3, 1, 5, 2, 8 / 3), c(19 / 3, 19 / 3, 7, 3, 9, 19 / 3), c(4.5, 4.5, 4, 4, 5.5, 4.5), c(4.5, 4.5, 4, 4, 5.5, 4.5)))
  expect_equal(as.array(op_pad(x, widths, mode = "median")),
               rbind(c(4, 4, 4, 4, 5.5, 4), c(2, 2, 1, 5, 2, 2), c(7, 7, 7, 3, 9, 7), c(4, 4, 4, 4, 5.5, 4), c(4, 4, 4, 4, 5.5, 4)))
})

test_that("op_pad rounds an integer mean or median half to even, as NumPy", {
  expect_identical(as.array(op_pad(c(1L, 2L, 4L, 4L), c(1, 1), mode = "mean")), array(c(3L, 1L, 2L, 4L, 4L, 3L)))
  expect_identical(as.array(op_pad(c(1L, 4L), c(1, 1), mode = "median")), array(c(2L, 1L, 4L, 2L)))
})

test_that("op_pad's linear_ramp runs from 0 to the edge values, floored for integers, as NumPy", {
  x <- rbind(c(1, 5, 2), c(7, 3, 9))
  expect_equal(as.array(op_pad(x, list(c(1, 2), c(2, 1)), mode = "linear_ramp")),
               rbind(rep(0, 6), c(0, 0.5, 1, 5, 2, 0), c(0, 3.5, 7, 3, 9, 0), c(0, 1.75, 3.5, 1.5, 4.5, 0), rep(0, 6)))
  expect_identical(as.array(op_pad(c(4L, 1L), c(3, 0), mode = "linear_ramp")), array(c(0L, 1L, 2L, 4L, 1L)))
  # NumPy 1.24: np.pad(np.array([-5, 9], dtype=np.int32), 3, mode="linear_ramp").
  expect_identical(as.array(op_pad(c(-5L, 9L), 3, mode = "linear_ramp")), array(c(0L, -2L, -4L, -5L, 9L, 6L, 3L, 0L)))
})

test_that("op_pad's empty mode gives the shape, and the statistic modes refuse an empty axis", {
  expect_identical(dim(as.array(op_pad(c(1, 2), c(1, 1), mode = "empty"))), 4L)
  expect_error(op_pad(array(numeric(0), c(0, 2)), list(c(1, 0), c(0, 0)), mode = "maximum"), class = "value_error", regexp = "empty axis")
})

test_that("op_append, op_vdot and op_inner take plain R vectors as keras3 passes them, Python lists in floatx", {
  int8 <- op_ones(3, dtype = "int8")
  expect_identical(op_append(int8, c(1, 2, 3))$dtype, "float32")
  expect_identical(op_append(int8, c(1, 2, 3), axis = 1)$dtype, "float32")
  expect_identical(op_vdot(int8, c(1, 2, 3))$dtype, "float32")
  expect_identical(op_inner(int8, c(1, 2, 3))$dtype, "float32")
  expect_identical(op_bincount(op_array(c(0L, 1L, 1L), "int8"), weights = c(1, 1, 1))$dtype, "float32")
  expect_identical(op_append(int8, matrix(1, 1, 3))$dtype, "float64")
})

test_that("op_diff of an order beyond the axis's length is empty at once, as NumPy's", {
  expect_identical(dim(as.array(op_diff(c(1, 2, 3), n = 1e9))), 0L)
  expect_identical(values(op_diff(array(c(1, 4, 9, 16)), n = 2)), c(2, 2))
  expect_identical(dim(as.array(op_diff(matrix(1, 2, 3), n = 5, axis = 1))), c(0L, 3L))
})


test_that("op_split refuses a fractional number of sections", {
  expect_bridge_error(op_split(1:4, 1.5), "type_error", "`indices_or_sections` must be a whole number. Received: indices_or_sections=1.5", fixed = TRUE)
})

test_that("op_split refuses a fractional split point", {
  expect_bridge_error(op_split(1:4, c(1.5, 3)), "type_error", "Indices must be whole numbers. Received: 1.5, 3.0", fixed = TRUE)
})
