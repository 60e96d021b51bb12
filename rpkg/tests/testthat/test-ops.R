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
  # As keras3's all.equal() for tensors: an R vector is the 1-D array it converts to.
  expect_true(all.equal(op_array(c(1, 2)), c(1, 2)))
  expect_true(all.equal(op_array(3), 3))
  expect_match(all.equal(op_array(c(1, 2)), c(1, 3)), "Mean relative difference")
})

test_that("waldo, and so testthat's third edition, compares tensors and variables by their values", {
  skip_if_not(requireNamespace("waldo", quietly = TRUE), "waldo cannot be loaded")
  expect_length(waldo::compare(op_array(c(1, 2, 3)), op_array(c(1, 2, 3))), 0L)
  expect_length(waldo::compare(keras_variable(matrix(1:4, 2)), matrix(1:4, 2)), 0L)
  expect_length(waldo::compare(op_array(c(1, 2)), c(1, 2)), 0L)
  # What waldo compares for an unequal pair (showing their difference would load diffobj).
  expect_identical(waldo::compare_proxy(op_array(c(1, 3)), "x"), list(object = c(1, 3), path = "as.array(x)"))
  big <- op_add(op_array(2^53, "int64"), op_array(1, "int64"))
  expect_identical(waldo::compare_proxy(big, "x")$object, "9007199254740993")
})

test_that("shapes that do not broadcast are value errors", {
  expect_bridge_error(keras_variable(array(1, c(2, 3))) + keras_variable(array(1, c(4, 5))), "value_error")
})

test_that("an R array beside a float tensor in R's operators takes the tensor's dtype, as keras3's backends receive it", {
  w <- keras_variable(initializer_zeros(), shape = c(2, 1))
  grad <- matrix(c(0.5, 0.25))
  expect_identical((w - 0.1 * grad)$dtype, "float32")
  expect_identical((grad * w)$dtype, "float32")
  expect_identical((op_array(array(1, 2), "float16") + array(c(1, 2)))$dtype, "float16")
  expect_identical((op_array(array(1, 2), "float64") + array(c(0.1, 0.2)))$dtype, "float64")
  expect_identical(as.vector(as.array(op_array(c(1, 2), "float32") == array(c(1, 3)))), c(TRUE, FALSE))
  # op_*() functions promote as Keras's ops do, and integer tensors promote with double arrays.
  expect_identical(op_subtract(w, grad)$dtype, "float64")
  expect_identical((keras_variable(matrix(1:4, 2)) * matrix(0.5, 2, 2))$dtype, "float64")
})

test_that("an R double beside an integer tensor is a Python float to Keras's promotion, so nothing wraps", {
  i <- op_array(c(-1L, 10L), "int32")
  expect_identical(op_dtype(i + 1), "float32")
  expect_identical(as.vector(as.array(i * 1e9)), c(-1e9, 1e10))
  expect_equal(as.vector(as.array(2 ^ i)), c(0.5, 1024))
  expect_equal(as.vector(as.array(op_array(c(1L, 2L)) ^ -3)), c(1, 0.125))
  expect_identical(as.vector(as.array(op_array(c(0, 100), "uint8") - 128)), c(-128, -28))
  expect_identical(op_dtype(i + 1L), "int32")
})

test_that("an integer a tensor's dtype cannot hold is a value_error, not wrapped", {
  u <- op_array(c(1, 2), "uint8")
  expect_error(u + 300L, "Python integer 300 out of bounds for uint8", class = "value_error")
  expect_identical(op_dtype(u + 300), "float32")
})

test_that("bools count as integers in arithmetic, as R's logicals do", {
  x <- op_array(c(1.5, -2, 3))
  y <- op_array(c(0.5, 1, -3))
  both <- (x > 0) + (y > 0)
  expect_identical(op_dtype(both), "int32")
  expect_identical(as.vector(as.array(both)), as.vector(as.array(x) > 0) + as.vector(as.array(y) > 0))
  expect_identical(as.vector(as.array((x > 0) + TRUE)), c(2L, 1L, 2L))
  expect_identical(as.vector(as.array(-(x > 0))), c(-1L, 0L, -1L))
  expect_identical(op_dtype(op_array(c(1, 2), "uint8") + (x[1:2] > 0)), "uint8")
  expect_identical(as.vector(as.array(op_add(x > 0, y > 0))), c(TRUE, TRUE, TRUE))
})

test_that("R's NA in arithmetic is a missing number: NaN, not int32's least value", {
  i <- op_array(1:3, "int32")
  expect_true(all(is.nan(as.array(i + NA_integer_))))
  expect_true(all(is.nan(as.array(op_array(c(1.5, 2)) + NA))))
})

test_that("R's NA elsewhere is refused: tensors hold no missing value to compare or assign", {
  i <- op_array(1:3, "int32")
  expect_error((op_array(c(1, -1)) > 0) & NA, "no missing value", class = "value_error")
  expect_error(i == NA_integer_, "no missing value", class = "value_error")
  v <- keras_variable(c(1L, 2L), dtype = "uint8")
  expect_error(v$assign_add(NA_integer_), "no missing value", class = "value_error")
  expect_identical(as.vector(as.array(v)), c(1L, 2L))
})

test_that("R integers or logicals holding NA are numbers with NaN in arithmetic, as one NA is", {
  i <- op_array(1:3, "int32")
  sum_with_na <- i + c(NA, 1L, 1L)
  expect_identical(op_dtype(sum_with_na), config_floatx())
  expect_identical(as.vector(as.array(sum_with_na)), c(NaN, 3, 4))
  expect_identical(as.vector(as.array(i * c(TRUE, NA, FALSE))), c(1, NaN, 0))
  expect_identical(op_dtype(op_array(c(1, 2), "float64") - c(NA, 1L)), "float64")
})

test_that("R integers holding NA are refused where they would be int32's least value", {
  i <- op_array(1:3, "int32")
  expect_error(i == c(NA, 2L, 3L), "no missing value", class = "value_error")
  expect_error(op_add(i, c(1L, NA, 1L)), "no missing value", class = "value_error")
  v <- keras_variable(c(1L, 2L), dtype = "uint8")
  expect_error(v$assign_add(c(NA_integer_, 1L)), "no missing value", class = "value_error")
  expect_identical(as.vector(as.array(v)), c(1L, 2L))
})

test_that("op_cast of R integers holding NA converts them as op_array() does: NaN in a float, refused in a narrower integer", {
  expect_identical(as.vector(as.array(op_cast(c(1L, NA), "float32"))), as.vector(as.array(op_array(c(1L, NA), "float32"))))
  expect_identical(as.vector(as.array(op_cast(c(1L, NA), "float64"))), as.numeric(c(1L, NA)))
  expect_identical(as.vector(as.array(op_cast(c(1L, NA), "int32"))), c(1L, NA))
  expect_error(op_cast(c(1L, NA), "uint8"), class = "value_error")
  expect_error(op_array(c(1L, NA), "uint8"), class = "value_error")
})

test_that("%% keeps an integer tensor's dtype beside an R number, as TensorFlow's floormod; op_mod() converts it", {
  x <- op_array(c(5L, -7L), "int8")
  expect_identical((x %% 3L)$dtype, "int8")
  expect_identical(as.vector(as.array(x %% 3L)), c(5L, -7L) %% 3L)
  expect_identical((x %% TRUE)$dtype, "int8")
  expect_identical(op_mod(x, 3L)$dtype, "int32")
  expect_bridge_error(op_array(1L, "uint8") %% 300L, "value_error", "out of bounds for uint8")
})

test_that("R's %/% and %% of integers by zero are a value_error, as TensorFlow refuses them; op_floor_divide() gives NumPy's 0", {
  x <- op_array(1:3)
  expect_bridge_error(x %/% 0L, "value_error", "Integer division by zero")
  expect_bridge_error(x %% op_array(c(1L, 0L, 2L)), "value_error", "Integer division by zero")
  expect_identical(as.vector(as.array(op_floor_divide(x, 0L))), c(0L, 0L, 0L))
  expect_true(all(is.infinite(as.vector(as.array(op_array(c(1, 2)) %/% 0)))))
})

test_that("%*% takes a number beside a matrix of one column or row as a 1 x 1 matrix, as base R", {
  m <- matrix(c(1, 2, 3), 3, 1)
  expect_equal(as.array(op_array(m) %*% 5), m %*% 5)
  r <- matrix(c(1, 2, 3, 4), 1, 4)
  expect_equal(as.array(5 %*% op_array(r)), 5 %*% r)
})
