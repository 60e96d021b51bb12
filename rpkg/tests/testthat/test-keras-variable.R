test_that("an R double array keeps float64 and its shape", {
  v <- keras_variable(array(1, c(3, 3)))
  expect_equal(v$dtype, "float64")
  expect_equal(as.integer(v$shape), c(3L, 3L))
  expect_equal(v$ndim, 2L)
  expect_identical(as.array(v), array(1, c(3, 3)))
})

test_that("integer and logical arrays keep int32 and bool", {
  expect_equal(keras_variable(array(1:4, c(2, 2)))$dtype, "int32")
  expect_equal(keras_variable(array(c(TRUE, FALSE), 2))$dtype, "bool")
})

test_that("a plain double vector or scalar takes config_floatx()", {
  expect_equal(keras_variable(c(1, 2, 3))$dtype, config_floatx())
  s <- keras_variable(2.5)
  expect_equal(s$dtype, "float32")
  expect_length(unlist(s$shape), 0)
})

test_that("an explicit dtype wins", {
  v <- keras_variable(array(1, c(2, 2)), dtype = "float32")
  expect_equal(v$dtype, "float32")
})

test_that("unnamed variables get unique names and explicit names are kept", {
  clear_session()
  a <- keras_variable(1)
  b <- keras_variable(1)
  named <- keras_variable(1, name = "weights")
  expect_equal(a$name, "variable")
  expect_equal(b$name, "variable_1")
  expect_equal(named$name, "weights")
  expect_equal(named$path, "weights")
})

test_that("an initializer with a shape fills the variable", {
  v <- keras_variable(initializer_ones(), shape = c(2, 3), dtype = "float32")
  expect_identical(as.array(v), array(1, c(2, 3)))
  expect_equal(v$dtype, "float32")
})

test_that("a string names an initializer", {
  v <- keras_variable("zeros", shape = c(2, 2))
  expect_identical(as.array(v), array(0, c(2, 2)))
})

test_that("an R function(shape, dtype) is an initializer", {
  seen <- NULL
  init <- function(shape, dtype) {
    seen <<- list(shape = shape, dtype = dtype)
    array(seq_len(prod(shape)), shape)
  }
  v <- keras_variable(init, shape = c(2, 3))
  expect_equal(seen$shape, c(2L, 3L))
  expect_equal(seen$dtype, "float32")
  expect_identical(as.array(v), array(as.double(1:6), c(2, 3)))
})

test_that("an R initializer function gets the shape as its first argument, whatever it is named, as Keras calls it", {
  v <- keras_variable(function(s, dtype) array(2, s), shape = c(2, 2))
  expect_identical(as.array(v), array(2, c(2, 2)))
  w <- keras_variable(function(dims, ...) array(3, dims), shape = 3)
  expect_identical(as.array(w), array(3, 3))
})

test_that("value is a snapshot until assign", {
  v <- keras_variable(array(1, c(3, 3)))
  value <- v$value
  value@r[1, ] <- 99
  expect_identical(as.array(v), array(1, c(3, 3)))
  v$assign(value)
  expect_identical(as.array(v)[1, ], c(99, 99, 99))
  expect_identical(as.array(v)[2, ], c(1, 1, 1))
})

test_that("value is the same tensor until the variable changes, as in Keras", {
  v <- keras_variable(array(1, c(2, 2)))
  first <- v$value
  expect_identical(v$value@ptr, first@ptr)
  v$assign(array(5, c(2, 2)))
  expect_false(identical(v$value@ptr, first@ptr))
  expect_identical(as.array(first), array(1, c(2, 2)))
  expect_identical(as.array(v$value), array(5, c(2, 2)))
})

test_that("assign returns the new value, which value then gives", {
  v <- keras_variable(array(1, c(2, 2)))
  returned <- v$assign(array(2L, c(2, 2)))
  expect_s4_class(returned, "kerasbridge_tensor")
  expect_identical(as.array(returned), array(2, c(2, 2)))
  expect_identical(v$value@ptr, returned@ptr)
  v@r[1, 1] <- 7
  expect_identical(as.array(v$value), array(c(7, 2, 2, 2), c(2, 2)))
  expect_identical(as.array(returned), array(2, c(2, 2)))
})

test_that("a large variable's value is a new tensor each time, holding no stale copy", {
  v <- keras_variable(array(1, c(100, 100)))
  expect_false(identical(v$value@ptr, v$value@ptr))
  expect_identical(as.array(v$value), array(1, c(100, 100)))
})

test_that("assign_add and assign_sub update the value", {
  v <- keras_variable(array(1, c(2, 2)))
  v$assign_add(array(2, c(2, 2)))
  expect_identical(as.array(v), array(3, c(2, 2)))
  v$assign_sub(array(1, c(2, 2)))
  expect_identical(as.array(v), array(2, c(2, 2)))
})

test_that("assign_add adds as Keras's assign(self + value): an R number is weak, the sum cast back", {
  v <- keras_variable(c(-3L, 3L))
  v$assign_add(0.5)
  expect_identical(as.array(v), array(c(-2L, 3L)))
  v <- keras_variable(c(1L, 5L))
  v$assign_sub(0.5)
  expect_identical(as.array(v), array(c(0L, 4L)))
})

test_that("assign_add of a float tensor to an int variable sums in float, then truncates", {
  v <- keras_variable(c(-2L, 3L))
  v$assign_add(op_array(c(0.5, 0.5), "float32"))
  expect_identical(as.array(v), array(c(-1L, 3L)))
})

test_that("assign_sub of an R integer from a bool variable computes in int32, then casts to bool", {
  v <- keras_variable(c(TRUE, FALSE))
  v$assign_sub(1L)
  expect_identical(as.array(v), array(c(FALSE, TRUE)))
})

test_that("assign_add of an R integer a uint8 variable cannot hold is refused, as NumPy 2, JAX and TensorFlow refuse uint8 + -1, and leaves the variable", {
  v <- keras_variable(c(1L, 5L), dtype = "uint8")
  expect_error(v$assign_add(-1L), "Python integer -1 out of bounds for uint8", class = "value_error")
  expect_identical(as.array(v), array(c(1L, 5L)))
  v$assign_add(2L)
  expect_identical(as.array(v), array(c(3L, 7L)))
})

test_that("assign_add broadcasts an R vector over a matrix variable as Keras's addition does", {
  v <- keras_variable(array(0, c(2, 3)))
  v$assign_add(c(1, 2, 3))
  expect_identical(as.array(v), matrix(c(1, 2, 3), 2, 3, byrow = TRUE))
})

test_that("trainable and autocast take numbers as Keras's bool() does: 0 is FALSE", {
  v <- keras_variable(c(1, 2), trainable = 0, autocast = 1L)
  expect_false(v$trainable)
  expect_true(v$autocast)
  v$trainable <- 2
  expect_true(v$trainable)
})

test_that("trainable can be read and set", {
  v <- keras_variable(array(1, c(3, 3)), dtype = "float32", trainable = FALSE)
  expect_false(v$trainable)
  v$trainable <- TRUE
  expect_true(v$trainable)
})

test_that("the attributes of the reference document all answer", {
  v <- keras_variable(array(1, c(3, 3)))
  expect_true(v$autocast)
  expect_equal(v$aggregation, "none")
  expect_equal(v$synchronization, "auto")
})

test_that("printing shows the Keras header and R-style values", {
  clear_session()
  v <- keras_variable(array(1, c(3, 3)))
  out <- capture.output(print(v))
  expect_equal(out[1], "<Variable path=variable, shape=(3, 3), dtype=float64>")
  expect_match(out[2], "\\[,1\\] \\[,2\\] \\[,3\\]")
})

test_that("shapes print as shape() and convert to integers", {
  v <- keras_variable(array(1, c(3, 4)))
  expect_output(print(v$shape), "shape(3, 4)", fixed = TRUE)
  expect_identical(as.integer(v$shape), c(3L, 4L))
  expect_identical(unlist(v$shape), c(3L, 4L))
})

test_that("an initializer function may return a list, as Keras converts a Python list (variables_test.py's lambda returning [1.0])", {
  v <- keras_variable(function(shape, dtype) list(1.0), shape = 1, dtype = "float32")
  expect_identical(as.array(v), array(1))
  w <- keras_variable(function(shape, dtype) list(list(1, 2), list(3, 4)), shape = c(2, 2))
  expect_identical(as.array(w), rbind(c(1, 2), c(3, 4)))
})

test_that("an initializer function may return a tensor, so op_ones serves as one", {
  v <- keras_variable(initializer = op_ones, shape = shape(), dtype = "int64")
  expect_identical(v$dtype, "int64")
  expect_identical(as.array(v), array(1))
  w <- keras_variable(initializer = function(shape, dtype) op_full(shape, 7, dtype), shape = c(2, 2), dtype = "float32")
  expect_identical(as.array(w), array(7, c(2, 2)))
  z <- keras_variable(initializer = op_zeros, shape = shape(3))
  expect_identical(as.array(z), array(0, 3))
})

test_that("keras_variable takes keras3's layout argument, NULL only, as there is no distribution", {
  expect_true("layout" %in% names(formals(keras_variable)))
  expect_null(formals(keras_variable)$layout)
  expect_bridge_error(keras_variable(1, layout = "x"), "value_error", "`layout` must be NULL")
})

test_that("overwrite_with_gradient, regularizer and constraint read as Keras's defaults", {
  v <- keras_variable(1)
  expect_false(v$overwrite_with_gradient)
  expect_null(v$regularizer)
  expect_null(v$constraint)
})

test_that("constraint and regularizer take an R function or NULL, as Keras's setters take any callable (variables_test.py)", {
  v <- keras_variable(c(1, 2))
  clip <- function(w) op_clip(w, 0, 1)
  v$constraint <- clip
  expect_identical(v$constraint, clip)
  same <- v
  expect_identical(same$constraint, clip)
  penalty <- function(w) 0.01 * sum(w^2)
  v$regularizer <- penalty
  expect_identical(v$regularizer, penalty)
  v$constraint <- NULL
  expect_null(v$constraint)
  expect_bridge_error(v$constraint <- "not callable", "value_error", "Invalid value for attribute `constraint`. Expected a callable", fixed = TRUE)
  expect_bridge_error(v$regularizer <- 1, "value_error", "Invalid value for attribute `regularizer`", fixed = TRUE)
  expect_identical(v$regularizer, penalty)
})

test_that("overwrite_with_gradient is settable, as on Keras's variables, and takes only TRUE or FALSE", {
  v <- keras_variable(1)
  v$overwrite_with_gradient <- TRUE
  expect_true(v$overwrite_with_gradient)
  expect_error(v$overwrite_with_gradient <- "yes", class = "kerasbridge_error")
  expect_true(v$overwrite_with_gradient)
})
