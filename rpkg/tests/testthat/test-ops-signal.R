# Window functions, correlation, cross products and complex parts; expected values from NumPy
# (np.bartlett, np.kaiser, np.correlate, np.corrcoef, np.cross) and base R.


test_that("the window functions follow NumPy's formulas in floatx", {
  n <- seq(-1, 1, length.out = 5)
  expect_equal(values(op_bartlett(5)), c(0, 0.5, 1, 0.5, 0))
  expect_equal(values(op_hanning(5)), 0.5 + 0.5 * cos(pi * n), tolerance = 1e-6)
  expect_equal(values(op_hamming(5)), 0.54 + 0.46 * cos(pi * n), tolerance = 1e-6)
  expect_equal(values(op_blackman(4)), c(0, 0.63, 0.63, 0), tolerance = 1e-6)
  expect_equal(values(op_kaiser(5, 14)), c(7.72686684e-06, 1.64932188e-01, 1, 1.64932188e-01, 7.72686684e-06), tolerance = 1e-6)
  expect_identical(op_dtype(op_hamming(3)), config_floatx())
})

test_that("a window of one point is 1 and of none is empty", {
  expect_equal(values(op_hamming(1)), 1)
  expect_equal(values(op_kaiser(1, 5)), 1)
  expect_equal(as.integer(op_shape(op_hanning(0))), 0L)
  expect_error(op_bartlett(2.5), class = "type_error")
  expect_error(op_kaiser(5, "a"), class = "type_error")
})

test_that("a window length or Kaiser beta given as a bool counts as 1 or 0, as Python's bools (Keras's dtype tests)", {
  flag <- op_ones(integer(0), "bool")
  for (window in list(op_bartlett, op_blackman, op_hamming, op_hanning)) {
    expect_identical(values(window(flag)), 1)
    expect_identical(op_dtype(window(flag)), config_floatx())
    expect_identical(length(values(window(FALSE))), 0L)
  }
  expect_identical(values(op_kaiser(flag, flag)), 1)
  expect_equal(values(op_kaiser(5, TRUE)), values(op_kaiser(5, 1)))
  expect_error(op_hamming(NA), class = "type_error")
})

test_that("op_correlate gives NumPy's valid, same and full cross-correlations", {
  expect_equal(values(op_correlate(c(1, 2, 3), c(0, 1, 0.5))), 3.5)
  expect_equal(values(op_correlate(c(1, 2, 3), c(0, 1, 0.5), "same")), c(2, 3.5, 3))
  expect_equal(values(op_correlate(c(1, 2, 3), c(0, 1, 0.5), "full")), c(0.5, 2, 3.5, 3, 0))
  expect_equal(values(op_correlate(1:5, 1:2, "full")), c(2, 5, 8, 11, 14, 5))
  expect_equal(values(op_correlate(1:2, 1:5, "full")), c(5, 14, 11, 8, 5, 2))
  expect_equal(values(op_correlate(1:2, 1:5, "same")), c(14, 11, 8, 5, 2))
  expect_equal(values(op_correlate(1:2, 1:5, "valid")), c(14, 11, 8, 5))
  expect_equal(values(op_correlate(1:4, 1:2, "same")), c(2, 5, 8, 11))
})

test_that("op_correlate gives float32 for 32-bit integers and float64 for float64", {
  expect_identical(op_dtype(op_correlate(1:3, 1:2)), "float32")
  expect_identical(op_dtype(op_correlate(c(1, 2, 3), c(1, 2))), "float64")
  expect_error(op_correlate(1:3, 1:2, mode = "middle"), class = "value_error")
  expect_error(op_correlate(matrix(1:4, 2), 1:2), class = "value_error")
  expect_error(op_correlate(numeric(0), 1:2), "cannot be empty", class = "value_error")
})

test_that("op_corrcoef correlates the rows of a matrix, as cor() of its transpose", {
  x <- rbind(c(1, 2, 3), c(2, 4, 7), c(3, 1, 2))
  out <- op_corrcoef(x)
  expect_equal(as.array(out), cor(t(x)))
  expect_identical(op_dtype(out), "float64")
  expect_identical(op_dtype(op_corrcoef(matrix(1:6, 2))), config_floatx())
  expect_equal(values(op_corrcoef(c(1, 5, 2))), 1)
  expect_equal(as.array(op_corrcoef(rbind(c(1, 1, 1), c(1, 2, 3)))), rbind(c(NaN, NaN), c(NaN, 1)))
})

test_that("op_corrcoef keeps a float tensor's dtype and gives integers floatx, as Keras", {
  config_set_floatx("float64")
  on.exit(config_set_floatx("float32"))
  expect_identical(op_dtype(op_corrcoef(op_ones(c(2, 4), dtype = "float32"))), "float32")
  expect_identical(op_dtype(op_corrcoef(op_ones(c(2, 4), dtype = "int32"))), "float64")
  expect_identical(op_dtype(op_corrcoef(op_ones(c(2, 4), dtype = "int64"))), "float64")
})

test_that("op_cross gives cross products of 3- and 2-element vectors, broadcast, along chosen axes", {
  expect_equal(values(op_cross(c(1, 2, 3), c(4, 5, 6))), c(-3, 6, -3))
  expect_equal(values(op_cross(c(1, 2), c(4, 5))), -3)
  expect_equal(values(op_cross(c(1, 2), c(4, 5, 6))), c(12, -6, -3))
  a <- rbind(c(1, 2, 3), c(4, 5, 6))
  b <- rbind(c(4, 5, 6), c(1, 2, 3))
  expect_equal(as.array(op_cross(a, b)), rbind(c(-3, 6, -3), c(3, -6, 3)))
  expect_equal(as.array(op_cross(t(a), t(b), axis = 1)), t(rbind(c(-3, 6, -3), c(3, -6, 3))))
  expect_equal(as.array(op_cross(t(a), t(b), axisa = 0, axisb = 0, axisc = 0)), t(rbind(c(-3, 6, -3), c(3, -6, 3))))
  expect_equal(as.array(op_cross(a, c(0, 0, 1))), rbind(c(2, -1, 0), c(5, -4, 0)))
})

test_that("op_cross refuses vectors of other lengths", {
  expect_error(op_cross(1:4, 1:3), "2 or 3-dimensional", class = "value_error")
  expect_error(op_cross(1:3, 1:3, axis = 0), class = "value_error")
})

test_that("op_polar builds complex numbers from magnitudes and angles", {
  out <- op_polar(array(c(1, 2)), array(c(0, pi / 2)))
  expect_identical(op_dtype(out), "complex128")
  expect_equal(values(out), c(1 + 0i, 2i))
  # Plain vectors reach Keras as lists of numbers, in config_floatx(), as keras3 passes them.
  expect_identical(op_dtype(op_polar(c(1, 2), c(0, pi / 2))), "complex64")
  expect_identical(op_dtype(op_polar(op_array(1, "float32"), op_array(1, "float32"))), "complex64")
  expect_equal(values(op_polar(op_array(2, "float32"), op_array(1, "float32"))), complex(modulus = 2, argument = 1), tolerance = 1e-6)
})

test_that("op_view_as_complex and op_view_as_real undo each other", {
  pairs <- rbind(c(1, 2), c(3, 4))
  z <- op_view_as_complex(pairs)
  expect_identical(op_dtype(z), "complex64")
  expect_equal(values(z), c(1 + 2i, 3 + 4i))
  expect_equal(as.array(op_view_as_real(z)), pairs)
  expect_equal(as.integer(op_shape(op_view_as_real(op_array(array(1i, c(2, 3)))))), c(2L, 3L, 2L))
  expect_error(op_view_as_complex(matrix(1:6, 2)), "must be size 2", class = "value_error")
})

test_that("op_sparsemax and op_batch_normalization take an axis as a list of one, as keras3 does", {
  x <- array(c(0.5, 0.2, 0.1, 0.3, 0.9, 0.4), c(3, 2))
  expect_equal(as.array(op_sparsemax(x, axis = list(1L))), as.array(op_sparsemax(x, axis = 1)))
  expect_equal(as.array(op_batch_normalization(x, mean = c(0, 1), variance = c(1, 4), axis = list(-1L))),
               as.array(op_batch_normalization(x, mean = c(0, 1), variance = c(1, 4), axis = 2)))
})

test_that("op_sparsemax projects onto the simplex, zeroing the smallest logits", {
  expect_equal(values(op_sparsemax(op_array(c(-0.5, 0, 1, 2, 3), "float32"))), c(0, 0, 0, 0, 1))
  x <- rbind(c(0.5, 0.2, 0.1), c(2, -1, 0.3))
  out <- as.array(op_sparsemax(x))
  expect_equal(out, rbind(c(0.5, 0.2, 0.1) + 1 / 15, c(1, 0, 0)))
  expect_equal(rowSums(out), c(1, 1))
  expect_equal(colSums(as.array(op_sparsemax(t(x), axis = 1))), c(1, 1))
  expect_error(op_sparsemax(x, axis = 3), class = "value_error")
})

test_that("review: op_kaiser takes a negative beta as its magnitude, and windows take one-element tensors", {
  expect_equal(as.vector(as.array(op_kaiser(5, -2))), as.vector(as.array(op_kaiser(5, 2))))
  expect_equal(as.vector(as.array(op_kaiser(5, -2))), c(0.4386763, 0.8347614, 1, 0.8347614, 0.4386763), tolerance = 1e-6)
  expect_equal(as.vector(as.array(op_hamming(op_array(4L)))), as.vector(as.array(op_hamming(4))))
})

test_that("review: op_corrcoef gives NaN for rows holding NaN, and refuses complex values", {
  expect_equal(as.array(op_corrcoef(rbind(c(1, 2, NaN), c(1, 2, 3)))), rbind(c(NaN, NaN), c(NaN, 1)))
  expect_error(op_corrcoef(rbind(c(1, 2, 3) + 1i, c(3, 1, 2))), class = "type_error")
})

test_that("windows and correlation matrices memory could not hold are a memory_error before R builds them", {
  expect_error(op_hanning(.Machine$integer.max), class = "memory_error")
  expect_error(op_kaiser(.Machine$integer.max, 5), class = "memory_error")
  expect_error(op_corrcoef(op_zeros(c(50000, 1))), class = "memory_error")
})

test_that("op_cross names axisa, with the value given, when it is out of bounds", {
  expect_bridge_error(op_cross(c(1, 2, 3), c(4, 5, 6), axisa = 5L), "value_error", "axisa: axis 5 is out of bounds for array of dimension 1", fixed = TRUE)
})

test_that("op_cross names axisb when it is out of bounds", {
  expect_bridge_error(op_cross(c(1, 2, 3), c(4, 5, 6), axisb = -2L), "value_error", "axisb: axis -2 is out of bounds for array of dimension 1", fixed = TRUE)
})

test_that("op_cross names axisc when it is out of bounds for the result", {
  expect_bridge_error(op_cross(c(1, 2, 3), c(4, 5, 6), axisc = 5L), "value_error", "axisc: axis 5 is out of bounds for array of dimension 1", fixed = TRUE)
})

test_that("op_cross refuses .Machine$integer.max as an axis without an integer overflow", {
  expect_bridge_error(op_cross(c(1, 2, 3), c(4, 5, 6), axisa = .Machine$integer.max), "value_error",
                      "axisa: axis 2147483647 is out of bounds for array of dimension 1", fixed = TRUE)
})

test_that("op_cross of a scalar says its default axisa is out of bounds", {
  expect_bridge_error(op_cross(1, c(4, 5, 6)), "value_error", "axisa: axis -1 is out of bounds for array of dimension 0", fixed = TRUE)
})

test_that("op_cross names axis when the 1-based axis is out of bounds", {
  expect_bridge_error(op_cross(c(1, 2, 3), c(4, 5, 6), axis = 5L), "value_error", "axis 5 is out of bounds", fixed = TRUE)
})

test_that("op_polar of matrices keeps each element in its place, as base R's complex arithmetic", {
  a <- array(c(1, 2, 0.5, 3), c(2, 2))
  angle <- array(c(0, pi / 2, -pi, 1), c(2, 2))
  expect_equal(as.array(op_polar(a, angle)), a * exp(1i * angle), tolerance = 1e-6)
})

test_that("op_view_as_complex of a 3-d array pairs the last axis element by element", {
  x <- array(as.numeric(1:12), c(3, 2, 2))
  expect_identical(as.array(op_view_as_complex(x)), x[, , 1] + x[, , 2] * 1i)
})

test_that("op_nan_to_num of a complex matrix replaces each part in its place", {
  z <- array(complex(real = c(1, NaN, 3, 4), imaginary = c(5, 2, NaN, 6)), c(2, 2))
  expect_identical(as.array(op_nan_to_num(z)), array(complex(real = c(1, 0, 3, 4), imaginary = c(5, 2, 0, 6)), c(2, 2)))
})
