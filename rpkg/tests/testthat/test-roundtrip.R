test_that("float64 arrays round trip bit-exactly, NA and NaN included", {
  x <- array(c(1.5, NA, NaN, -0, Inf, .Machine$double.xmin), c(2, 3))
  expect_identical(as.array(keras_variable(x)), x)
})

test_that("int32 arrays round trip with NA_integer_", {
  x <- array(c(1L, NA, .Machine$integer.max, -5L), c(2, 2))
  expect_identical(as.array(keras_variable(x)), x)
})

test_that("logical arrays round trip", {
  x <- array(c(TRUE, FALSE, TRUE, TRUE), c(2, 2))
  expect_identical(as.array(keras_variable(x)), x)
})

test_that("float32 values are rounded to nearest", {
  v <- keras_variable(array(0.1, 1), dtype = "float32")
  expect_identical(as.array(v), array(0.100000001490116119384765625, 1))
})

test_that("conversions survive gctorture", {
  gctorture(TRUE)
  on.exit(gctorture(FALSE))
  x <- array(as.double(1:6), c(2, 3))
  v <- keras_variable(x)
  v$assign(x * 2)
  out <- as.array(v)
  gctorture(FALSE)
  expect_identical(out, x * 2)
})
