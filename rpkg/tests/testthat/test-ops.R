test_that("arithmetic on variables gives tensors with Keras's dtypes", {
  v <- keras_variable(array(1:4, c(2, 2)))
  s <- v + 1L
  expect_s4_class(s, "kerasbridge_tensor")
  expect_equal(s$dtype, "int32")
  expect_identical(as.array(s), array(2:5, c(2, 2)))
  expect_identical(as.array(v * v), array(c(1L, 4L, 9L, 16L), c(2, 2)))
  expect_equal((v / 2L)$dtype, "float32")
})

test_that("comparisons and logical operators give bool tensors", {
  v <- keras_variable(array(1:4, c(2, 2)))
  expect_identical(as.array(v > 2L), array(c(FALSE, FALSE, TRUE, TRUE), c(2, 2)))
  expect_identical(as.array((v > 1L) & (v < 4L)), array(c(FALSE, TRUE, TRUE, FALSE), c(2, 2)))
  expect_identical(as.array(!(v > 2L)), array(c(TRUE, TRUE, FALSE, FALSE), c(2, 2)))
})

test_that("matrix products follow R's dimensions", {
  a <- array(as.double(1:6), c(2, 3))
  b <- array(as.double(1:12), c(3, 4))
  expect_equal(as.array(keras_variable(a) %*% keras_variable(b)), a %*% b)
})

test_that("unary minus, abs and round work", {
  v <- keras_variable(c(-1.5, 2.5, 0.5), dtype = "float64")
  expect_identical(as.array(-v), array(c(1.5, -2.5, -0.5)))
  expect_identical(as.array(abs(v)), array(c(1.5, 2.5, 0.5)))
  expect_identical(as.array(round(v)), array(c(-2, 2, 0)))
})

test_that("all.equal compares values", {
  v <- keras_variable(array(1, c(2, 2)))
  expect_true(all.equal(v$value, v))
  expect_true(all.equal(v, array(1, c(2, 2))))
})

test_that("shapes that do not broadcast are value errors", {
  expect_bridge_error(keras_variable(array(1, c(2, 3))) + keras_variable(array(1, c(4, 5))), "value_error")
})
