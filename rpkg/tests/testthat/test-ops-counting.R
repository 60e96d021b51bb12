# Counting, binning and scattering ops; expected values from NumPy (np.bincount, np.digitize,
# np.searchsorted, np.histogram, np.unravel_index, np.argpartition) and Keras's own tests.


test_that("op_bincount counts whole numbers from 0, as tabulate() does from 1", {
  x <- c(1, 2, 2, 3)
  out <- op_bincount(x)
  expect_identical(op_dtype(out), "int32")
  expect_equal(values(out), tabulate(x + 1))
  expect_equal(values(op_bincount(op_array(x, "uint8"), minlength = 6L)), c(0, 1, 2, 1, 0, 0))
})

test_that("op_bincount counts FALSE as 0 and TRUE as 1, from a bool tensor or a logical vector, in int32", {
  flags <- c(TRUE, FALSE, TRUE)
  for (x in list(op_array(flags), flags)) {
    out <- op_bincount(x)
    expect_identical(op_dtype(out), "int32")
    expect_identical(values(out), tabulate(flags + 1L))
  }
})

test_that("op_bincount sums weights by value, in the promoted dtype", {
  x <- op_array(c(1, 2, 2, 3), "uint8")
  out <- op_bincount(x, weights = x / 2)
  expect_identical(op_dtype(out), "float32")
  expect_equal(values(out), c(0, 0.5, 2, 1.5))
})

test_that("op_bincount of R numbers sums weights in the weights' dtype, as keras3 hands the numbers on as int32", {
  x <- c(1, 2, 2, 3)
  out <- op_bincount(x, weights = c(0.5, 1, 1, 1.5))
  expect_identical(op_dtype(out), "float32")
  expect_equal(values(out), c(0, 0.5, 2, 1.5))
  expect_identical(op_dtype(op_bincount(x, weights = c(1L, 2L, 2L, 3L))), "int32")
  expect_identical(op_dtype(op_bincount(c(TRUE, FALSE), weights = op_array(c(1, 2), "float64"))), "float64")
})

test_that("op_bincount counts each row of a matrix to the same length", {
  x <- rbind(c(1L, 1L, 2L, 3L), c(0L, 0L, 0L, 5L))
  out <- op_bincount(x)
  expect_equal(as.array(out), rbind(c(0, 2, 1, 1, 0, 0), c(3, 0, 0, 0, 0, 1)))
})

test_that("op_bincount places weighted sums among many bins, each row of a matrix alike", {
  counts <- as.vector(as.array(op_bincount(c(1L, 2L, 2L), weights = c(1, 2, 3), minlength = 1e6)))
  expect_length(counts, 1e6)
  expect_identical(counts[1:4], c(0, 1, 5, 0))
  expect_identical(sum(counts), 6)
  rows <- as.array(op_bincount(rbind(c(0L, 3L), c(3L, 3L)), weights = rbind(c(0.5, 1), c(2, 4))))
  expect_identical(rows, rbind(c(0.5, 0, 0, 1), c(0, 0, 0, 6)))
})

test_that("op_bincount of a matrix has one row per input row, even with one bin", {
  zeros <- matrix(0L, 3, 2)
  expect_identical(as.array(op_bincount(zeros)), matrix(2L, 3, 1))
  expect_identical(as.array(op_bincount(zeros, weights = matrix(c(1, 2, 3, 4, 5, 6), 3))), matrix(c(5, 7, 9), 3, 1))
})

test_that("op_bincount refuses negative values, floats and sparse output", {
  expect_error(op_bincount(c(1, -1)), "no negative", class = "value_error")
  expect_error(op_bincount(op_array(c(1, 2))), class = "type_error")
  expect_error(op_bincount(c(1, 2), sparse = TRUE), class = "value_error")
  expect_error(op_bincount(c(1, 2), minlength = -1), class = "value_error")
})

test_that("op_searchsorted gives 1-based places, left or right of equal values, as findInterval()", {
  a <- c(1, 2, 2, 3, 4, 5, 5)
  v <- c(4, 3, 5, 1, 2)
  expect_equal(values(op_searchsorted(a, v)), c(4, 3, 5, 0, 1) + 1)
  expect_equal(values(op_searchsorted(a, v, side = "right", zero_indexed = TRUE)), c(5, 4, 7, 1, 3))
  expect_identical(op_dtype(op_searchsorted(a, v)), "int32")
  m <- op_searchsorted(a, rbind(c(4, 3), c(5, 1)), zero_indexed = TRUE)
  expect_equal(as.array(m), rbind(c(4, 3), c(5, 0)))
})

test_that("op_searchsorted places NaN after every number, as NumPy sorts it", {
  expect_equal(values(op_searchsorted(c(1, 2, NaN), c(NaN, 3), zero_indexed = TRUE)), c(2, 2))
  expect_equal(values(op_searchsorted(c(1, 2, NaN), c(NaN, 3), side = "right", zero_indexed = TRUE)), c(3, 2))
})

test_that("op_searchsorted compares int64 exactly beyond 2^53, as NumPy does", {
  s <- op_array(c(2^53, 2^53), "int64") + op_array(c(0L, 1L), "int64")
  v <- op_array(2^53, "int64") + 1L
  expect_identical(as.vector(as.array(op_searchsorted(s, v, zero_indexed = TRUE))), 1L)
  expect_identical(as.vector(as.array(op_searchsorted(op_reshape(op_array(2^53, "int64") + 1L, 1), op_array(2^53, "int64"), side = "right", zero_indexed = TRUE))), 0L)
})

test_that("op_searchsorted takes R numbers as keras3 hands them: arrays of at least one axis, doubles in floatx", {
  # keras3's as_py_array(): the R edges meet float32 values in float32, where float64 edges
  # would place 0.1f (0.100000001) after 0.1.
  expect_identical(as.vector(as.array(op_searchsorted(c(0.1, 0.2, 0.3), op_array(c(0.1, 0.3), "float32")))), c(1L, 3L))
  expect_identical(as.vector(as.array(op_searchsorted(c(1, 1 + 1e-9, 2), 1 + 1e-9))), 1L)
  expect_identical(op_shape(op_searchsorted(c(1, 2), 1.5)), shape(1))
  expect_identical(as.vector(as.array(op_searchsorted(c(1, 2, 3), 2.5))), 3L)
  local({
    config_set_floatx("float64")
    on.exit(config_set_floatx("float32"))
    expect_identical(as.vector(as.array(op_searchsorted(c(1, 1 + 1e-9, 2), 1 + 1e-9))), 2L)
  })
  expect_error(op_searchsorted(op_array(5), 3), "only supports 1-D", class = "value_error")
})

test_that("op_searchsorted refuses an N-D or unsorted sequence and an unknown side", {
  expect_error(op_searchsorted(matrix(1:4, 2), 1), "only supports 1-D", class = "value_error")
  expect_error(op_searchsorted(c(3, 1, 2), 1), "sorted", class = "value_error")
  expect_error(op_searchsorted(1:3, 1, side = "middle"), class = "value_error")
})

test_that("op_digitize gives each value's bin, 1-based, for increasing and decreasing bins", {
  expect_equal(values(op_digitize(c(-1, 0, 1, 3, 3.5, 4.5, 1.6, 8), c(0, 3, 4.5, 7))), c(1, 2, 2, 3, 3, 4, 2, 5))
  expect_equal(values(op_digitize(c(0.2, 6.4, 3.0, 1.6), c(0, 1, 2.5, 4, 10), zero_indexed = TRUE)), c(1, 4, 3, 2))
  expect_equal(values(op_digitize(c(1, 4, 10, 15), c(4, 10, 14, 15), zero_indexed = TRUE)), c(0, 1, 2, 4))
  expect_equal(values(op_digitize(c(1, 4, 10, 15, NaN), c(15, 14, 10, 4), zero_indexed = TRUE)), c(4, 3, 2, 0, 0))
  expect_identical(op_dtype(op_digitize(c(1, 2), c(0, 3))), "int32")
  expect_error(op_digitize(1, c(1, 3, 2)), "monotonically", class = "value_error")
})

test_that("op_histogram counts values in equal bins, as hist() and np.histogram do", {
  x <- c(0.5488135, 0.7151894, 0.6027634, 0.5448832, 0.4236548, 0.6458941, 0.4375872, 0.8917730, 0.9636628, 0.3834415)
  out <- op_histogram(array(x), bins = 4)
  expect_length(out, 2L)
  expect_equal(values(out[[1L]]), c(3, 4, 1, 2))
  expect_equal(values(out[[2L]]), seq(min(x), max(x), length.out = 5))
  ranged <- op_histogram(array(x), bins = 3, range = c(0.2, 0.8))
  expect_equal(values(ranged[[1L]]), c(1, 4, 3))
  expect_equal(values(ranged[[2L]]), c(0.2, 0.4, 0.6, 0.8))
  expect_equal(values(op_histogram(c(3, 3), bins = 2)[[1L]]), c(0, 2))
  expect_equal(values(op_histogram(numeric(0), bins = 2)[[2L]]), c(0, 0.5, 1))
})

test_that("op_histogram counts in x's float dtype, as Keras's output spec, and int32 for integers", {
  expect_identical(op_dtype(op_histogram(op_array(c(0.1, 0.9), "float32"))[[1L]]), "float32")
  expect_identical(op_dtype(op_histogram(array(c(0.1, 0.9)))[[1L]]), "float64")
  expect_identical(op_dtype(op_histogram(op_array(1:3, "int32"))[[1L]]), "int32")
})

test_that("op_histogram refuses bad bins, ranges and inputs", {
  expect_error(op_histogram(1:3, bins = -1), class = "value_error")
  expect_error(op_histogram(1:3, bins = 1.5), class = "type_error")
  expect_error(op_histogram(1:3, range = c(3, 1)), "greater than the first", class = "value_error")
  expect_error(op_histogram(1:3, range = 1), "two elements", class = "value_error")
  expect_error(op_histogram(matrix(1:4, 2)), "1-dimensional", class = "value_error")
  expect_error(op_histogram(c(1, NaN)), "not finite", class = "value_error")
  expect_error(op_histogram(1:3, range = c(-Inf, Inf)), "supplied range of \\[-Inf, Inf\\] is not finite", class = "value_error")
})

test_that("op_unravel_index takes 1-based flat indices and returns 0-based coordinates, as keras3", {
  out <- op_unravel_index(c(1, 5), c(3, 3))
  expect_equal(lapply(out, values), list(c(0, 1), c(0, 1)))
  out <- op_unravel_index(101, c(4, 5, 6))
  expect_equal(vapply(out, values, 1), c(3, 1, 4))
  out <- op_unravel_index(rbind(c(101, 102)), c(4, 5, 6))
  expect_equal(lapply(out, as.array), list(rbind(c(3, 3)), rbind(c(1, 1)), rbind(c(4, 5))))
  expect_identical(op_dtype(out[[1L]]), "int32")
  expect_error(op_unravel_index(10, c(3, 3)), "out of bounds", class = "value_error")
})

test_that("op_in_top_k tells whether each 0-based target is among the k largest scores", {
  predictions <- rbind(c(0.1, 0.4, 0.6, 0.9, 0.5), c(0.1, 0.7, 0.9, 0.8, 0.3), c(0.1, 0.6, 0.9, 0.9, 0.5))
  out <- op_in_top_k(op_array(c(2, 5, 3), "int32"), op_array(predictions, "float32"), k = 3L)
  expect_identical(op_dtype(out), "bool")
  expect_identical(values(out), c(TRUE, FALSE, TRUE))
  expect_identical(values(op_in_top_k(c(0L, 1L, 3L), predictions, k = 1L)), c(FALSE, FALSE, TRUE))
})

test_that("lists of numbers are the Python lists keras3 hands on: nested ones are rows, not one flat vector", {
  expect_equal(as.array(op_multi_hot(list(c(1L, 3L), c(2L, 2L)), 4)), rbind(c(0, 1, 0, 1), c(0, 0, 1, 0)))
  expect_equal(values(op_multi_hot(list(1L, 3L), 4)), c(0, 1, 0, 1))
  expect_equal(values(op_segment_sum(op_array(c(1, 2, 3)), list(1L, 1L, 2L))), c(3, 3))
  expect_equal(values(op_bincount(list(1L, 2L, 2L))), c(0L, 1L, 2L))
  expect_equal(lapply(op_unravel_index(list(1L, 5L), c(3, 3)), values), list(c(0L, 1L), c(0L, 1L)))
  expect_equal(values(op_digitize(list(0.5, 1.5), c(0, 1, 2))), c(1L, 2L) + 1L)
  expect_equal(values(op_searchsorted(c(1, 2, 3), list(1.5, 2.5))), c(2L, 3L))
})

test_that("op_multi_hot sets one flag per class present in each row", {
  expect_equal(values(op_multi_hot(op_convert_to_tensor(c(0, 4)), num_classes = 5)), c(1, 0, 0, 0, 1))
  out <- op_multi_hot(rbind(c(0L, 2L), c(1L, 1L)), num_classes = 3)
  expect_equal(as.array(out), rbind(c(1, 0, 1), c(0, 1, 0)))
  expect_identical(op_dtype(op_multi_hot(c(1L, 2L), 3, dtype = "int32")), "int32")
})

test_that("op_argpartition partitions around the kth element, 1-based, along an axis or flattened", {
  expect_equal(values(op_argpartition(c(3, 4, 2, 1), 3, zero_indexed = TRUE)), c(3, 2, 0, 1))
  expect_equal(as.array(op_argpartition(rbind(c(3, 4, 2), c(1, 3, 4)), 2)), rbind(c(3, 1, 2), c(1, 2, 3)))
  x <- array(c(3, 1, 2, 0, 4, 2, 3, 1), c(2, 2, 2))
  flat <- op_argpartition(x, 2, axis = NULL)
  sorted_flat <- values(op_reshape(x, -1))[values(flat)]
  expect_false(is.unsorted(sorted_flat))
  expect_error(op_argpartition(c(3, 4, 2, 1), 5), "out of bounds", class = "value_error")
})

test_that("op_segment_sum and op_segment_max reduce rows by 1-based segment id", {
  data <- c(1, 2, 10, 20, 100, 200)
  ids <- op_array(c(1, 1, 2, 2, 3, 3), "int32")
  expect_equal(values(op_segment_sum(data, ids, 3)), c(3, 30, 300))
  expect_equal(values(op_segment_max(data, ids)), c(2, 20, 200))
  m <- rbind(c(1, 2), c(3, 4), c(5, 6))
  expect_equal(as.array(op_segment_sum(m, c(2, 1, 2))), rbind(c(3, 4), c(6, 8)))
})

test_that("segment ids of more than one axis are Keras's value_error, not flattened", {
  ids <- rbind(c(1L, 1L), c(2L, 2L))
  expect_bridge_error(op_segment_sum(c(1, 2, 3, 4), ids), "value_error", "should be an 1-D vector")
  expect_bridge_error(op_segment_max(c(1, 2, 3, 4), op_array(ids)), "value_error", "should be an 1-D vector")
})

test_that("segment ids and data of different lengths are Keras's value_error", {
  expect_bridge_error(op_segment_sum(numeric(0), c(1, 1, 2, 2)), "value_error",
                      "Argument `segment_ids` and `data` should have same leading dimension. Got (4,) v.s. (0,).", fixed = TRUE)
})

test_that("op_segment_sum sums complex rows, real and imaginary parts alike", {
  data <- op_array(c(1 + 2i, 3 - 1i, 5 + 0i), "complex128")
  expect_identical(as.vector(as.array(op_segment_sum(data, c(1, 1, 2)))), c(4 + 1i, 5 + 0i))
})

test_that("segment reductions over many segments match a direct computation", {
  ids <- sample(1:5000, 20000, replace = TRUE)
  data <- matrix(rnorm(40000), 20000, 2)
  expected_sum <- t(vapply(1:5000, function(k) colSums(data[ids == k, , drop = FALSE]), numeric(2)))
  expect_equal(as.array(op_segment_sum(op_array(data, "float64"), ids, num_segments = 5000)), expected_sum)
  present <- sort(unique(ids))
  expected_max <- t(vapply(present, function(k) apply(data[ids == k, , drop = FALSE], 2, max), numeric(2)))
  expect_equal(as.array(op_segment_max(op_array(data, "float64"), ids, num_segments = 5000))[present, ], expected_max)
})

test_that("segment sums of integers stay in their dtype and wrap, as NumPy's add.at and op_add do", {
  expect_identical(as.vector(as.array(op_segment_sum(op_array(c(100, 100), "int8"), c(1, 1)))), -56L)
  expect_identical(as.vector(as.array(op_segment_sum(op_array(c(200, 100), "uint8"), c(1, 1)))), 44L)
})

test_that("data of one row is one segment id's worth, as R's number or a tensor", {
  expect_identical(as.array(op_segment_sum(array(5, c(1, 2)), 1)), array(c(5, 5), c(1, 2)))
  expect_identical(as.array(op_segment_max(array(5, c(1, 2)), op_array(1L))), array(c(5, 5), c(1, 2)))
})

test_that("op_scatter sums repeated places in the values' dtype, as NumPy's add.at: integers wrap, int64 stays exact", {
  expect_identical(as.vector(as.array(op_scatter(rbind(1, 1), op_array(c(100, 100), "int8"), 2))), c(-56L, 0L))
  big <- op_add(op_array(c(2^53, 2^53), "int64"), op_array(c(1, 1), "int64"))
  expect_identical(as.character(op_scatter(rbind(1, 1), big, 1)), "18014398509481986")
})

test_that("segment reductions of int64 beyond 2^53 are exact", {
  d <- op_add(op_full(3L, 2^53, dtype = "int64"), op_array(c(0, 1, 1), "int64"))
  expect_identical(as.vector(as.array(op_subtract(op_segment_sum(d, c(1, 1, 1)), op_array(3 * 2^53, "int64")))), 2)
  expect_identical(as.vector(as.array(op_subtract(op_segment_max(d, c(1, 1, 1)), op_array(2^53, "int64")))), 1)
})

test_that("num_segments may be a 0-d tensor, as Keras takes one; beyond R's integers it is a value_error", {
  expect_identical(as.vector(as.array(op_segment_sum(1:4, c(1, 1, 2, 2), num_segments = op_array(3L)))), c(3L, 7L, 0L))
  expect_bridge_error(op_segment_sum(1:3, c(1, 2, 3), 1e12), "value_error", "num_segments=1e\\+12")
})

test_that("op_segment_max refuses complex data, which has no order", {
  expect_bridge_error(op_segment_max(c(1 + 1i, 2 - 1i), c(1, 1)), "type_error", "`segment_max` does not support dtype complex128.", fixed = TRUE)
})

test_that("segments with no rows are 0 for the sum and the least value for the maximum; negative ids are left out", {
  expect_equal(values(op_segment_sum(c(1, 2, 3), c(1, 3, -1), num_segments = 4)), c(1, 0, 2, 0))
  expect_equal(values(op_segment_max(c(1, 2, 3), c(1, 3, 3), num_segments = 3)), c(1, -Inf, 3))
  expect_equal(values(op_segment_max(op_array(c(1L, 2L), "int16"), c(1, 3))), c(1, -32768, 2))
})

test_that("segments of empty data are all empty segments, of the data's dtype and trailing shape", {
  expect_equal(values(op_segment_sum(op_zeros(0), integer(0), num_segments = 3)), c(0, 0, 0))
  expect_equal(values(op_segment_max(op_zeros(0), integer(0), num_segments = 2)), c(-Inf, -Inf))
  sums <- op_segment_sum(op_zeros(c(0, 2), dtype = "int32"), integer(0), num_segments = 2)
  expect_identical(op_dtype(sums), "int32")
  expect_identical(as.array(sums), matrix(0L, 2, 2))
})

test_that("segment counts memory cannot hold are a memory_error", {
  expect_error(op_segment_sum(c(1, 2), c(1, 1), num_segments = .Machine$integer.max), class = "memory_error")
})

test_that("op_scatter adds values at 1-based indices into zeros, a repeated index adding up", {
  expect_equal(values(op_scatter(rbind(2, 4, 5, 8), c(9, 10, 11, 12), 8)), c(0, 9, 0, 10, 11, 0, 0, 12))
  expect_equal(as.array(op_scatter(rbind(c(1, 2), c(3, 1)), c(5, 10), c(3, 2))), rbind(c(0, 5), c(0, 0), c(10, 0)))
  expect_equal(values(op_scatter(rbind(1, 1, 3), c(1, 2, 3), 4)), c(3, 0, 3, 0))
  expect_identical(op_dtype(op_scatter(rbind(1, 3), 1:2, 5)), "int32")
  expect_identical(op_dtype(op_scatter(rbind(1), 1, 5)), "float64")
})

test_that("op_scatter takes a shape() as its shape, as keras3's normalize_shape() passes one", {
  x <- op_zeros(c(2, 2))
  expect_identical(as.array(op_scatter(rbind(c(1, 1)), 5, op_shape(x))), rbind(c(5, 0), c(0, 0)))
  expect_identical(as.array(op_scatter(rbind(c(2, 1)), 5, shape(2, 2))), rbind(c(0, 0), c(5, 0)))
})

test_that("op_scatter adds complex values, imaginary parts included", {
  out <- op_scatter(rbind(c(1, 1), c(2, 2), c(1, 1)), op_array(c(1 + 2i, 3 - 1i, 1i), "complex64"), c(2, 2))
  expect_identical(op_dtype(out), "complex64")
  expect_equal(as.array(out), rbind(c(1 + 3i, 0), c(0, 3 - 1i)))
})

test_that("op_scatter places whole slices when indices are shorter than the rank", {
  slices <- aperm(array(rep(5:8, each = 4, times = 2), c(4, 4, 2)), c(3, 2, 1))
  out <- op_scatter(rbind(2, 4), slices, c(4, 4, 4))
  expected <- array(0, c(4, 4, 4))
  expected[2, , ] <- slices[1, , ]
  expected[4, , ] <- slices[2, , ]
  expect_equal(as.array(out), expected)
})

test_that("op_scatter_update writes updates into a copy of the inputs, leaving a variable unchanged", {
  v <- keras_variable(matrix(0, 2, 3))
  out <- op_scatter_update(v, rbind(c(1, 2), c(2, 3)), c(5, 7))
  expect_equal(as.array(out), rbind(c(0, 5, 0), c(0, 0, 7)))
  expect_equal(as.array(v), matrix(0, 2, 3))
  expect_equal(as.array(op_scatter_update(op_zeros(c(2, 3)), rbind(2), c(1, 2, 3))), rbind(c(0, 0, 0), c(1, 2, 3)))
})

test_that("op_scatter_update keeps every digit of int64 inputs and updates, and casts updates to the inputs' dtype", {
  big <- op_add(op_full(3, 2^53, "int64"), op_array(c(1L, 3L, 5L), "int64"))
  out <- op_scatter_update(big, rbind(2), op_add(op_full(1, 2^60, "int64"), 1L))
  expect_identical(op_dtype(out), "int64")
  expect_identical(format(as.array(op_subtract(out, big))), format(as.array(op_subtract(op_array(c(0, 2^60, 0), "int64"), op_array(c(0, 2^53 - 2, 0), "int64")))))
  expect_identical(as.array(op_scatter_update(op_zeros(3, "int32"), rbind(1, 3), c(5.7, -2.5))), array(c(5L, 0L, -2L), 3))
  expect_identical(as.array(op_scatter_update(op_array(c(1 + 2i, 3i)), rbind(2), 5)), array(c(1 + 2i, 5 + 0i), 2))
})

test_that("op_scatter_update with a repeated index keeps its last update, as NumPy's assignment", {
  expect_identical(as.array(op_scatter_update(op_zeros(3), rbind(2, 2, 1), c(4, 9, 1))), array(c(1, 9, 0), 3))
})

test_that("the scatter ops refuse indices out of bounds and values that do not fit", {
  expect_error(op_scatter(rbind(6), 1, 5), "out of bounds", class = "index_error")
  expect_error(op_scatter(rbind(1, 2), c(1, 2, 3), 5), "cannot reshape", class = "value_error")
  expect_error(op_scatter_update(op_zeros(3), rbind(c(1, 1)), 1), "at most 1 axes", class = "value_error")
  expect_bridge_error(op_scatter_update(op_zeros(c(3, 2)), matrix(c(1, 3)), c(1, 2, 3)), "value_error",
                      "cannot reshape array of size 3 into shape (2, 2)", fixed = TRUE)
  expect_error(op_scatter(rbind("a"), 1, 5), class = "type_error")
})

test_that("op_in_top_k with no classes finds no target", {
  expect_identical(as.vector(as.array(op_in_top_k(c(0L, 0L), array(0, c(2, 0)), 1L))), c(FALSE, FALSE))
})

test_that("op_bincount refuses complex weights, as NumPy's and TensorFlow's bincount", {
  expect_bridge_error(op_bincount(c(0L, 1L, 0L), weights = op_array(c(1 + 2i, 3 - 1i, 5i))), "type_error", "`weights` must be real numbers")
})

test_that("op_in_top_k compares int64 scores in their own dtype, every digit", {
  scores <- op_reshape(op_add(op_full(2, 2^53, "int64"), op_array(c(1L, 0L), "int64")), c(1, 2))
  expect_false(as.vector(as.array(op_in_top_k(1L, scores, k = 1))))
  expect_true(as.vector(as.array(op_in_top_k(0L, scores, k = 1))))
})

test_that("review: op_in_top_k follows Keras with infinite and NaN scores, and over leading axes", {
  expect_identical(as.vector(as.array(op_in_top_k(c(0L, 2L), rbind(c(Inf, 1, 2), c(0.1, NaN, 0.5)), k = 2))), c(TRUE, TRUE))
  expect_false(as.vector(as.array(op_in_top_k(1L, rbind(c(0.5, NaN, 0.1)), k = 3))))
  scores <- array(runif(2 * 3 * 4), c(2, 3, 4))
  targets <- matrix(c(0L, 1L, 2L, 3L, 0L, 1L), 2)
  out <- as.array(op_in_top_k(targets, scores, k = 1))
  expect_equal(out, matrix(targets == apply(scores, c(1, 2), which.max) - 1L, 2))
})

test_that("review: op_histogram bins float32 values against the float32 edges it returns", {
  expect_equal(as.vector(as.array(op_histogram(op_array(c(0, 0.1, 0.3), "float32"), bins = 3)[[1L]])), c(1, 1, 1))
})

test_that("review: the scatter ops read a plain vector as one index and take a list of index rows", {
  expect_equal(as.array(op_scatter_update(op_zeros(c(2, 2)), c(1, 2), 5)), rbind(c(0, 5), c(0, 0)))
  expect_equal(as.array(op_scatter(list(c(1, 2), c(2, 2)), c(1, 1), c(2, 2))), rbind(c(0, 1), c(0, 1)))
})

test_that("review: op_bincount truncates R doubles as keras3 does", {
  expect_equal(as.vector(as.array(op_bincount(c(1.5, 2)))), c(0, 1, 1))
})

test_that("op_unravel_index of int64 indices beyond the int32 range and 2^53 keeps every digit", {
  out <- op_unravel_index(op_add(op_full(1, 2^53, "int64"), op_array(2L, "int64")), c(2^31, 2^31))
  expect_identical(vapply(out, as.character, ""), c("4194304", "1"))
  expect_identical(op_dtype(out[[1]]), "int64")
  expect_identical(lapply(op_unravel_index(op_array(3e9, "int64"), c(2^31, 2)), as.character), list("1499999999", "1"))
})

test_that("op_unravel_index of one index gives 0-d coordinates, as for a Python int", {
  out <- op_unravel_index(5L, c(2, 3))
  expect_length(op_shape(out[[1]]), 0L)
  expect_identical(vapply(out, function(t) as.array(t), 1L), c(1L, 1L))
})

test_that("counts memory could not hold are a memory_error before R builds them", {
  expect_error(op_bincount(c(0, .Machine$integer.max - 2)), class = "memory_error")
  expect_error(op_histogram(c(1, 2), bins = .Machine$integer.max), class = "memory_error")
})

test_that("op_argpartition refuses a fractional kth, as NumPy refuses a float partition index", {
  expect_bridge_error(op_argpartition(c(3, 1, 2), kth = 1.5), "type_error", "Indices must be whole numbers. Received: 1.5", fixed = TRUE)
})

test_that("op_argpartition refuses a float tensor kth holding a fraction", {
  expect_bridge_error(op_argpartition(c(3, 1, 2), kth = op_array(1.5)), "type_error", "Indices must be whole numbers. Received: 1.5", fixed = TRUE)
})

test_that("op_segment_sum refuses fractional segment ids, naming them rather than a count", {
  expect_bridge_error(op_segment_sum(c(1, 2), c(0.5, 1)), "type_error", "Indices must be whole numbers. Received: 0.5, 1.0", fixed = TRUE)
})

test_that("op_segment_sum refuses a float tensor of fractional segment ids", {
  expect_bridge_error(op_segment_sum(c(1, 2), op_array(c(1.5, 1))), "type_error", "Indices must be whole numbers. Received: 1.5, 1.0", fixed = TRUE)
})

test_that("a segment id beyond num_segments is a value_error, as TensorFlow refuses it, not a dropped row", {
  expect_bridge_error(op_segment_sum(c(1, 2, 3), c(1, 2, 3), num_segments = 2), "value_error", "segment_ids\\[3\\] = 3 is out of range \\[1, 2\\]")
  expect_equal(values(op_segment_sum(c(1, 2, 3), c(1, 2, -1), num_segments = 2)), c(1, 2))
})
