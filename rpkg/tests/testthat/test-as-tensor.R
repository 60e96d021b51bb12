# as_tensor(), which keras3 exports from TensorFlow's R package (tensorflow R/generics.R).

test_that("as_tensor() makes R doubles float64, numbers and vectors included", {
  expect_identical(as_tensor(42)$dtype, "float64")
  expect_length(op_shape(as_tensor(42)), 0L)
  expect_identical(as_tensor(c(1.5, 2))$dtype, "float64")
  expect_identical(as.array(as_tensor(c(1.5, 2))), array(c(1.5, 2)))
})

test_that("as_tensor() makes R integers int32 and logicals bool", {
  expect_identical(as_tensor(1:3)$dtype, "int32")
  expect_identical(as_tensor(c(TRUE, FALSE))$dtype, "bool")
})

test_that("as_tensor() of a tensor keeps it, and of a variable gives its value", {
  x <- op_array(c(1, 2), "float32")
  expect_identical(as_tensor(x)$dtype, "float32")
  v <- keras_variable(c(1, 2), dtype = "float16")
  value <- as_tensor(v)
  expect_true(op_is_tensor(value))
  expect_identical(value$dtype, "float16")
})

test_that("as_tensor() truncates doubles toward zero into an integer dtype", {
  x <- as_tensor(c(1.7, -1.7, 2.5), "int32")
  expect_identical(x$dtype, "int32")
  expect_identical(as.array(x), array(c(1L, -1L, 2L)))
})

test_that("as_tensor() casts saturating: out-of-range values take the dtype's bounds", {
  expect_identical(as.array(as_tensor(c(-1.7, 300, 7), "uint8")), array(c(0L, 255L, 7L)))
  expect_identical(as.array(as_tensor(c(-200L, 200L), "int8")), array(c(-128L, 127L)))
  big <- as_tensor(1e300, "float32")
  expect_identical(big$dtype, "float32")
  expect_true(is.finite(as.array(big)))
})

test_that("as_tensor() converts doubles beyond R's integer range into int64 without NA", {
  x <- as_tensor(3e9, "int64")
  expect_identical(x$dtype, "int64")
  expect_identical(as.vector(as.array(x)), 3e9)
})

test_that("as_tensor() refuses NA and NaN into an integer dtype, naming the dtype", {
  expect_error(as_tensor(c(1, NA), "int64"), class = "value_error", regexp = "NA or NaN.*dtype=int64")
  expect_error(as_tensor(NaN, "int32"), class = "value_error", regexp = "dtype=int32")
})

test_that("as_tensor() casts between bool and numbers", {
  expect_identical(as.array(as_tensor(c(TRUE, FALSE), "float32")), array(c(1, 0)))
  expect_identical(as.array(as_tensor(c(0, 2), "bool")), array(c(FALSE, TRUE)))
})

test_that("as_tensor() with a shape lays the values out in row-major order", {
  x <- as_tensor(1:6, shape = c(2, 3))
  expect_identical(as.array(x), matrix(1:6, 2, byrow = TRUE))
})

test_that("as_tensor() takes one unknown dimension as NA, NULL or -1", {
  expected <- matrix(1:6, 3, byrow = TRUE)
  expect_identical(as.array(as_tensor(1:6, shape = c(NA, 2))), expected)
  expect_identical(as.array(as_tensor(1:6, shape = c(-1, 2))), expected)
  expect_identical(as.array(as_tensor(1:6, shape = shape(NULL, 2))), expected)
  expect_identical(as.array(as_tensor(1:6, shape = list(NULL, 2))), expected)
})

test_that("as_tensor() fills a fully known shape with a single value", {
  x <- as_tensor(0.5, shape = c(2, 2))
  expect_identical(x$dtype, "float64")
  expect_identical(as.array(x), matrix(0.5, 2, 2))
})

test_that("as_tensor() leaves an array whose dim() is the shape as it is", {
  m <- matrix(1:6, 2)
  expect_identical(as.array(as_tensor(m, shape = c(2, 3))), m)
})

test_that("as_tensor() refuses a shape that does not hold the values", {
  expect_error(as_tensor(1:6, shape = c(4, 2)), class = "kerasbridge_error")
})

test_that("as_tensor() keeps a dimension beyond R's integers instead of reading it as unknown", {
  expect_error(as_tensor(1:2, shape = 2^31), "2147483648", class = "value_error")
  expect_error(as_tensor(1, shape = c(2^31, 2^31)), class = "memory_error")
  expect_no_warning(try(as_tensor(1, shape = 2^31), silent = TRUE))
})

test_that("as_tensor() refuses an unknown dtype", {
  expect_error(as_tensor(1, "float33"), class = "kerasbridge_error")
})

test_that("a shape() converts as the Python tuple keras3 makes of it: an int32 vector of its dimensions", {
  expect_identical(op_dtype(as_tensor(shape(3, 5))), "int32")
  expect_identical(as.vector(as.array(op_convert_to_tensor(shape(3, 5)))), c(3L, 5L))
  expect_identical(op_dtype(as_tensor(shape(3, 5), dtype = "int64")), "int64")
  expect_error(op_convert_to_tensor(shape(NA, 5)), class = "type_error")
})

test_that("factors, dates and times are refused, not converted as their codes: keras3 hands them to Keras as text or datetimes", {
  expect_bridge_error(op_convert_to_tensor(factor(c("a", "b"))), "type_error", "as.integer")
  expect_bridge_error(op_add(op_array(c(1, 2)), factor(c("a", "b"))), "type_error", "<factor>")
  expect_bridge_error(as_tensor(as.Date("2020-01-02")), "type_error", "<Date>")
  expect_bridge_error(op_convert_to_tensor(Sys.time()), "type_error", "POSIXct")
  expect_identical(as.vector(as.array(op_convert_to_tensor(as.integer(factor(c("a", "b")))))), c(1L, 2L))
})

test_that("a data frame of numbers converts as keras3 hands it on through pandas: a row per row, a column per column", {
  x <- op_convert_to_tensor(iris[, 1:4])
  expect_identical(op_shape(x), shape(150, 4))
  expect_identical(op_dtype(x), "float64")
  expect_identical(as.array(x), unname(as.matrix(iris[, 1:4])))
  expect_identical(op_dtype(op_convert_to_tensor(data.frame(a = 1:2, b = 3:4))), "int32")
  expect_identical(op_dtype(op_convert_to_tensor(data.frame(a = 1:2, b = c(1.5, 2)))), "float64")
  expect_identical(as.array(op_convert_to_tensor(data.frame(a = c(TRUE, FALSE)))), matrix(c(TRUE, FALSE)))
  expect_identical(op_dtype(op_convert_to_tensor(data.frame(a = 1:2), dtype = "float16")), "float16")
  expect_identical(op_shape(op_convert_to_tensor(data.frame(a = 1))), shape(1, 1))
  expect_identical(op_shape(op_convert_to_tensor(iris[, 0])), shape(150, 0))
  expect_equal(as.vector(as.array(op_mean(mtcars, axis = 1))), unname(colMeans(mtcars)))
  v <- keras_variable(mtcars[1:3, 1:2])
  expect_identical(v$dtype, "float64")
  expect_identical(as.array(v), unname(as.matrix(mtcars[1:3, 1:2])))
})

test_that("a data frame of text, factors, dates or logicals beside numbers is refused, naming the column", {
  expect_bridge_error(op_convert_to_tensor(iris), "type_error", "column 5 is <factor>", fixed = TRUE)
  expect_bridge_error(op_convert_to_tensor(data.frame(a = 1, d = Sys.Date())), "type_error", "column 2 is <Date>", fixed = TRUE)
  expect_bridge_error(op_convert_to_tensor(data.frame(a = "x")), "type_error", "column 1 is", fixed = TRUE)
  expect_bridge_error(op_convert_to_tensor(data.frame(a = TRUE, b = 1)), "type_error", "mixes logical and numeric columns", fixed = TRUE)
  expect_bridge_error(keras_variable(data.frame(a = "x")), "type_error", "column 1 is", fixed = TRUE)
  framed <- data.frame(a = 1:2)
  framed$m <- matrix(1, 2, 2)
  expect_bridge_error(op_convert_to_tensor(framed), "type_error", "column 2 is an array of shape (2, 2)", fixed = TRUE)
})

test_that("a data frame column that is a 1-d array (as a tibble keeps it) is one column", {
  framed <- data.frame(b = 1:3)
  framed$a <- array(c(1.5, 2, 3))
  expect_identical(as.array(op_convert_to_tensor(framed)), cbind(c(1, 2, 3), c(1.5, 2, 3)))
})

test_that("a single factor, date or time is refused as an operand too, not read as its code", {
  expect_bridge_error(op_add(factor("3"), 1), "type_error", "<factor> of length 1", fixed = TRUE)
  expect_bridge_error(op_add(op_array(c(10, 20)), as.POSIXct("2020-01-01", tz = "UTC")), "type_error", "<POSIXct/POSIXt>", fixed = TRUE)
  expect_bridge_error(op_clip(c(10, 20), 0, factor("15")), "type_error", "<factor>", fixed = TRUE)
  expect_bridge_error(op_nan_to_num(c(NaN, 1), nan = as.Date("2020-01-01")), "type_error", "<Date>", fixed = TRUE)
  expect_bridge_error(initializer_constant(factor("3")), "type_error", "Received: value=<factor> of length 1", fixed = TRUE)
  v <- keras_variable(c(1, 2))
  expect_bridge_error(v$assign_add(factor("3")), "type_error", "<factor>", fixed = TRUE)
  expect_identical(as.vector(as.array(v)), c(1, 2))
})

test_that("a date or factor is no count or axis either", {
  expect_bridge_error(op_eye(3L, M = Sys.Date()), "type_error", "`M`")
  expect_bridge_error(op_all(op_array(matrix(1, 2, 2)), axis = factor("b")), "type_error", "`axis`")
  expect_bridge_error(op_empty(shape = Sys.Date()), "value_error", "<Date>")
})
